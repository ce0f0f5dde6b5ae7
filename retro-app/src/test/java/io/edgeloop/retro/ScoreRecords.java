package io.edgeloop.retro;

import io.edgeloop.core.candle.Timeframe;
import io.edgeloop.core.snapshot.Fields;
import io.edgeloop.core.snapshot.Fields.Family;
import io.edgeloop.core.snapshot.Snapshot;
import io.edgeloop.schemas.avro.PhaseZone;
import io.edgeloop.schemas.avro.ScoreSnapshot;
import io.edgeloop.schemas.avro.Stage;
import io.edgeloop.schemas.avro.StateQuadrant;
import io.edgeloop.schemas.avro.TimeframeProfile;
import io.edgeloop.schemas.avro.TimeframeState;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Test-only writer of {@code scores} records from a snapshot, field for field the inverse of
 * {@link ScoreSnapshots}, for round trips (the streams app owns the production writer).
 */
final class ScoreRecords {

    private ScoreRecords() {
    }

    static ScoreSnapshot of(String ticker, Instant barTime, String interval, List<Timeframe> ltf, List<Timeframe> htf,
                            Snapshot s) {
        List<TimeframeState> frames = new ArrayList<>();
        List<Timeframe> all = new ArrayList<>(ltf);
        all.addAll(htf);
        for (Timeframe tf : all) {
            frames.add(TimeframeState.newBuilder().setTf(tf.code()).setOpenTime(barTime).setClosed(true)
                    .setClose(s.get(Fields.CLOSE))
                    .setSqueezeOn(flag(s.get(Fields.of(Family.SQ_ON, tf))))
                    .setSqueezeRelease(integer(s.get(Fields.of(Family.SQ_RELEASE, tf))))
                    .setStDir(integer(s.get(Fields.of(Family.ST_DIR, tf))))
                    .setStFlip(integer(s.get(Fields.of(Family.ST_FLIP, tf))))
                    .setEmaCross(integer(s.get(Fields.of(Family.EMA_CROSS, tf))))
                    .setCompressed(flag(s.get(Fields.of(Family.COMPRESSED, tf))))
                    .setScore(number(s.get(Fields.of(Family.TF_SCORE, tf))))
                    .build());
        }
        return ScoreSnapshot.newBuilder()
                .setTicker(ticker).setBarTime(barTime).setInterval(interval)
                .setProfile(new TimeframeProfile(ltf.stream().map(Timeframe::code).toList(),
                        htf.stream().map(Timeframe::code).toList()))
                .setHtfScore(number(s.get(Fields.HTF_SCORE))).setLtfScore(number(s.get(Fields.LTF_SCORE)))
                .setHtfChange(number(s.get(Fields.HTF_CHANGE))).setLtfChange(number(s.get(Fields.LTF_CHANGE)))
                .setState(s.category(Fields.STATE) == null ? null : StateQuadrant.valueOf(s.category(Fields.STATE)))
                .setPrevState(s.category(Fields.PREV_STATE) == null ? null
                        : StateQuadrant.valueOf(s.category(Fields.PREV_STATE)))
                .setStage(Stage.valueOf(s.category(Fields.STAGE).toUpperCase(Locale.ROOT)))
                .setPrevStage(s.category(Fields.PREV_STAGE) == null ? null
                        : Stage.valueOf(s.category(Fields.PREV_STAGE).toUpperCase(Locale.ROOT)))
                .setPhase(number(s.get(Fields.PHASE)))
                .setPhaseZone(s.category(Fields.PHASE_ZONE) == null ? null
                        : PhaseZone.valueOf(s.category(Fields.PHASE_ZONE)))
                .setCompletion(number(s.get(Fields.COMPLETION))).setRank(number(s.get(Fields.RANK)))
                .setMomentumElite(s.get(Fields.MOMENTUM_ELITE) == 1)
                .setSignalCount((int) s.get(Fields.SIGNAL_COUNT)).setClose(s.get(Fields.CLOSE))
                .setRsi(number(s.get(Fields.RSI))).setVolumeRatio(number(s.get(Fields.VOLUME_RATIO)))
                .setAtrRatio(number(s.get(Fields.ATR_RATIO))).setPnlPct(number(s.get(Fields.PNL_PCT)))
                .setTimeframes(frames).setMatchedPatterns(List.of()).setLibraryVersion(1)
                .build();
    }

    private static Double number(double v) {
        return Double.isNaN(v) ? null : v;
    }

    private static Integer integer(double v) {
        return Double.isNaN(v) ? null : (int) v;
    }

    private static Boolean flag(double v) {
        return Double.isNaN(v) ? null : v == 1;
    }
}
