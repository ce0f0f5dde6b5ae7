package io.edgeloop.streams;

import io.edgeloop.core.candle.Candle;
import io.edgeloop.core.candle.Timeframe;
import io.edgeloop.core.indicators.TimeframeBundle;
import io.edgeloop.core.snapshot.Field;
import io.edgeloop.core.snapshot.Fields;
import io.edgeloop.core.snapshot.Snapshot;
import io.edgeloop.schemas.avro.ScoreSnapshot;
import io.edgeloop.schemas.serde.AvroBuffer;
import io.edgeloop.schemas.serde.AvroSerde;
import io.edgeloop.schemas.serde.EdgeloopSerdes;

import java.util.Arrays;
import java.util.List;

/**
 * The {@code scores} record of one model step, encoded straight from the step: the bytes the
 * catalog serde writes for {@link SnapshotMapping#of} of the same step, without building the
 * {@link ScoreSnapshot} first (six frames of 19 boxed fields, a fifth of the stream thread, only
 * to be taken apart again by the encoder). It follows {@link SnapshotMapping} field by field, in
 * the order of the {@code ScoreSnapshot} schema (every nullable field a {@code ["null", T]} union:
 * branch 0 for null, 1 for a value); {@code SnapshotEncodingTest} checks the bytes against the
 * serde's on real data, with and without matched patterns, for every candle.
 *
 * <p>One instance per processor (it holds the candle and library of the step being written, and
 * the processor's buffer).
 */
final class SnapshotEncoding implements AvroSerde.BodyWriter<ModelStep> {

    private static final AvroSerde<ScoreSnapshot> SERDE = EdgeloopSerdes.of(ScoreSnapshot.class);

    /** Each interval's code, encoded ({@link AvroBuffer#encoded}), by ordinal. */
    private static final byte[][] CODES = Arrays.stream(Timeframe.values())
            .map(tf -> AvroBuffer.encoded(tf.code())).toArray(byte[][]::new);

    private final AvroBuffer buffer;
    private Candle candle;
    private PatternLibrary library;

    /** @param buffer the buffer to encode in, used by the processor's thread alone */
    SnapshotEncoding(AvroBuffer buffer) {
        this.buffer = buffer;
    }

    /** The {@code scores} value of a step: single-object header and body. */
    byte[] encode(Candle stepCandle, ModelStep step, PatternLibrary stepLibrary) {
        candle = stepCandle;
        library = stepLibrary;
        try {
            return SERDE.encode(this, step, buffer);
        } finally {
            candle = null;
            library = null;
        }
    }

    /** The snapshot back from its encoding (for the query store, once per ticker and commit). */
    static ScoreSnapshot decode(byte[] encoded) {
        return SERDE.decode(null, encoded);
    }

    @Override
    public void write(ModelStep step, AvroBuffer out) {
        Snapshot s = step.snapshot();
        out.writeString(candle.ticker());
        out.writeLong(candle.openTime());
        code(candle.interval(), out);
        codes(step.ltf(), out);
        codes(step.htf(), out);
        value(s, Fields.HTF_SCORE, out);
        value(s, Fields.LTF_SCORE, out);
        value(s, Fields.HTF_CHANGE, out);
        value(s, Fields.LTF_CHANGE, out);
        category(s, Fields.STATE, SnapshotMapping.STATES, out);
        category(s, Fields.PREV_STATE, SnapshotMapping.STATES, out);
        out.writeInt(SnapshotMapping.stage(s).ordinal());
        category(s, Fields.PREV_STAGE, SnapshotMapping.STAGES, out);
        value(s, Fields.PHASE, out);
        category(s, Fields.PHASE_ZONE, SnapshotMapping.ZONES, out);
        value(s, Fields.COMPLETION, out);
        value(s, Fields.RANK, out);
        out.writeBoolean(s.get(Fields.MOMENTUM_ELITE) == 1.0);
        out.writeInt(s.present(Fields.SIGNAL_COUNT) ? (int) s.get(Fields.SIGNAL_COUNT) : 0);
        double close = s.get(Fields.CLOSE);
        out.writeDouble(Double.isNaN(close) ? candle.close() : close);
        value(s, Fields.RSI, out);
        value(s, Fields.VOLUME_RATIO, out);
        value(s, Fields.ATR_RATIO, out);
        value(s, Fields.PNL_PCT, out);
        int direction = SnapshotMapping.positionDirection(step);
        if (direction == 0) {
            out.writeInt(0);
        } else {
            out.writeInt(1);
            out.writeInt(direction);
        }
        List<Timeframe> ltf = step.ltf();
        List<Timeframe> htf = step.htf();
        int frames = ltf.size() + htf.size();
        if (frames > 0) {
            out.writeLong(frames);
            for (int i = 0; i < ltf.size(); i++) {
                frame(ltf.get(i), step, s, out);
            }
            for (int i = 0; i < htf.size(); i++) {
                frame(htf.get(i), step, s, out);
            }
        }
        out.writeLong(0);
        matches(step, out);
        out.writeLong(library.version());
    }

