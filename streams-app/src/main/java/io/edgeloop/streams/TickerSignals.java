package io.edgeloop.streams;

import io.edgeloop.core.signals.PatternMatch;
import io.edgeloop.core.signals.SignalConfig;
import io.edgeloop.core.signals.TickerSignal;
import io.edgeloop.core.snapshot.Fields;
import io.edgeloop.core.snapshot.Snapshot;
import io.edgeloop.schemas.avro.MarketSignal;
import io.edgeloop.schemas.avro.PatternStatus;
import io.edgeloop.schemas.avro.ScoreSnapshot;
import io.edgeloop.schemas.avro.SignalLabel;
import io.edgeloop.schemas.avro.SignalLevel;
import io.edgeloop.schemas.avro.Stage;
import io.edgeloop.schemas.avro.StateQuadrant;
import io.edgeloop.schemas.serde.AvroBuffer;
import io.edgeloop.schemas.serde.AvroSerde;
import io.edgeloop.schemas.serde.EdgeloopSerdes;

import java.util.ArrayList;
import java.util.List;

/**
 * A ticker's net signal from its snapshot, by core's {@link TickerSignal} (state part, stage
 * part, HTF part, and the pattern part over the matches that boost, i.e. ACTIVE patterns with a
 * known confidence). The same function serves the {@code signals} topic and the query API, so
 * both always agree. Keys of the {@code signals} topic are {@code LEVEL:key}.
 *
 * <p>The stage part is mirrored for a short lane (core's {@link TickerSignal}): at a position
 * stage by the direction of the position ({@link SnapshotMapping#positionDirection}, the
 * snapshot's {@code positionDirection}), at SETUP by the HTF side of the state. A snapshot
 * written before {@code positionDirection} existed (ScoreSnapshot v1) reads it as null: the
 * direction is unknown and a position counts long, the weighting before the mirroring.
 */
final class TickerSignals {

    /** Key prefix of ticker-level signals. */
    static final String TICKER_PREFIX = SignalLevel.TICKER.name() + ":";

    private static final String[] STAGE_CODES = EnumMapping.lowerCaseNames(io.edgeloop.schemas.avro.Stage.class);
    private static final io.edgeloop.core.rules.Direction[] DIRECTIONS = EnumMapping.byOrdinal(
            io.edgeloop.schemas.avro.Direction.class, io.edgeloop.core.rules.Direction.class);
    private static final SignalLabel[] LABELS = EnumMapping.byOrdinal(io.edgeloop.core.signals.SignalLabel.class,
            SignalLabel.class);

    private static final AvroSerde<MarketSignal> SERDE = EdgeloopSerdes.of(MarketSignal.class);

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
        Integer direction = snapshot.getPositionDirection();
        TickerSignal signal = signal(snapshot.getState(), snapshot.getStage(),
                direction == null ? 0 : Integer.signum(direction),
                snapshot.getHtfScore() == null ? Double.NaN : snapshot.getHtfScore(), matches, config);
        SignalLabel label = LABELS[signal.label().ordinal()];
        return new MarketSignal(SignalLevel.TICKER, snapshot.getTicker(), snapshot.getBarTime(), signal.net(), label,
                null, label == SignalLabel.BULLISH ? 1 : 0, label == SignalLabel.BEARISH ? 1 : 0,
                label == SignalLabel.NEUTRAL ? 1 : 0, null, List.of());
    }

    /**
     * The signal of a model step, straight from the step: the same as {@link #of(ScoreSnapshot,
     * SignalConfig)} of its {@link SnapshotMapping#of snapshot}, without building the snapshot.
     */
    static TickerSignal of(ModelStep step, PatternLibrary library, SignalConfig config) {
        int n = step.matchCount();
        List<PatternMatch> matches = n == 0 ? List.of() : new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            PatternLibrary.Entry e = library.entry(step.matchPosition(i));
            double confidence = e.confidence();
            if (e.status() == PatternStatus.ACTIVE && !Double.isNaN(confidence)) {
                matches.add(new PatternMatch(DIRECTIONS[e.direction().ordinal()], confidence));
            }
        }
        Snapshot s = step.snapshot();
        return signal(SnapshotMapping.state(s), SnapshotMapping.stage(s), SnapshotMapping.positionDirection(step),
                s.get(Fields.HTF_SCORE), matches, config);
    }

    /**
     * The {@code signals} value of a ticker's signal at a bar, written straight into the buffer:
     * the bytes the catalog serde writes for the {@link MarketSignal} that {@link #of(ScoreSnapshot,
     * SignalConfig)} gives for the same signal (level TICKER, no regime, no breadth, no risk flags).
     */
    static byte[] encode(String ticker, long barTime, TickerSignal signal, AvroBuffer buffer) {
        return SERDE.encode((s, out) -> {
            SignalLabel label = LABELS[s.label().ordinal()];
            out.writeInt(SignalLevel.TICKER.ordinal());
            out.writeString(ticker);
            out.writeLong(barTime);
            out.writeDouble(s.net());
            out.writeInt(label.ordinal());
            out.writeInt(0);
            out.writeInt(label == SignalLabel.BULLISH ? 1 : 0);
            out.writeInt(label == SignalLabel.BEARISH ? 1 : 0);
            out.writeInt(label == SignalLabel.NEUTRAL ? 1 : 0);
            out.writeInt(0);
            out.writeLong(0);
        }, signal, buffer);
    }

    private static TickerSignal signal(StateQuadrant state, Stage stage, int positionDirection, double htfScore,
                                       List<PatternMatch> matches, SignalConfig config) {
        return TickerSignal.of(state == null ? null : state.name(), STAGE_CODES[stage.ordinal()], positionDirection,
                htfScore, matches, config);
    }
}
