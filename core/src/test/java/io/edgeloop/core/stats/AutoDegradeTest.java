package io.edgeloop.core.stats;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class AutoDegradeTest {

    @Test
    void shouldDegradeOnStrongEvidenceOfALowHitRate() {
        // 1 hit in 10, Beta(1,1) prior: posterior Beta(2, 10), P(rate < .4) = pbeta(.4, 2, 10) = .9698 > .9
        DegradeDecision d = AutoDegrade.DEFAULT.decide(1, 10);
        assertThat(d.degrade()).isTrue();
        assertThat(d.n()).isEqualTo(10);
        assertThat(d.hits()).isEqualTo(1);
        assertThat(d.posteriorMean()).isCloseTo(2.0 / 12, within(1e-15));
        assertThat(d.probabilityBelow()).isCloseTo(0.969766912, within(1e-9));
        assertThat(d.policy()).isEqualTo(AutoDegrade.DEFAULT);
        assertThat(d.reason()).isEqualTo("degrade: P(rate < 0.40) = 0.9698 > 0.90 with 1 hits in 10 "
                + "(posterior Beta(2, 10), mean 0.167)");
    }

    @Test
    void shouldKeepWhenTheRawRateIsLowButTheEvidenceIsNot() {
        // 2 of 10 is a raw 20% (the original would degrade), but P(rate < .4) = pbeta(.4, 3, 9) = .881 <= .9
        DegradeDecision d = AutoDegrade.DEFAULT.decide(2, 10);
        assertThat(d.degrade()).isFalse();
        assertThat(d.probabilityBelow()).isCloseTo(0.8810831872, within(1e-9));
        assertThat(d.reason()).startsWith("keep: P(rate < 0.40) = 0.8811 <= 0.90");
    }

    @Test
    void shouldWaitForTheMinimumNumberOfOutcomes() {
        DegradeDecision d = AutoDegrade.DEFAULT.decide(0, 9);
        assertThat(d.degrade()).isFalse();
        assertThat(d.probabilityBelow()).isGreaterThan(0.9);
        assertThat(d.reason()).isEqualTo("keep: n = 9 < 10 outcomes");
    }

    @Test
    void shouldApplyConfiguredThresholdsAndStats() {
        AutoDegrade strict = new AutoDegrade(20, 0.5, 0.95, BetaPrior.JEFFREYS);
        PatternStats stats = PatternStats.EMPTY;
        for (int i = 0; i < 20; i++) {
            stats = stats.plus(new Observation(i < 6, i < 6 ? 3 : -1, 3, 1));
        }
        // 6 of 20, Jeffreys: Beta(6.5, 14.5), P(rate < .5) = pbeta(.5, 6.5, 14.5) = .96453 > .95
        DegradeDecision d = strict.decide(stats);
        assertThat(d.degrade()).isTrue();
        assertThat(d.probabilityBelow()).isCloseTo(0.9645264131987068, within(1e-9));
        // default policy: Beta(7, 15), P(rate < .4) = .79975 <= .9
        assertThat(AutoDegrade.DEFAULT.decide(stats).degrade()).isFalse();
    }

    @Test
    void shouldRejectNonsenseThresholds() {
        assertThatThrownBy(() -> new AutoDegrade(0, 0.4, 0.9, BetaPrior.UNIFORM)).hasMessageContaining("minN");
        assertThatThrownBy(() -> new AutoDegrade(10, 1.4, 0.9, BetaPrior.UNIFORM)).hasMessageContaining("rateFloor");
        assertThatThrownBy(() -> new AutoDegrade(10, 0.4, 1, BetaPrior.UNIFORM)).hasMessageContaining("confidence");
    }
}
