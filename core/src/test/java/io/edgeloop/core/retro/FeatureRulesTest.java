package io.edgeloop.core.retro;

import io.edgeloop.core.mining.MoveDirection;
import io.edgeloop.core.mining.LeadUpConfig;
import io.edgeloop.core.mining.LeadUpExtractor;
import io.edgeloop.core.mining.LeadUpFeatures;
import io.edgeloop.core.mining.Move;
import io.edgeloop.core.mining.Trail;
import io.edgeloop.core.rules.CompiledRule;
import io.edgeloop.core.rules.RuleValidator;
import io.edgeloop.core.snapshot.Fields;
import io.edgeloop.core.snapshot.Snapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class FeatureRulesTest {

    private static final int START = 8;

    @Test
    void shouldGiveElevenOfTheTwentyFourFeaturesAValidRuleAndSayWhyTheOthersHaveNone() {
        List<DiscoveryFeature> features = FeatureRules.standard(LeadUpConfig.defaults());

        assertThat(features).hasSize(24);
        assertThat(features.stream().filter(f -> f.rule().isPresent()).map(DiscoveryFeature::id))
                .containsExactly("htf_rising", "htf_falling", "ltf_rising", "ltf_falling", "scores_aligned",
                        "scores_diverging", "start_bull_bull", "start_bull_pullback", "start_bear_bear",
                        "start_bear_pullback", "high_phase_at_start");
        features.forEach(f -> f.rule().ifPresent(r -> assertThat(RuleValidator.validate(r)).as(f.id()).isEmpty()));
        assertThat(features.stream().filter(f -> f.id().equals("had_bull_bull")).findFirst().orElseThrow()
                .noRuleReason()).contains("every day of the lead-up");
    }

    @Test
    void shouldDropTheScoreRulesWhenTheLeadUpIsNotFiveDays() {
        List<DiscoveryFeature> features = FeatureRules.standard(new LeadUpConfig(3, 5));

        assertThat(features.stream().filter(f -> f.rule().isPresent()).count()).isEqualTo(5);
        assertThat(features.get(0).noRuleReason()).contains("the lead-up is 3 days");
    }

    /** A feature and its rule agree on the start day of random trails, thresholds hit exactly included. */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void shouldMatchTheRuleOnTheStartSnapshotExactlyWhenTheFeatureHolds(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<DiscoveryFeature> features = FeatureRules.standard(LeadUpConfig.defaults());
        LeadUpExtractor extractor = new LeadUpExtractor(LeadUpConfig.defaults());
        for (int c = 0; c < 500; c++) {
            Trail trail = randomTrail(random);
            Move move = new Move("T", "S", MoveDirection.UP, 3, trail.date(START), trail.date(START + 2), 6, 100, 106);
            LeadUpFeatures f = extractor.extract(move, trail).orElseThrow();
            Snapshot start = trail.at(START);
            int caseNo = c;
            for (DiscoveryFeature feature : features) {
                feature.rule().ifPresent(rule -> assertThat(CompiledRule.compile(rule).matches(start))
                        .as("%s on case %d of seed %d", feature.id(), caseNo, seed).isEqualTo(feature.test().test(f)));
            }
        }
    }

    /** Integer scores (so changes of exactly +-5 and 0 occur), the change fields as the engine defines them. */
    private static Trail randomTrail(SplittableRandom random) {
        int days = START + 3;
        double[] htf = new double[days];
        double[] ltf = new double[days];
        List<LocalDate> dates = new ArrayList<>();
        List<Snapshot> snapshots = new ArrayList<>();
        LocalDate date = LocalDate.of(2024, 1, 1);
        for (int d = 0; d < days; d++) {
            htf[d] = d > 0 && random.nextInt(3) == 0 ? htf[d - 1] + 5 * (random.nextInt(3) - 1) : random.nextInt(-50, 51);
            ltf[d] = d > 0 && random.nextInt(3) == 0 ? ltf[d - 1] + random.nextInt(-6, 7) : random.nextInt(-50, 51);
            Snapshot s = new Snapshot();
            s.set(Fields.HTF_SCORE, htf[d]);
            s.set(Fields.LTF_SCORE, ltf[d]);
            s.set(Fields.HTF_CHANGE, d >= 5 ? htf[d] - htf[d - 5] : Double.NaN);
            s.set(Fields.LTF_CHANGE, d >= 5 ? ltf[d] - ltf[d - 5] : Double.NaN);
            s.setCategory(Fields.STATE, Fields.STATES.get((htf[d] >= 0 ? 0 : 2) + (htf[d] >= 0 == ltf[d] >= 0 ? 0 : 1)));
            s.setCategory(Fields.PHASE_ZONE, Fields.PHASE_ZONES.get(random.nextInt(4)));
            dates.add(date);
            snapshots.add(s);
            date = date.plusDays(1);
        }
        return Trail.of(dates, snapshots);
    }
}
