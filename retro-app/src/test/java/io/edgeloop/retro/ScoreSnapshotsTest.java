package io.edgeloop.retro;

import io.edgeloop.core.candle.Timeframe;
import io.edgeloop.core.snapshot.Fields;
import io.edgeloop.core.snapshot.Fields.Family;
import io.edgeloop.core.snapshot.Snapshot;
import io.edgeloop.schemas.avro.ScoreSnapshot;
import io.edgeloop.schemas.topics.Topics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class ScoreSnapshotsTest {

    private static final List<Timeframe> DAILY_LTF = List.of(Timeframe.D1);
    private static final List<Timeframe> DAILY_HTF = List.of(Timeframe.W1, Timeframe.MN1);
    private static final List<Timeframe> HOURLY_LTF = List.of(Timeframe.H1, Timeframe.H4);
    private static final List<Timeframe> HOURLY_HTF = List.of(Timeframe.D1, Timeframe.W1);

    /** A snapshot as the engine fills it: per-frame values, aggregates by the engine's rule, blends. */
    private static Snapshot engineLike(SplittableRandom random, List<Timeframe> ltf, List<Timeframe> htf) {
        Snapshot s = new Snapshot();
        s.set(Fields.HTF_SCORE, random.nextInt(-50, 51));
        s.set(Fields.LTF_SCORE, random.nextInt(-50, 51) / 2.0);
        s.set(Fields.HTF_CHANGE, random.nextInt(-20, 21));
        s.set(Fields.LTF_CHANGE, random.nextBoolean() ? Double.NaN : random.nextInt(-20, 21));
        s.setCategory(Fields.STATE, Fields.STATES.get(random.nextInt(4)));
        s.setCategory(Fields.PREV_STATE, Fields.STATES.get(random.nextInt(4)));
        s.setCategory(Fields.STAGE, Fields.STAGES.get(random.nextInt(7)));
        s.setCategory(Fields.PREV_STAGE, Fields.STAGES.get(random.nextInt(7)));
        double phase = random.nextInt(-150, 151);
        s.set(Fields.PHASE, phase);
        s.set(Fields.PHASE_PCT, Math.min(1, Math.abs(phase) / 100));
        s.setCategory(Fields.PHASE_ZONE, Fields.PHASE_ZONES.get(random.nextInt(4)));
        s.set(Fields.COMPLETION, random.nextDouble());
        s.set(Fields.RANK, random.nextInt(101));
        s.set(Fields.MOMENTUM_ELITE, random.nextBoolean());
        s.set(Fields.SIGNAL_COUNT, random.nextInt(6));
        s.set(Fields.CLOSE, 10 + random.nextDouble() * 100);
        s.set(Fields.RSI, random.nextDouble() * 100);
        s.set(Fields.VOLUME_RATIO, random.nextDouble() * 3);
        s.set(Fields.ATR_RATIO, random.nextDouble() * 2);
        s.set(Fields.PNL_PCT, random.nextBoolean() ? Double.NaN : random.nextDouble() * 10 - 5);
        side(random, s, ltf, true);
        side(random, s, htf, false);
        return s;
    }

    private static void side(SplittableRandom random, Snapshot s, List<Timeframe> frames, boolean lower) {
        for (Family family : Family.values()) {
            double agg = Double.NaN;
            for (Timeframe tf : frames) {
                double v = random.nextInt(5) == 0 ? Double.NaN : switch (family) {
                    case SQ_ON, COMPRESSED -> random.nextInt(2);
                    case TF_SCORE -> random.nextInt(-50, 51);
                    default -> random.nextInt(3) - 1;
                };
                s.set(Fields.of(family, tf), v);
                if (Double.isNaN(v)) {
                    continue;
                }
                boolean flag = family == Family.SQ_ON || family == Family.COMPRESSED;
                agg = flag ? (v == 1 ? 1 : Double.isNaN(agg) ? 0 : agg)
                        : Double.isNaN(agg) || agg == 0 && v != 0 ? v : agg;
            }
            double blend = lower ? s.get(Fields.LTF_SCORE) : s.get(Fields.HTF_SCORE);
            s.set(lower ? Fields.ltf(family) : Fields.htf(family), family == Family.TF_SCORE ? blend : agg);
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void shouldReadBackTheSnapshotTheRecordWasWrittenFrom(boolean daily) {
        SplittableRandom random = new SplittableRandom(daily ? 1 : 2);
        List<Timeframe> ltf = daily ? DAILY_LTF : HOURLY_LTF;
        List<Timeframe> htf = daily ? DAILY_HTF : HOURLY_HTF;
        for (int i = 0; i < 300; i++) {
            Snapshot original = engineLike(random, ltf, htf);
            ScoreSnapshot record = ScoreRecords.of("SPY", Instant.parse("2020-03-02T00:00:00Z"), daily ? "D" : "1h",
                    ltf, htf, original);
            byte[] bytes = Topics.SCORES.valueSerde().serializer().serialize("scores", record);

            Snapshot read = ScoreSnapshots.toSnapshot(Topics.SCORES.valueSerde().deserializer().deserialize("scores", bytes));

            assertThat(read).as("case %d", i).isEqualTo(original);
        }
    }

    @Test
    void shouldTakeTheFinestNonZeroDirectionAndAnyOnFlagForTheAggregates() {
        Snapshot s = engineLike(new SplittableRandom(3), HOURLY_LTF, HOURLY_HTF);
        s.set(Fields.of(Family.ST_FLIP, Timeframe.H1), 0);
        s.set(Fields.of(Family.ST_FLIP, Timeframe.H4), -1);
        s.set(Fields.of(Family.SQ_ON, Timeframe.H1), 0);
        s.set(Fields.of(Family.SQ_ON, Timeframe.H4), Double.NaN);

        Snapshot read = ScoreSnapshots.toSnapshot(ScoreRecords.of("SPY", Instant.EPOCH, "1h", HOURLY_LTF, HOURLY_HTF, s));

        assertThat(read.get(Fields.ltf(Family.ST_FLIP))).isEqualTo(-1);
        assertThat(read.get(Fields.ltf(Family.SQ_ON))).isEqualTo(0);
        assertThat(read.get(Fields.ltf(Family.TF_SCORE))).isEqualTo(s.get(Fields.LTF_SCORE));
    }
}
