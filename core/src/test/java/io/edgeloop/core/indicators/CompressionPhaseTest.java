package io.edgeloop.core.indicators;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class CompressionPhaseTest {

    @Test
    void shouldBeCompressedWhenBothBandsAreInsideAtrEnvelopeOfEma() {
        Compression wide = new Compression(3, 2, 2);
        Compression tight = new Compression(3, 2, 2);
        for (double c : new double[] {10, 10.1}) {
            assertThat(wide.update(c, 10.05, 0.1)).isNaN();
            tight.update(c, 10.05, 0.01);
        }
        // bands 10.0333 +- 0.0943 = [9.939, 10.128]
        assertThat(wide.update(10, 10.05, 0.1)).as("envelope [9.85, 10.25]").isEqualTo(1.0);
        assertThat(tight.update(10, 10.05, 0.01)).as("envelope [10.03, 10.07]").isEqualTo(0.0);
        assertThat(wide.update(10, Double.NaN, 0.1)).as("EMA still warming up").isNaN();
    }

    @Test
    void shouldNotBeCompressedWhenBandsAreDisplacedFromTheEma() {
        Compression c = new Compression(3, 2, 2);
        c.update(10, 10.5, 0.1);
        c.update(10.1, 10.5, 0.1);
        // narrow bands around 10.03, but the envelope 10.5 +- 0.2 lies above them
        assertThat(c.update(10, 10.5, 0.1)).isEqualTo(0.0);
    }

    @Test
    void shouldSmoothWeightedBlendWithEma3SeededBySma() {
        PhaseOscillator phase = new PhaseOscillator();
        // stretch = 10 / 15 * 100, momZ = 2 * 20, vol = 0.5 * 30
        double raw1 = 0.6 * (10.0 / 15 * 100) + 0.3 * 40 + 0.1 * 15;
        // stretch = -5 / 15 * 100, momZ = -1 * 20, vol = -0.5 * 30
        double raw2 = 0.6 * (-5.0 / 15 * 100) + 0.3 * -20 + 0.1 * -15;
        // zero divisors contribute 0: only the momentum term
        double raw3 = 0.3 * (3.0 / 1.5) * 20;
        double raw4 = 0.6 * (2.0 / 3 * 100);
        assertThat(phase.update(110, 100, 5, 2, 1, 150, 100)).isNaN();
        assertThat(phase.update(95, 100, 5, -1, 1, 50, 100)).isNaN();
        assertThat(phase.update(Double.NaN, Double.NaN, 5, 3, 1.5, 0, 0)).as("warming input skipped").isNaN();
        assertThat(phase.update(100, 100, 0, 3, 1.5, 0, 0)).isCloseTo((raw1 + raw2 + raw3) / 3, within(1e-12));
        double seed = (raw1 + raw2 + raw3) / 3;
        assertThat(phase.update(102, 100, 1, 0, 0, 100, 100)).isCloseTo(0.5 * raw4 + 0.5 * seed, within(1e-12));
    }
}
