package io.edgeloop.streams;

import io.edgeloop.core.signals.PatternMatch;
import io.edgeloop.core.signals.SignalConfig;
import io.edgeloop.core.signals.TickerSignal;
import io.edgeloop.schemas.avro.MarketSignal;
import io.edgeloop.schemas.avro.PatternStatus;
import io.edgeloop.schemas.avro.ScoreSnapshot;
import io.edgeloop.schemas.avro.SignalLabel;
import io.edgeloop.schemas.avro.SignalLevel;

import java.util.ArrayList;
import java.util.List;

/**
 * A ticker's net signal from its snapshot, by core's {@link TickerSignal} (state part, stage
 * part, HTF part, and the pattern part over the matches that boost, i.e. ACTIVE patterns with a
 * known confidence). The same function serves the {@code signals} topic and the query API, so
 * both always agree. Keys of the {@code signals} topic are {@code LEVEL:key}.
 */
final class TickerSignals {

    /** Key prefix of ticker-level signals. */
    static final String TICKER_PREFIX = SignalLevel.TICKER.name() + ":";

    private static final String[] STAGE_CODES = EnumMapping.lowerCaseNames(io.edgeloop.schemas.avro.Stage.class);
    private static final io.edgeloop.core.rules.Direction[] DIRECTIONS = EnumMapping.byOrdinal(
            io.edgeloop.schemas.avro.Direction.class, io.edgeloop.core.rules.Direction.class);
    private static final SignalLabel[] LABELS = EnumMapping.byOrdinal(io.edgeloop.core.signals.SignalLabel.class,
            SignalLabel.class);

    private TickerSignals() {
    }

    /** The {@code signals} key of a ticker. */
    static String key(String ticker) {
        return TICKER_PREFIX + ticker;
    }

    static MarketSignal of(ScoreSnapshot snapshot, SignalConfig config) {
        List<io.edgeloop.schemas.avro.PatternMatch> matched = snapshot.getMatchedPatterns();
        List<PatternMatch> matches = matched.isEmpty() ? List.of() : new ArrayList<>(matched.size());
        for (io.edgeloop.schemas.avro.PatternMatch m : matched) {
            if (m.getStatus() == PatternStatus.ACTIVE && m.getConfidence() != null) {
                matches.add(new PatternMatch(DIRECTIONS[m.getDirection().ordinal()], m.getConfidence()));
            }
        }
        TickerSignal signal = TickerSignal.of(
                snapshot.getState() == null ? null : snapshot.getState().name(),
                STAGE_CODES[snapshot.getStage().ordinal()],
                snapshot.getHtfScore() == null ? Double.NaN : snapshot.getHtfScore(),
                matches, config);
        SignalLabel label = LABELS[signal.label().ordinal()];
        return new MarketSignal(SignalLevel.TICKER, snapshot.getTicker(), snapshot.getBarTime(), signal.net(), label,
                null, label == SignalLabel.BULLISH ? 1 : 0, label == SignalLabel.BEARISH ? 1 : 0,
                label == SignalLabel.NEUTRAL ? 1 : 0, null, List.of());
    }
}
