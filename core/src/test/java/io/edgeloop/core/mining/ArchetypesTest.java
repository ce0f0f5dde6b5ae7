package io.edgeloop.core.mining;

import io.edgeloop.core.snapshot.Fields.Family;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static io.edgeloop.core.mining.Trails.day;
import static org.assertj.core.api.Assertions.assertThat;

class ArchetypesTest {

    private static final LocalDate FIRST = LocalDate.of(2025, 9, 1);
    private static final List<Archetype> ALL = Archetypes.all(ArchetypeConfig.defaults());

    /** Features of a move starting on the last of six lead-up days (plus one peak day). */
    static LeadUpFeatures features(Trails.Day... sixDays) {
        List<Trails.Day> days = new ArrayList<>(Arrays.asList(sixDays));
        days.add(day(0, 0));
        Trail trail = Trails.trail(FIRST, days.toArray(Trails.Day[]::new));
        Move move = new Move("T", "X", MoveDirection.UP, 3, Trails.weekday(FIRST, 5), Trails.weekday(FIRST, 6), 6, 10,
                10.6);
        return new LeadUpExtractor(LeadUpConfig.defaults()).extract(move, trail).orElseThrow();
    }

    private static List<String> matched(LeadUpFeatures f) {
        return ALL.stream().filter(a -> a.matches(f)).map(Archetype::id).toList();
    }

    @Test
    void shouldDefineTheTwentyTwoArchetypesOfTheStudyWithUniqueIds() {
        assertThat(ALL).hasSize(22);
        assertThat(ALL.stream().map(Archetype::id).distinct()).hasSize(22);
        assertThat(ALL.stream().filter(a -> a.bias() == Bias.NEUTRAL).map(Archetype::id))
                .containsExactly("multiple_st_flips", "multi_signal_cluster", "high_completion_high_phase");
    }

    @Test
    void shouldMatchBullAlignmentPullbackEntryAndStFlipBullState() {
        LeadUpFeatures f = features(day(10, -10), day(12, -8), day(14, -4).ltf(Family.ST_FLIP, 1), day(16, 2),
                day(18, 4), day(20, 6));

        assertThat(matched(f)).containsExactlyInAnyOrder("bull_alignment", "bull_state_dominance", "pullback_entry",
                "htf_bull_pullback", "st_flip_bull_state");
    }

    @Test
    void shouldMatchBearArchetypesOnAFallingBearLeadUp() {
        LeadUpFeatures f = features(day(-2, 8), day(-6, 4), day(-9, 1).htf(Family.ST_FLIP, -1), day(-12, -1),
                day(-15, -2), day(-18, -3));

        assertThat(matched(f)).containsExactlyInAnyOrder("bear_alignment", "bear_state_dominance", "htf_collapse",
                "htf_bear_pullback_fail", "st_flip_bear_state");
    }

    @Test
    void shouldNeedAChangeBeyondFifteenForSurgeAndCollapse() {
        LeadUpFeatures fifteen = features(day(0, 0), day(0, 0), day(0, 0), day(0, 0), day(0, 0), day(15, 0));
        LeadUpFeatures sixteen = features(day(0, 0), day(0, 0), day(0, 0), day(0, 0), day(0, 0), day(16, 0));

        assertThat(matched(fifteen)).doesNotContain("strong_htf_surge");
        assertThat(matched(sixteen)).contains("strong_htf_surge");
    }

    @Test
    void shouldTellBullFromBearSqueezeReleaseByItsDirection() {
        LeadUpFeatures bull = features(day(5, 5), day(5, 5), day(5, 5).ltf(Family.SQ_RELEASE, 1), day(5, 5),
                day(5, 5), day(5, 5));
        LeadUpFeatures bear = features(day(-5, -5), day(-5, -5), day(-5, -5).ltf(Family.SQ_RELEASE, -1),
                day(-5, -5), day(-5, -5), day(-5, -5));
        LeadUpFeatures bearReleaseInBullTrend = features(day(5, 5), day(5, 5), day(5, 5).ltf(Family.SQ_RELEASE, -1),
                day(5, 5), day(5, 5), day(5, 5));

        assertThat(matched(bull)).contains("squeeze_release_bull").doesNotContain("squeeze_release_bear");
        assertThat(matched(bear)).contains("squeeze_release_bear").doesNotContain("squeeze_release_bull");
        assertThat(matched(bearReleaseInBullTrend)).doesNotContain("squeeze_release_bull", "squeeze_release_bear");
    }

    @Test
    void shouldMatchSignalArchetypes() {
        LeadUpFeatures f = features(day(5, 5), day(5, 5).ltf(Family.ST_FLIP, 1).elite(),
                day(5, 5).ltf(Family.ST_FLIP, -1).elite(), day(5, 5).compressed(), day(5, 5),
                day(5, 5).completion(0.75).phase(0.7, "HIGH").rank(20));

        assertThat(matched(f)).contains("multiple_st_flips", "multi_signal_cluster", "high_momentum_elite",
                "high_completion_high_phase").doesNotContain("low_rank_rising");
    }

    @Test
    void shouldMatchLowRankRisingAndLtfRecoveryWithHighHtf() {
        LeadUpFeatures f = features(day(24, -10), day(26, -8), day(28, -6), day(30, -4), day(32, -2),
                day(34, 0).rank(25));

        assertThat(matched(f)).contains("low_rank_rising", "ltf_recovery_high_htf", "bull_alignment");
    }

    @Test
    void shouldMatchDivergences() {
        LeadUpFeatures bull = features(day(0, 10), day(0, 8), day(0, 6), day(0, 4), day(0, 2), day(10, 0));
        LeadUpFeatures bear = features(day(0, -10), day(0, -8), day(0, -6), day(0, -4), day(0, -2), day(-10, 0));

        assertThat(matched(bull)).contains("htf_ltf_divergence_bull").doesNotContain("htf_ltf_divergence_bear");
        assertThat(matched(bear)).contains("htf_ltf_divergence_bear").doesNotContain("htf_ltf_divergence_bull");
    }
}
