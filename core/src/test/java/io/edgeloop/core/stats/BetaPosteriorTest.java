package io.edgeloop.core.stats;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * Reference quantiles and CDF values are R's {@code qbeta}/{@code pbeta} (identical to
 * scipy.stats.beta.ppf/cdf to the digits shown).
 */
class BetaPosteriorTest {

    @Test
    void shouldUpdateConjugatelyFromUniformPrior() {
        BetaPosterior p = BetaPosterior.of(BetaPrior.UNIFORM).withHit().withMiss().update(false).plus(2, 5);
        assertThat(p.hits()).isEqualTo(3);
        assertThat(p.misses()).isEqualTo(7);
        assertThat(p.n()).isEqualTo(10);
        assertThat(p.alpha()).isEqualTo(4);
        assertThat(p.beta()).isEqualTo(8);
        assertThat(p.mean()).isEqualTo(4.0 / 12);
        // var = a b / ((a + b)^2 (a + b + 1)) = 32 / (144 * 13)
        assertThat(p.variance()).isCloseTo(32.0 / (144 * 13), within(1e-15));
    }

    @Test
    void shouldMatchKnownBetaQuantiles() {
        // 1 hit in 10 with Beta(1,1): Beta(2, 10). qbeta(c(.025,.975), 2, 10) = 0.02283120, 0.41277992
        Interval i = BetaPosterior.of(BetaPrior.UNIFORM, 1, 10).credibleInterval(0.95);
        assertThat(i.lower()).isCloseTo(0.022831198300, within(1e-9));
        assertThat(i.upper()).isCloseTo(0.412779916988, within(1e-9));
        assertThat(i.level()).isEqualTo(0.95);
        // 124 hits in 165 (the original's bull_state_dominance) : Beta(125, 42), qbeta(c(.05,.95))
        Interval j = BetaPosterior.of(BetaPrior.UNIFORM, 124, 165).credibleInterval(0.90);
        assertThat(j.lower()).isCloseTo(0.691774585589, within(1e-9));
        assertThat(j.upper()).isCloseTo(0.801838101272, within(1e-9));
        // Jeffreys prior alone: Beta(0.5, 0.5), qbeta(.025, .5, .5) = 0.001541333
        Interval k = BetaPosterior.of(BetaPrior.JEFFREYS).credibleInterval(0.95);
        assertThat(k.lower()).isCloseTo(0.001541333133, within(1e-9));
        assertThat(k.upper()).isCloseTo(0.998458666867, within(1e-9));
    }

    @Test
    void shouldGiveTheUniformPriorItsOwnQuantiles() {
        Interval i = BetaPosterior.of(BetaPrior.UNIFORM).credibleInterval(0.95);
        assertThat(i.lower()).isCloseTo(0.025, within(1e-12));
        assertThat(i.upper()).isCloseTo(0.975, within(1e-12));
        assertThat(BetaPosterior.of(BetaPrior.UNIFORM).probabilityBelow(0.4)).isCloseTo(0.4, within(1e-12));
    }

    @Test
    void shouldMatchKnownBetaCdf() {
        // pbeta(0.4, 2, 10) = 0.969766912 ; pbeta(0.4, 3, 9) = 0.8810831872
        assertThat(BetaPosterior.of(BetaPrior.UNIFORM, 1, 10).probabilityBelow(0.4)).isCloseTo(0.969766912, within(1e-9));
        assertThat(BetaPosterior.of(BetaPrior.UNIFORM, 2, 10).probabilityBelow(0.4)).isCloseTo(0.8810831872, within(1e-9));
        assertThat(BetaPosterior.of(BetaPrior.UNIFORM, 2, 10).probabilityAbove(0.4)).isCloseTo(0.1189168128, within(1e-9));
        assertThat(BetaPosterior.of(BetaPrior.JEFFREYS).probabilityBelow(0.4)).isCloseTo(0.435905783151, within(1e-9));
    }

    @Test
    void shouldGiveATinyUpperTailAsATailNotZero() {
        // pbeta(0.9, 2, 100, lower.tail = FALSE) = P(Binomial(101, 0.9) <= 1) = 0.1^101 + 101 x 0.9 x 0.1^100 = 9.1e-99
        assertThat(BetaPosterior.of(BetaPrior.UNIFORM, 1, 100).probabilityAbove(0.9)).isCloseTo(9.1e-99, within(1e-110));
        assertThat(BetaPosterior.of(BetaPrior.UNIFORM, 1, 100).probabilityAbove(0)).isEqualTo(1);
        assertThat(BetaPosterior.of(BetaPrior.UNIFORM, 1, 100).probabilityAbove(1)).isZero();
    }

    @Test
    void shouldClampProbabilityOutsideUnitInterval() {
        BetaPosterior p = BetaPosterior.of(BetaPrior.UNIFORM, 3, 5);
        assertThat(p.probabilityBelow(0)).isZero();
        assertThat(p.probabilityBelow(-1)).isZero();
        assertThat(p.probabilityBelow(1)).isEqualTo(1);
    }

    @Test
    void shouldRejectBadInputs() {
        assertThatThrownBy(() -> new BetaPrior(0, 1)).hasMessageContaining("alpha > 0");
        assertThatThrownBy(() -> BetaPosterior.of(BetaPrior.UNIFORM, 5, 3)).hasMessageContaining("exceed n");
        assertThatThrownBy(() -> new BetaPosterior(BetaPrior.UNIFORM, -1, 0)).hasMessageContaining(">= 0");
        assertThatThrownBy(() -> BetaPosterior.of(BetaPrior.UNIFORM).credibleInterval(1.0)).hasMessageContaining("(0, 1)");
    }
}
