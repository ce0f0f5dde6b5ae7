package io.edgeloop.streams;

import io.edgeloop.core.candle.Candle;
import io.edgeloop.core.candle.Timeframe;
import io.edgeloop.core.indicators.TimeframeBundle;
import io.edgeloop.core.snapshot.Field;
import io.edgeloop.core.snapshot.Fields;
import io.edgeloop.core.snapshot.Snapshot;
import io.edgeloop.schemas.avro.PatternMatch;
import io.edgeloop.schemas.avro.PhaseZone;
import io.edgeloop.schemas.avro.ScoreSnapshot;
import io.edgeloop.schemas.avro.Stage;
import io.edgeloop.schemas.avro.StateQuadrant;
import io.edgeloop.schemas.avro.TimeframeProfile;
import io.edgeloop.schemas.avro.TimeframeState;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@link ScoreSnapshot} of one model step: the snapshot's headline fields, every frame of
 * the profile (LTF frames first) with its indicators as they stood, and the matched patterns with
 * their revision, status and confidence. A value the model has not warmed up yet (NaN) is null.
 */
final class SnapshotMapping {

    /** The Avro constant of each category of a category field, by the category's index. */
    static final StateQuadrant[] STATES = EnumMapping.byCategory(Fields.STATES, StateQuadrant.class);
    static final Stage[] STAGES = EnumMapping.byCategory(Fields.STAGES, Stage.class);
    static final PhaseZone[] ZONES = EnumMapping.byCategory(Fields.PHASE_ZONES, PhaseZone.class);

    private SnapshotMapping() {
    }

    static ScoreSnapshot of(Candle candle, ModelStep step, PatternLibrary library) {
        Snapshot s = step.snapshot();
        List<TimeframeState> frames = new ArrayList<>(step.ltf().size() + step.htf().size());
        for (Timeframe tf : step.ltf()) {
            frames.add(frame(tf, step, s));
        }
        for (Timeframe tf : step.htf()) {
            frames.add(frame(tf, step, s));
        }
        double close = s.get(Fields.CLOSE);
        return new ScoreSnapshot(candle.ticker(), Instant.ofEpochMilli(candle.openTime()), candle.interval().code(),
                new TimeframeProfile(codes(step.ltf()), codes(step.htf())),
                value(s, Fields.HTF_SCORE), value(s, Fields.LTF_SCORE),
                value(s, Fields.HTF_CHANGE), value(s, Fields.LTF_CHANGE),
                state(s), prevState(s), stage(s), prevStage(s),
                value(s, Fields.PHASE), category(s, Fields.PHASE_ZONE, ZONES),
                value(s, Fields.COMPLETION), value(s, Fields.RANK),
                s.get(Fields.MOMENTUM_ELITE) == 1.0,
                s.present(Fields.SIGNAL_COUNT) ? (int) s.get(Fields.SIGNAL_COUNT) : 0,
                Double.isNaN(close) ? candle.close() : close,
                value(s, Fields.RSI), value(s, Fields.VOLUME_RATIO), value(s, Fields.ATR_RATIO),
                value(s, Fields.PNL_PCT), positionDirectionOrNull(step), frames, matches(step, library),
                library.version());
    }

    /** The matched patterns of a step, in library (id) order. */
    static List<PatternMatch> matches(ModelStep step, PatternLibrary library) {
        List<PatternMatch> out = new ArrayList<>(step.matchCount());
        for (int i = 0; i < step.matchCount(); i++) {
            PatternLibrary.Entry e = library.entry(step.matchPosition(i));
            double confidence = e.confidence();
            out.add(new PatternMatch(e.id(), e.version(), e.direction(), e.status(),
                    Double.isNaN(confidence) ? null : confidence));
        }
        return out;
    }

    /** The snapshot's state quadrant, null before the model has one. */
    static StateQuadrant state(Snapshot s) {
        return category(s, Fields.STATE, STATES);
    }

    /** The state quadrant before this bar, null when none. */
    static StateQuadrant prevState(Snapshot s) {
        return category(s, Fields.PREV_STATE, STATES);
    }

    /** The kanban stage, WATCH when the model has none yet. */
    static Stage stage(Snapshot s) {
        Stage stage = category(s, Fields.STAGE, STAGES);
        return stage == null ? Stage.WATCH : stage;
    }

    /** The stage before this bar, null when none. */
    static Stage prevStage(Snapshot s) {
        return category(s, Fields.PREV_STAGE, STAGES);
    }

    /**
     * The direction of the position the step's stage holds: at ENTER, HOLD, DEFEND, TRIM and EXIT
     * the open or just-closed position's, +1 long or -1 short; 0 at WATCH and SETUP, where the
     * lane is flat and {@link ModelStep#positionDirection()} still names an earlier position (0
     * before any). The snapshot's {@code positionDirection}, 0 written as null.
     */
    static int positionDirection(ModelStep step) {
        return stage(step.snapshot()).compareTo(Stage.ENTER) >= 0 ? Integer.signum(step.positionDirection()) : 0;
    }

    private static Integer positionDirectionOrNull(ModelStep step) {
        int direction = positionDirection(step);
        return direction == 0 ? null : direction;
    }

    /** The constant of a category field's value (its index in the field's categories), or null when absent. */
    private static <T> T category(Snapshot s, Field field, T[] constants) {
        double v = s.get(field);
        return Double.isNaN(v) ? null : constants[(int) v];
    }

    private static TimeframeState frame(Timeframe tf, ModelStep step, Snapshot s) {
        TimeframeBundle b = step.frame(tf);
        return new TimeframeState(tf.code(), Instant.ofEpochMilli(step.frameOpenTime(tf)), step.frameClosed(tf),
                b.close(), nullable(b.ema21()), nullable(b.ema48()), nullable(b.ema200()), nullable(b.atr14()),
                nullable(b.rsi14()), integer(b.stDir()), nullable(b.stLine()), flag(b.sqOn()),
                integer(b.sqReleaseDir()), integer(b.stFlip()), integer(b.emaCross()), flag(b.compressed()),
                nullable(b.mom()), nullable(b.momStd()), value(s, Fields.of(Fields.Family.TF_SCORE, tf)));
    }

    private static List<String> codes(List<Timeframe> frames) {
        List<String> out = new ArrayList<>(frames.size());
        for (Timeframe tf : frames) {
            out.add(tf.code());
        }
        return out;
    }

    private static Double value(Snapshot s, Field field) {
        return nullable(s.get(field));
    }

    static Double nullable(double v) {
        return Double.isNaN(v) ? null : v;
    }

    private static Integer integer(double v) {
        return Double.isNaN(v) ? null : (int) v;
    }

    private static Boolean flag(double v) {
        return Double.isNaN(v) ? null : v == 1.0;
    }
}
