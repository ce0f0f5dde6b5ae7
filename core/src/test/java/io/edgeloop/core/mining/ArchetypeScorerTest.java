package io.edgeloop.core.mining;

import io.edgeloop.core.snapshot.Fields.Family;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static io.edgeloop.core.mining.Trails.day;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ArchetypeScorerTest {

    private static final ArchetypeScorer SCORER = new ArchetypeScorer(Archetypes.all(ArchetypeConfig.defaults()),
            ScoringConfig.defaults());

    /** Bull lead-up: HTF and LTF rising, BULL/PULLBACK -> BULL/BULL, a bull SuperTrend flip. */
    private static final LeadUpFeatures BULL = ArchetypesTest.features(day(10, -10), day(12, -8),
            day(14, -4).ltf(Family.ST_FLIP, 1), day(16, 2), day(18, 4), day(20, 6));
    /** Bear lead-up: both falling into BEAR/BEAR. */
    private static final LeadUpFeatures BEAR = ArchetypesTest.features(day(-2, 8), day(-6, 4), day(-9, 1),
            day(-12, -1), day(-15, -2), day(-18, -3));

    private static MoveFeatures move(LeadUpFeatures f, double signedPct) {
        MoveDirection d = signedPct > 0 ? MoveDirection.UP : MoveDirection.DOWN;
        LocalDate start = LocalDate.of(2025, 9, 8);
        return new MoveFeatures(new Move("T", "X", d, 5, start, start.plusDays(2), signedPct, 10,
                10 * (1 + signedPct / 100)), f);
    }

    /** 7 bull lead-ups (5 UP of 10/20/30/10/30 %, 2 DOWN of 5/15 %), 3 bear (1 UP of 6 %, 2 DOWN of 8/12 %). */
    private static List<MoveFeatures> sample() {
        List<MoveFeatures> sample = new ArrayList<>();
        for (double pct : new double[] {10, 20, -5, 30, 10, -15, 30}) {
            sample.add(move(BULL, pct));
        }
        for (double pct : new double[] {6, -8, -12}) {
            sample.add(move(BEAR, pct));
        }
        return sample;
    }

    private static ArchetypeScore score(PatternScores scores, String id) {
        return scores.archetypes().stream().filter(a -> a.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void shouldScoreTheBaseRate() {
        GroupStats base = SCORER.score(sample()).baseline();

        assertThat(base.n()).isEqualTo(10);
        assertThat(base.up()).isEqualTo(6);
        assertThat(base.upPct()).isEqualTo(60);
        assertThat(base.upLowPct()).isCloseTo(31.267, within(1e-3));
        assertThat(base.upHighPct()).isCloseTo(83.182, within(1e-3));
        assertThat(base.avgReturnPct()).isCloseTo((10 + 20 - 5 + 30 + 10 - 15 + 30 + 6 - 8 - 12) / 10.0, within(1e-9));
    }

    @Test
    void shouldScoreAnArchetypeWithWilsonIntervalExpectedValueAndAccuracy() {
        ArchetypeScore pullback = score(SCORER.score(sample()), "pullback_entry");

        GroupStats s = pullback.stats();
        assertThat(s.n()).isEqualTo(7);
        assertThat(s.up()).isEqualTo(5);
        assertThat(s.down()).isEqualTo(2);
        assertThat(s.upPct()).isCloseTo(500.0 / 7, within(1e-9));
        assertThat(s.upLowPct()).isCloseTo(35.893, within(1e-3));
        assertThat(s.upHighPct()).isCloseTo(91.778, within(1e-3));
        assertThat(s.avgUpPct()).isCloseTo(20, within(1e-9));
        assertThat(s.avgDownPct()).isCloseTo(10, within(1e-9));
        assertThat(s.avgReturnPct()).isCloseTo(80.0 / 7, within(1e-9));
        assertThat(s.expectedValue()).isCloseTo((500.0 / 7 * 20 - 200.0 / 7 * 10) / 100, within(1e-9));
        assertThat(pullback.directionalAccuracyPct()).isCloseTo(500.0 / 7, within(1e-9));
    }

    @Test
    void shouldReportBearishAccuracyAsDownShareAndNoAccuracyForNeutral() {
        PatternScores scores = SCORER.score(sample());

        assertThat(score(scores, "bear_state_dominance").directionalAccuracyPct()).isCloseTo(200.0 / 3, within(1e-9));
        assertThat(score(scores, "multiple_st_flips").stats().n()).isZero();
        assertThat(score(scores, "multiple_st_flips").directionalAccuracyPct()).isNaN();
        assertThat(score(scores, "multiple_st_flips").stats().upPct()).isNaN();
    }

    @Test
    void shouldKeepPairsWithEnoughMovesAndBiasOnly() {
        PatternScores scores = SCORER.score(sample());

        assertThat(scores.pairsTested()).isEqualTo(22 * 21 / 2);
        assertThat(scores.compounds()).isNotEmpty().allSatisfy(c -> {
            assertThat(c.stats().n()).isEqualTo(7);
            assertThat(c.bias()).isEqualTo(Bias.BULLISH);
            assertThat(c.biasPct()).isCloseTo(500.0 / 7, within(1e-9));
        });
        assertThat(scores.compounds()).extracting(CompoundScore::name).contains("bull_alignment + pullback_entry")
                .noneMatch(name -> name.contains("bear"));
    }

    @Test
    void shouldMeasureFeatureLiftAgainstTheBaseRate() {
        PatternScores scores = SCORER.score(sample());

        FeatureLift lift = scores.lift().stream().filter(l -> l.feature().equals("pullback_to_bull")).findFirst()
                .orElseThrow();
        assertThat(lift.present().n()).isEqualTo(7);
        assertThat(lift.baseUpPct()).isEqualTo(60);
        assertThat(lift.liftPts()).isCloseTo(500.0 / 7 - 60, within(1e-9));
        assertThat(lift.absentN()).isEqualTo(3);
        assertThat(lift.vsAbsentPts()).isCloseTo(500.0 / 7 - 100.0 / 3, within(1e-9));
        assertThat(scores.lift()).hasSize(LeadUpFeature.values().length);
        assertThat(Math.abs(scores.lift().get(0).liftPts()))
                .isGreaterThanOrEqualTo(Math.abs(scores.lift().get(1).liftPts()));
    }

    @Test
    void shouldGiveEmptyScoresWithoutMoves() {
        PatternScores scores = SCORER.score(List.of());

        assertThat(scores.baseline().n()).isZero();
        assertThat(scores.archetypes()).hasSize(22).allSatisfy(a -> assertThat(a.stats().n()).isZero());
        assertThat(scores.compounds()).isEmpty();
    }

    @Test
    void shouldComputeWilsonBoundsOfKnownCases() {
        double z = Wilson.z(0.95);

        assertThat(z).isCloseTo(1.959964, within(1e-6));
        assertThat(Wilson.interval(7, 10, z)).containsExactly(new double[] {0.396778, 0.892209}, within(1e-6));
        assertThat(Wilson.interval(0, 10, z)).containsExactly(new double[] {0.0, 0.277533}, within(1e-6));
    }
}
