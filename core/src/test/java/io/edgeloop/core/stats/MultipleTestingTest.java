package io.edgeloop.core.stats;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class MultipleTestingTest {

    /** Ten p-values in no particular order. */
    private static final double[] P = {0.039, 0.001, 0.205, 0.041, 0.008, 0.216, 0.042, 0.060, 0.074, 0.212};

    @Test
    void shouldMatchRBenjaminiHochberg() {
        // R: p.adjust(P, "BH"), by hand: sorted p = .001 .008 .039 .041 .042 .060 .074 .205 .212 .216,
        // m/i * p = .010 .040 .130 .1025 .084 .100 .10571 .25625 .23556 .216; running minimum from the top:
        // .010 .040 .084 .084 .084 .100 .10571 .216 .216 .216
        double[] expected = {0.084, 0.01, 0.216, 0.084, 0.04, 0.216, 0.084, 0.1, 0.10571428571428572, 0.216};
        assertThat(MultipleTesting.benjaminiHochberg(P)).containsExactly(expected, within(1e-12));
    }

    @Test
    void shouldMatchRBenjaminiYekutieli() {
        // R: p.adjust(P, "BY") = BH step-up with c(10) = 1 + 1/2 + ... + 1/10 = 2.9289682539682538
        double[] expected = {0.24603333333333333, 0.02928968253968254, 0.6326571428571429, 0.24603333333333333,
                0.11715873015873016, 0.6326571428571429, 0.24603333333333333, 0.2928968253968254,
                0.3096337868480726, 0.6326571428571429};
        assertThat(MultipleTesting.benjaminiYekutieli(P)).containsExactly(expected, within(1e-12));
    }

    @Test
    void shouldRejectFourOfBenjaminiHochbergsOwnExample() {
        // Benjamini & Hochberg (1995), section 4: 15 p-values, q = 0.05 -> the four smallest are rejected
        // (Bonferroni would reject three).
        double[] p = {0.0001, 0.0004, 0.0019, 0.0095, 0.0201, 0.0278, 0.0298, 0.0344, 0.0459, 0.3240,
                0.4262, 0.5719, 0.6528, 0.7590, 1.000};
        FdrResult bh = MultipleTesting.control(p, 0.05, FdrMethod.BENJAMINI_HOCHBERG);
        assertThat(bh.rejectedIndices()).containsExactly(0, 1, 2, 3);
        assertThat(bh.rejectedCount()).isEqualTo(4);
        assertThat(bh.rejected(4)).isFalse();
        FdrResult by = MultipleTesting.control(p, 0.05, FdrMethod.BENJAMINI_YEKUTIELI);
        assertThat(by.rejectedCount()).isLessThanOrEqualTo(bh.rejectedCount());
        assertThat(by.rejectedIndices()).containsExactly(0, 1, 2);
    }

    @Test
    void shouldKeepAdjustedValuesMonotoneInPAndCappedAtOne() {
        double[] p = {0.9, 0.95, 0.99, 1.0};
        assertThat(MultipleTesting.benjaminiYekutieli(p)).containsOnly(1.0);
        double[] adj = MultipleTesting.benjaminiHochberg(P);
        for (int i = 0; i < P.length; i++) {
            for (int j = 0; j < P.length; j++) {
                if (P[i] <= P[j]) {
                    assertThat(adj[i]).isLessThanOrEqualTo(adj[j]);
                }
                assertThat(adj[i]).isGreaterThanOrEqualTo(P[i]);
            }
        }
    }

    @Test
    void shouldHandleEmptyAndRejectInvalidInput() {
        assertThat(MultipleTesting.benjaminiHochberg(new double[0])).isEmpty();
        assertThatThrownBy(() -> MultipleTesting.benjaminiHochberg(new double[] {0.1, Double.NaN}))
                .hasMessageContaining("p-value 1 must be in [0, 1]");
        assertThatThrownBy(() -> MultipleTesting.control(P, 0, FdrMethod.BENJAMINI_HOCHBERG)).hasMessageContaining("q");
    }
}
