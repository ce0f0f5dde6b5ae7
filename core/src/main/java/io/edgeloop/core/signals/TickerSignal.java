package io.edgeloop.core.signals;

import io.edgeloop.core.snapshot.Fields;
import io.edgeloop.core.snapshot.Snapshot;

import java.util.List;
import java.util.Objects;

/**
 * A ticker's net signal (MODEL_REFERENCE, "Multi-level signals"), with the default weights:
 * <pre>
 * state part   = w(state) + w(stage) + clamp(HTF x 0.04, -0.2, +0.2)
 *   w(state): BULL/BULL +0.5, BULL/PULLBACK +0.25, BEAR/BEAR -0.5, BEAR/PULLBACK -0.25
 *   w(stage): enter +0.2, setup +0.1, exit -0.2, trim -0.1, other stages 0
 * pattern part = mean over directional matches of (+confidence for UP, -confidence for DOWN)
 * net          = (state part + pattern part) / 2 when a directional pattern matched, else state part
 * label        = BULLISH when net > 0.1, BEARISH when net < -0.1, else NEUTRAL
 * </pre>
 * NEUTRAL patterns carry no direction: they neither add to nor count in the pattern part. An
 * absent state, stage or HTF score (warm-up) contributes 0.
 *
 * @param statePart          the state part
 * @param patternPart        the pattern part (0 when no directional pattern matched)
 * @param directionalMatches how many UP or DOWN patterns matched
 * @param net                the net signal, in [-1, 1] with the default weights
 * @param label              the label of {@code net}
 */
public record TickerSignal(double statePart, double patternPart, int directionalMatches, double net,
                           SignalLabel label) {

    public TickerSignal {
        Objects.requireNonNull(label, "label");
    }

    /** The signal with {@link SignalConfig#defaults()}. */
    public static TickerSignal of(String state, String stage, double htfScore, List<PatternMatch> matches) {
        return of(state, stage, htfScore, matches, SignalConfig.defaults());
    }

    /**
     * The signal of a state quadrant (one of {@link Fields#STATES} or null), a kanban stage (one
     * of {@link Fields#STAGES} or null), an HTF score (NaN when absent) and the matched patterns.
     */
    public static TickerSignal of(String state, String stage, double htfScore, List<PatternMatch> matches,
                                  SignalConfig config) {
        Objects.requireNonNull(matches, "matches");
        double htfPart = Double.isNaN(htfScore) ? 0.0
                : Math.max(-config.htfCap(), Math.min(config.htfCap(), htfScore * config.htfFactor()));
        double statePart = stateWeight(state, config) + stageWeight(stage, config) + htfPart;
        double sum = 0;
        int directional = 0;
        for (int i = 0; i < matches.size(); i++) {
            PatternMatch match = matches.get(i);
            if (match.direction().sign() != 0) {
                sum += match.direction().sign() * match.confidence();
                directional++;
            }
        }
        double patternPart = directional == 0 ? 0.0 : sum / directional;
        double net = directional == 0 ? statePart : (statePart + patternPart) / 2.0;
        SignalLabel label = net > config.bullishAbove() ? SignalLabel.BULLISH
                : net < config.bearishBelow() ? SignalLabel.BEARISH : SignalLabel.NEUTRAL;
        return new TickerSignal(statePart, patternPart, directional, net, label);
    }

    /** The signal of a snapshot's {@code state}, {@code stage} and {@code htf_score} fields. */
    public static TickerSignal of(Snapshot snapshot, List<PatternMatch> matches, SignalConfig config) {
        return of(snapshot.category(Fields.STATE), snapshot.category(Fields.STAGE), snapshot.get(Fields.HTF_SCORE),
                matches, config);
    }

    private static double stateWeight(String state, SignalConfig c) {
        if (state == null) {
            return 0.0;
        }
        switch (state) {
            case "HTF_BULL_LTF_BULL": return c.bullBullWeight();
            case "HTF_BULL_LTF_PULLBACK": return c.bullPullbackWeight();
            case "HTF_BEAR_LTF_BEAR": return c.bearBearWeight();
            case "HTF_BEAR_LTF_PULLBACK": return c.bearPullbackWeight();
            default: throw new IllegalArgumentException("unknown state " + state + ", expected one of " + Fields.STATES);
        }
    }

    private static double stageWeight(String stage, SignalConfig c) {
        if (stage == null) {
            return 0.0;
        }
        switch (stage) {
            case "enter": return c.enterWeight();
            case "setup": return c.setupWeight();
            case "exit": return c.exitWeight();
            case "trim": return c.trimWeight();
            case "watch", "hold", "defend": return 0.0;
            default: throw new IllegalArgumentException("unknown stage " + stage + ", expected one of " + Fields.STAGES);
        }
    }
}
