package io.edgeloop.retro;

import io.edgeloop.core.candle.Timeframe;
import io.edgeloop.core.snapshot.Field;
import io.edgeloop.core.snapshot.Fields;
import io.edgeloop.core.snapshot.Fields.Family;
import io.edgeloop.core.snapshot.Snapshot;
import io.edgeloop.schemas.avro.ScoreSnapshot;
import io.edgeloop.schemas.avro.TimeframeState;

import java.util.List;
import java.util.Locale;

/**
 * Reads a {@code scores} record back into the core {@link Snapshot} the retrospective's rules
 * and lead-up features read, field by {@link Fields} name:
 * <ul>
 *   <li>headline values by name ({@code htfScore} to {@code htf_score}, ...); a null value is
 *       absent (NaN); enum values by name ({@code WATCH} to {@code watch} for stages);</li>
 *   <li>each {@code timeframes} entry to the per-frame fields of its frame ({@code squeezeOn}
 *       to {@code sq_on_D}, {@code squeezeRelease} to {@code sq_release_D}, {@code stDir},
 *       {@code stFlip}, {@code emaCross}, {@code compressed}, {@code score});</li>
 *   <li>the {@code _ltf} and {@code _htf} aggregates recomputed over the profile's frames of that
 *       side, finest first, exactly as the engine forms them: a boolean is 1 when any frame has 1,
 *       0 when frames have values and none is 1; a direction is the finest frame's non-zero value,
 *       else 0; absent when no frame of the side has a value; {@code score_ltf} /
 *       {@code score_htf} are the blended {@code ltfScore} / {@code htfScore}.</li>
 * </ul>
 */
public final class ScoreSnapshots {

    private ScoreSnapshots() {
    }

    /** The snapshot the record describes. */
    public static Snapshot toSnapshot(ScoreSnapshot r) {
        Snapshot s = new Snapshot();
        s.set(Fields.HTF_SCORE, value(r.getHtfScore()));
        s.set(Fields.LTF_SCORE, value(r.getLtfScore()));
        s.set(Fields.HTF_CHANGE, value(r.getHtfChange()));
        s.set(Fields.LTF_CHANGE, value(r.getLtfChange()));
        category(s, Fields.STATE, r.getState() == null ? null : r.getState().name());
        category(s, Fields.PREV_STATE, r.getPrevState() == null ? null : r.getPrevState().name());
        category(s, Fields.STAGE, r.getStage() == null ? null : r.getStage().name().toLowerCase(Locale.ROOT));
        category(s, Fields.PREV_STAGE, r.getPrevStage() == null ? null : r.getPrevStage().name().toLowerCase(Locale.ROOT));
        s.set(Fields.PHASE, value(r.getPhase()));
        category(s, Fields.PHASE_ZONE, r.getPhaseZone() == null ? null : r.getPhaseZone().name());
        s.set(Fields.PHASE_PCT, r.getPhase() == null ? Double.NaN : Math.min(1, Math.abs(r.getPhase()) / 100));
        s.set(Fields.COMPLETION, value(r.getCompletion()));
        s.set(Fields.RANK, value(r.getRank()));
        s.set(Fields.MOMENTUM_ELITE, r.getMomentumElite());
        s.set(Fields.SIGNAL_COUNT, r.getSignalCount());
        s.set(Fields.CLOSE, r.getClose());
        s.set(Fields.RSI, value(r.getRsi()));
        s.set(Fields.VOLUME_RATIO, value(r.getVolumeRatio()));
        s.set(Fields.ATR_RATIO, value(r.getAtrRatio()));
        s.set(Fields.PNL_PCT, value(r.getPnlPct()));
        for (TimeframeState tf : r.getTimeframes()) {
            Timeframe frame = timeframe(tf.getTf(), r);
            s.set(Fields.of(Family.SQ_ON, frame), flag(tf.getSqueezeOn()));
            s.set(Fields.of(Family.SQ_RELEASE, frame), value(tf.getSqueezeRelease()));
            s.set(Fields.of(Family.ST_DIR, frame), value(tf.getStDir()));
            s.set(Fields.of(Family.ST_FLIP, frame), value(tf.getStFlip()));
            s.set(Fields.of(Family.EMA_CROSS, frame), value(tf.getEmaCross()));
            s.set(Fields.of(Family.COMPRESSED, frame), flag(tf.getCompressed()));
            s.set(Fields.of(Family.TF_SCORE, frame), value(tf.getScore()));
        }
        aggregate(s, r.getProfile().getLtf(), true, r);
        aggregate(s, r.getProfile().getHtf(), false, r);
        s.set(Fields.ltf(Family.TF_SCORE), value(r.getLtfScore()));
        s.set(Fields.htf(Family.TF_SCORE), value(r.getHtfScore()));
        return s;
    }

    private static void aggregate(Snapshot s, List<String> frames, boolean lower, ScoreSnapshot r) {
        for (Family family : Family.values()) {
            if (family == Family.TF_SCORE) {
                continue;
            }
            boolean flag = family == Family.SQ_ON || family == Family.COMPRESSED;
            double agg = Double.NaN;
            for (String code : frames) {
                double v = s.get(Fields.of(family, timeframe(code, r)));
                if (Double.isNaN(v)) {
                    continue;
                }
                if (flag) {
                    agg = v == 1 ? 1 : Double.isNaN(agg) ? 0 : agg;
                } else if (Double.isNaN(agg) || agg == 0 && v != 0) {
                    agg = v;
                }
            }
            s.set(lower ? Fields.ltf(family) : Fields.htf(family), agg);
        }
    }

    private static Timeframe timeframe(String code, ScoreSnapshot r) {
        return Timeframe.parse(code).orElseThrow(() -> new IllegalArgumentException("scores record of "
                + r.getTicker() + " at " + r.getBarTime() + " has an unknown timeframe '" + code + "'"));
    }

    private static void category(Snapshot s, Field field, String name) {
        if (name != null) {
            s.setCategory(field, name);
        }
    }

    private static double value(Number v) {
        return v == null ? Double.NaN : v.doubleValue();
    }

    private static double flag(Boolean v) {
        return v == null ? Double.NaN : v ? 1 : 0;
    }
}
