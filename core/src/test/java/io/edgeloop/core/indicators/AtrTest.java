package io.edgeloop.core.indicators;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class AtrTest {

    @Test
    void shouldUseHighMinusLowOnFirstBarAndPreviousCloseAfter() {
        TrueRange tr = new TrueRange();
        assertThat(tr.update(10, 8, 9)).isEqualTo(2.0);
        // gap up: |high - prev close| = 13 - 9 = 4 beats high - low = 1
        assertThat(tr.update(13, 12, 12.5)).isEqualTo(4.0);
        // gap down: |low - prev close| = 12.5 - 10 = 2.5
        assertThat(tr.update(11, 10, 10.5)).isEqualTo(2.5);
        assertThat(tr.update(11, 10.5, 10.8)).isEqualTo(0.5);
    }

    @Test
    void shouldSeedAtrWithMeanTrueRangeThenSmoothWithWilder() {
        Atr atr = new Atr(2);
        assertThat(atr.update(10, 8, 9)).isNaN();
        // TR 2, 2 -> seed 2
        assertThat(atr.update(11, 9, 10.5)).isEqualTo(2.0);
        // TR = max(2, 13 - 10.5, 11 - 10.5) = 2.5 -> 0.5 * 2.5 + 0.5 * 2
        assertThat(atr.update(13, 11, 12.5)).isEqualTo(2.25);
        assertThat(atr.trueRange()).isEqualTo(2.5);
        // TR = 1 -> 0.5 * 1 + 0.5 * 2.25
        assertThat(atr.update(13, 12, 12.8)).isCloseTo(1.625, within(1e-15));
    }
}
