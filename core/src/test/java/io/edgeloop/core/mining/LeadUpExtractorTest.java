package io.edgeloop.core.mining;

import io.edgeloop.core.snapshot.Fields.Family;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static io.edgeloop.core.mining.Trails.day;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class LeadUpExtractorTest {

    private static final LocalDate FIRST = LocalDate.of(2025, 9, 1);
    private static final LeadUpExtractor EXTRACTOR = new LeadUpExtractor(LeadUpConfig.defaults());

    /** An UP move starting on trail day {@code start} with its peak on day {@code peak}. */
    private static Move move(int start, int peak) {
        return new Move("T", "X", MoveDirection.UP, 5, Trails.weekday(FIRST, start), Trails.weekday(FIRST, peak), 12, 10,
                11.2);
    }

    @Test
    void shouldMeasureScoreTrajectoriesFromFiveDaysBeforeTheStartToTheStart() {
        Trail trail = Trails.trail(FIRST, day(0, 3), day(10, 3), day(12, 3), day(14, 2), day(16, 3), day(18, 4),
                day(22, 5), day(30, 5));

        LeadUpFeatures f = EXTRACTOR.extract(move(6, 7), trail).orElseThrow();

        assertThat(f.htf().start()).isEqualTo(10);
        assertThat(f.htf().end()).isEqualTo(22);
        assertThat(f.htf().delta()).isEqualTo(12);
        assertThat(f.htf().trend()).isEqualTo(Trajectory.Trend.RISING);
        assertThat(f.htf().mean()).isCloseTo((10 + 12 + 14 + 16 + 18 + 22) / 6.0, within(1e-9));
        assertThat(f.htf().min()).isEqualTo(10);
        assertThat(f.htf().max()).isEqualTo(22);
        assertThat(f.ltf().trend()).as("change +2 is within +-5").isEqualTo(Trajectory.Trend.FLAT);
        assertThat(f.states()).hasSize(6);
    }

    @Test
    void shouldCallAChangeBelowMinusFiveFalling() {
        Trail trail = Trails.trail(FIRST, day(-10, 20), day(-12, 18), day(-13, 10), day(-14, 4), day(-15, 2),
                day(-16, 14), day(-20, 0));

        LeadUpFeatures f = EXTRACTOR.extract(move(5, 6), trail).orElseThrow();

        assertThat(f.htf().falling()).isTrue();
        assertThat(f.ltf().falling()).isTrue();
        assertThat(f.ltf().delta()).isEqualTo(-6);
    }

    @Test
    void shouldFindTheBullPullbackToBullBullTransition() {
        Trail trail = Trails.trail(FIRST, day(20, 5), day(20, 5), day(20, -5), day(20, -8), day(20, 6), day(20, 9),
                day(20, 9));

        LeadUpFeatures f = EXTRACTOR.extract(move(5, 6), trail).orElseThrow();

        assertThat(f.hadTransition(LeadUpFeatures.BULL_PULLBACK, LeadUpFeatures.BULL_BULL)).isTrue();
        assertThat(f.transitions()).containsExactly("HTF_BULL_LTF_BULL->HTF_BULL_LTF_PULLBACK",
                "HTF_BULL_LTF_PULLBACK->HTF_BULL_LTF_BULL");
        assertThat(f.startState()).isEqualTo(LeadUpFeatures.BULL_BULL);
        assertThat(f.dominantState()).isEqualTo(LeadUpFeatures.BULL_BULL);
    }

    @Test
    void shouldCountSignalsOnTheFiveDaysUpToTheStartOnly() {
        Trail trail = Trails.trail(FIRST,
                day(5, 5).ltf(Family.ST_FLIP, 1),
                day(5, 5).ltf(Family.ST_FLIP, -1).ltf(Family.SQ_RELEASE, 1),
                day(5, 5).htf(Family.EMA_CROSS, 1).elite(),
                day(5, 5).elite().compressed(),
                day(5, 5),
                day(5, 5).ltf(Family.SQ_RELEASE, -1).htf(Family.ST_FLIP, 1),
                day(5, 5).ltf(Family.ST_FLIP, -1));

        LeadUpFeatures f = EXTRACTOR.extract(move(5, 6), trail).orElseThrow();

        assertThat(f.leadUpFlags()).as("day 0 is before the counted days, day 6 after the start")
                .isEqualTo(new FlagCounts(1, 1, 1, 1, 1, 0, 2, 1));
        assertThat(f.leadUpFlags().kinds()).isEqualTo(5);
        assertThat(f.startFlags()).isEqualTo(new FlagCounts(0, 1, 1, 0, 0, 0, 0, 0));
        assertThat(f.peak().flags()).isEqualTo(new FlagCounts(0, 0, 0, 1, 0, 0, 0, 0));
    }

    @Test
    void shouldDescribeTheTrailAtThePeak() {
        Trail trail = Trails.trail(FIRST, day(1, 1), day(1, 1), day(1, 1), day(1, 1), day(1, 1),
                day(1, 1).completion(0.1).phase(0.2, "LOW").rank(55),
                day(30, 40), day(35, -2).completion(0.9).phase(0.8, "HIGH"));

        LeadUpFeatures f = EXTRACTOR.extract(move(5, 7), trail).orElseThrow();

        assertThat(f.completion()).isEqualTo(0.1);
        assertThat(f.phaseZone()).isEqualTo("LOW");
        assertThat(f.rank()).isEqualTo(55);
        assertThat(f.peak()).isEqualTo(new PeakView(LeadUpFeatures.BULL_PULLBACK, 35, -2, "HIGH", 0.9,
                FlagCounts.NONE));
    }

    @Test
    void shouldNotExtractWhenTheTrailMissesTheLeadUpOrThePeak() {
        Trail trail = Trails.trail(FIRST, day(1, 1), day(1, 1), day(1, 1), day(1, 1), day(1, 1), day(1, 1));

        assertThat(EXTRACTOR.extract(move(4, 5), trail)).as("only 4 days before the start").isEmpty();
        assertThat(EXTRACTOR.extract(move(5, 6), trail)).as("peak after the trail").isEmpty();
    }

    @Test
    void shouldCallTheTrendUnknownWhenAScoreIsAbsentAtAnEnd() {
        Trail trail = Trails.trail(FIRST, day(1, 1).absentScores(), day(1, 1), day(9, 1), day(1, 1), day(1, 1),
                day(30, 1), day(1, 1));

        LeadUpFeatures f = EXTRACTOR.extract(move(5, 6), trail).orElseThrow();

        assertThat(f.htf().trend()).isEqualTo(Trajectory.Trend.UNKNOWN);
        assertThat(f.htf().rising()).isFalse();
        assertThat(f.htf().mean()).as("mean over present days").isCloseTo(42 / 5.0, within(1e-9));
    }
}
