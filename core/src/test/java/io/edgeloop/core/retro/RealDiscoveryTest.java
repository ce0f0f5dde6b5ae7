package io.edgeloop.core.retro;

import io.edgeloop.core.mining.LeadUpConfig;
import io.edgeloop.core.mining.LeadUpFeatures;
import io.edgeloop.core.mining.MoveFeatures;
import io.edgeloop.core.model.ModelConfig;
import io.edgeloop.core.rules.SeedPatterns;
import io.edgeloop.core.stats.BetaPrior;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The retrospective of 2025-12-31 on every daily file with the engine's trails and the 24 real
 * lead-up features, plus one planted feature whose labels are drawn at random (seeded): no
 * combination with the planted feature may survive the FDR control and the walk-forward check.
 */
class RealDiscoveryTest {

    private static final Logger LOG = LoggerFactory.getLogger(RealDiscoveryTest.class);
    private static RetroResult retro;

    @BeforeAll
    static void retrospective() {
        DailyData data = RetroData.all();
        retro = Retrospective.defaults(RetroConfig.defaults()).run(data.bars(), data::sectorOf,
                new TrailBuilder(data.bars(), ModelConfig.defaults(), SeedPatterns.all(), BetaPrior.UNIFORM),
                SeedPatterns.all(), Optional.of(LocalDate.of(2025, 12, 31)));
        DiscoveryResult d = retro.discovery();
        LOG.info("retrospective 2025-12-31: {} lookback moves with lead-up ({} fit, {} test), {} combinations, {} tested, "
                        + "{} with p < 0.05 uncorrected, {} FDR survivors, {} proposed; {} proposals in all",
                retro.sample().size(), d.fitN(), d.testN(), d.combinations(), d.tested(), d.naiveSignificant(),
                d.survivors().size(), d.proposed().size(), retro.proposals().size());
    }

    @Test
    void shouldSearchTheRealFeaturesOfTheLookbacksMoves() {
        DiscoveryResult d = retro.discovery();

        assertThat(retro.trails()).isGreaterThan(200);
        // the prior window's moves as its end saw them, each with its lead-up (3,502 on this data:
        // 2,744 as the study found them, 758 found otherwise by the prior window's own mining)
        assertThat(d.fitN()).isGreaterThan(3200);
        assertThat(d.testN()).isGreaterThan(800);
        assertThat(d.combinations()).isEqualTo(2300);
        assertThat(d.survivors()).allSatisfy(c -> assertThat(c.qValue()).isLessThanOrEqualTo(0.10));
        assertThat(d.proposed()).allSatisfy(c -> {
            assertThat(c.holdsOutOfSample()).isTrue();
            assertThat(c.rule()).isPresent();
            assertThat(c.coverage()).isLessThan(0.80);
        });
    }

    @ParameterizedTest
    @ValueSource(longs = {101, 102, 103, 104, 105})
    void shouldNotLetAPlantedRandomFeatureSurviveAmongTheRealOnes(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Map<LeadUpFeatures, Boolean> labels = new IdentityHashMap<>();
        for (MoveFeatures m : retro.sample()) {
            labels.put(m.features(), random.nextDouble() < 0.3);
        }
        List<DiscoveryFeature> features = new ArrayList<>(FeatureRules.standard(LeadUpConfig.defaults()));
        features.add(DiscoveryFeature.withRule("planted_random", "random labels", labels::get,
                new io.edgeloop.core.rules.Rule.Condition("rsi", io.edgeloop.core.rules.Op.GT,
                        io.edgeloop.core.rules.Value.of(50))));

        DiscoveryResult d = new CandidateDiscovery(RetroConfig.defaults()).discover(retro.sample(), retro.windows(),
                features, List.of());

        assertThat(d.combinations()).isEqualTo(300 + 2300);
        List<Candidate> carrying = d.survivors().stream().filter(c -> c.features().contains("planted_random")).toList();
        LOG.info("seed {}: {} FDR survivors carry the random feature (a real lean with a passenger), {} of them past "
                + "the 'each feature adds' check", seed, carrying.size(),
                carrying.stream().filter(c -> c.status() != Candidate.Status.REDUNDANT).count());
        assertThat(d.proposed()).noneMatch(c -> c.features().contains("planted_random"));
        assertThat(carrying).allMatch(c -> c.status() == Candidate.Status.REDUNDANT
                || c.status() == Candidate.Status.FAILED_OUT_OF_SAMPLE);
    }
}
