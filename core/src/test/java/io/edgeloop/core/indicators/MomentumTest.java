package io.edgeloop.core.indicators;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class MomentumTest {

    @Test
    void shouldRegressCloseMinusSmaAndTakeItsStdev() {
        // closes with second differences of 1: close - sma3 then rises by exactly 1 a bar.
        double[] close = {1, 2, 4, 7, 11, 16, 22};
        RollingStats sma = new RollingStats(3);
        Momentum mom = new Momentum(3);
        double[] values = new double[close.length];
        double[] stdevs = new double[close.length];
        for (int i = 0; i < close.length; i++) {
            values[i] = mom.update(close[i], sma.update(close[i]));
            stdevs[i] = mom.stdev();
        }
        // close - sma: idx2 5/3, idx3 8/3, idx4 11/3, idx5 14/3, idx6 17/3 (a straight line)
        assertThat(values[3]).isNaN();
        assertThat(values[4]).as("first at 2n - 2").isCloseTo(11.0 / 3, within(1e-12));
        assertThat(values[5]).isCloseTo(14.0 / 3, within(1e-12));
        assertThat(stdevs[5]).isNaN();
        assertThat(values[6]).isCloseTo(17.0 / 3, within(1e-12));
        assertThat(stdevs[6]).as("first at 3n - 3; stdev of 11/3, 14/3, 17/3")
                .isCloseTo(Math.sqrt(2.0 / 3), within(1e-12));
    }
}
