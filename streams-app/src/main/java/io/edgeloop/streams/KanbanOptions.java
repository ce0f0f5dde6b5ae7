package io.edgeloop.streams;

import io.edgeloop.core.config.AppConfig;
import io.edgeloop.core.config.Option;
import io.edgeloop.core.model.ModelConfig;

import java.util.List;

/**
 * The kanban thresholds of core's model ({@link ModelConfig.Kanban}) as app options
 * {@code kanban.*}, defaults from the original model (MODEL_REFERENCE "Kanban"). The
 * pattern-aware ones: {@code kanban.pattern.confidence} (a pattern is confident above this
 * posterior), {@code kanban.pattern.count} (that many confident patterns of one direction promote
 * watch to setup) and {@code kanban.pattern.min.htf}.
 */
final class KanbanOptions {

    private static final ModelConfig.Kanban D = ModelConfig.Kanban.DEFAULTS;

    static final List<Option<Double>> ALL = List.of(
            Option.decimal("kanban.max.completion", D.maxCompletion(), "Enter only while completion is at most this."),
            Option.decimal("kanban.max.completion.pullback", D.maxCompletionPullback(),
                    "... or at most this in a pullback state."),
            Option.decimal("kanban.min.risk.reward", D.minRiskReward(), "Enter only with risk/reward at least this."),
            Option.decimal("kanban.pullback.min.htf", D.pullbackMinHtf(),
                    "Pullback entry path: HTF at least this in the entry direction."),
            Option.decimal("kanban.pullback.ltf.low", D.pullbackLtfLow(), "Pullback entry path, long: LTF at least this."),
            Option.decimal("kanban.pullback.ltf.high", D.pullbackLtfHigh(), "Pullback entry path, long: LTF at most this."),
            Option.decimal("kanban.rank.entry", D.rankEntry(), "Rank entry path: rank at least this."),
            Option.decimal("kanban.elite.rank", D.eliteRank(), "Momentum-elite entry path: rank at least this."),
            Option.decimal("kanban.long.corridor.low", D.longCorridorLow(), "Setup corridor, long: LTF at least this."),
            Option.decimal("kanban.long.corridor.high", D.longCorridorHigh(), "Setup corridor, long: LTF at most this."),
            Option.decimal("kanban.short.corridor.low", D.shortCorridorLow(), "Setup corridor, short: LTF at least this."),
            Option.decimal("kanban.short.corridor.high", D.shortCorridorHigh(), "Setup corridor, short: LTF at most this."),
            Option.decimal("kanban.pattern.confidence", D.patternConfidence(),
                    "A matching ACTIVE pattern is confident above this posterior mean hit rate."),
            Option.decimal("kanban.pattern.count", D.patternCount(),
                    "This many confident patterns of one direction promote watch to setup (a whole number)."),
            Option.decimal("kanban.pattern.min.htf", D.patternMinHtf(),
                    "... when the HTF score is at least this in their direction."),
            Option.decimal("kanban.exit.loss.pct", D.exitLossPct(), "Exit when the position's P&L is at most this percent."),
            Option.decimal("kanban.defend.loss.pct", D.defendLossPct(), "Defend when the P&L is at most this percent."),
            Option.decimal("kanban.trim.profit.pct", D.trimProfitPct(), "Trim when the P&L is at least this percent."),
            Option.decimal("kanban.trim.completion", D.trimCompletion(), "Trim when completion is at least this."),
            Option.decimal("kanban.trim.rsi.high", D.trimRsiHigh(), "Trim a long when the primary RSI is at least this."),
            Option.decimal("kanban.trim.rsi.low", D.trimRsiLow(), "Trim a short when the primary RSI is at most this."));

    private KanbanOptions() {
    }

    /** The model configuration: core's defaults with the configured kanban thresholds. */
    static ModelConfig model(AppConfig config) {
        double[] v = new double[ALL.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = config.get(ALL.get(i));
        }
        if (v[13] != Math.rint(v[13])) {
            throw new IllegalArgumentException("kanban.pattern.count must be a whole number, was " + v[13]);
        }
        ModelConfig.Kanban kanban = new ModelConfig.Kanban(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9],
                v[10], v[11], v[12], (int) v[13], v[14], v[15], v[16], v[17], v[18], v[19], v[20]);
        ModelConfig d = ModelConfig.defaults();
        return new ModelConfig(d.scores(), d.blend(), d.move(), d.elite(), d.rank(), kanban);
    }
}