    /** A {@code TimeframeState}, as {@link SnapshotMapping} maps it. */
    private static void frame(Timeframe tf, ModelStep step, Snapshot s, AvroBuffer out) {
        TimeframeBundle b = step.frame(tf);
        code(tf, out);
        out.writeLong(step.frameOpenTime(tf));
        out.writeBoolean(step.frameClosed(tf));
        out.writeDouble(b.close());
        nullable(b.ema21(), out);
        nullable(b.ema48(), out);
        nullable(b.ema200(), out);
        nullable(b.atr14(), out);
        nullable(b.rsi14(), out);
        integer(b.stDir(), out);
        nullable(b.stLine(), out);
        flag(b.sqOn(), out);
        integer(b.sqReleaseDir(), out);
        integer(b.stFlip(), out);
        integer(b.emaCross(), out);
        flag(b.compressed(), out);
        nullable(b.mom(), out);
        nullable(b.momStd(), out);
        nullable(s.get(Fields.of(Fields.Family.TF_SCORE, tf)), out);
    }

    /** The matched patterns ({@code PatternMatch}s), in library (id) order. */
    private void matches(ModelStep step, AvroBuffer out) {
        int n = step.matchCount();
        if (n > 0) {
            out.writeLong(n);
            for (int i = 0; i < n; i++) {
                PatternLibrary.Entry e = library.entry(step.matchPosition(i));
                out.writeString(e.id());
                out.writeInt(e.version());
                out.writeInt(e.direction().ordinal());
                out.writeInt(e.status().ordinal());
                nullable(e.confidence(), out);
            }
        }
        out.writeLong(0);
    }

    private static void codes(List<Timeframe> frames, AvroBuffer out) {
        if (!frames.isEmpty()) {
            out.writeLong(frames.size());
            for (int i = 0; i < frames.size(); i++) {
                code(frames.get(i), out);
            }
        }
        out.writeLong(0);
    }

    private static void code(Timeframe tf, AvroBuffer out) {
        byte[] code = CODES[tf.ordinal()];
        out.write(code, 0, code.length);
    }

    /** A category field as a nullable enum, mapped as {@link SnapshotMapping} maps it. */
    private static void category(Snapshot s, Field field, Enum<?>[] constants, AvroBuffer out) {
        double v = s.get(field);
        if (Double.isNaN(v)) {
            out.writeInt(0);
        } else {
            out.writeInt(1);
            out.writeInt(constants[(int) v].ordinal());
        }
    }

    private static void value(Snapshot s, Field field, AvroBuffer out) {
        nullable(s.get(field), out);
    }

    private static void nullable(double v, AvroBuffer out) {
        if (Double.isNaN(v)) {
            out.writeInt(0);
        } else {
            out.writeInt(1);
            out.writeDouble(v);
        }
    }

    private static void integer(double v, AvroBuffer out) {
        if (Double.isNaN(v)) {
            out.writeInt(0);
        } else {
            out.writeInt(1);
            out.writeInt((int) v);
        }
    }

    private static void flag(double v, AvroBuffer out) {
        if (Double.isNaN(v)) {
            out.writeInt(0);
        } else {
            out.writeInt(1);
            out.writeBoolean(v == 1.0);
        }
    }
}
