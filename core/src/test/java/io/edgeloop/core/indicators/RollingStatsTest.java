package io.edgeloop.core.indicators;

import io.edgeloop.core.candle.Candle;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class RollingStatsTest {

    @Test
    void shouldGiveSmaOfLastValuesAndNaNBeforeWindowIsFull() {
        RollingStats stats = new RollingStats(3);
        assertThat(stats.update(1)).isNaN();
        assertThat(stats.stdev()).isNaN();
        assertThat(stats.update(2)).isNaN();
        assertThat(stats.update(3)).isEqualTo(2.0);
        assertThat(stats.stdev()).isCloseTo(Math.sqrt(2.0 / 3), within(1e-15));
        assertThat(stats.update(4)).isEqualTo(3.0);
        assertThat(stats.update(8)).isEqualTo(5.0);
        // window 3, 4, 8: deviations -2, -1, 3 -> (4 + 1 + 9) / 3
        assertThat(stats.stdev()).isCloseTo(Math.sqrt(14.0 / 3), within(1e-14));
    }

    @Test
    void shouldComputePopulationNotSampleStdev() {
        RollingStats stats = new RollingStats(8);
        for (double x : new double[] {2, 4, 4, 4, 5, 5, 7, 9}) {
            stats.update(x);
        }
        assertThat(stats.mean()).isEqualTo(5.0);
        assertThat(stats.stdev()).isCloseTo(2.0, within(1e-15));
    }

    @Test
    void shouldGiveZeroStdevForConstantWindow() {
        RollingStats stats = new RollingStats(5);
        for (int i = 0; i < 50; i++) {
            stats.update(123.456);
        }
        assertThat(stats.stdev()).isZero();
        assertThat(stats.mean()).isEqualTo(123.456);
    }

    @Test
    void shouldSkipNaNInputs() {
        RollingStats stats = new RollingStats(2);
        stats.update(1);
        stats.update(Double.NaN);
        assertThat(stats.update(3)).isEqualTo(2.0);
    }

    @Test
    void shouldStayWithinRoundingOfTwoPassComputationOverLongRealSeries() {
        List<Candle> btc = MarketData.btc4h();
        double[] close = btc.stream().mapToDouble(Candle::close).toArray();
        int n = 20;
        RollingStats stats = new RollingStats(n);
        double worstMean = 0;
        double worstStdev = 0;
        for (int t = 0; t < close.length; t++) {
            stats.update(close[t]);
            if (t < n - 1) {
                continue;
            }
            double mean = 0;
            for (int i = t - n + 1; i <= t; i++) {
                mean += close[i];
            }
            mean /= n;
            double ss = 0;
            for (int i = t - n + 1; i <= t; i++) {
                ss += (close[i] - mean) * (close[i] - mean);
            }
            double stdev = Math.sqrt(ss / n);
            worstMean = Math.max(worstMean, Math.abs(stats.mean() - mean) / mean);
            worstStdev = Math.max(worstStdev, Math.abs(stats.stdev() - stdev) / mean);
        }
        assertThat(close.length).isGreaterThan(20_000);
        assertThat(worstMean).as("relative SMA error").isLessThan(1e-13);
        assertThat(worstStdev).as("stdev error relative to price").isLessThan(1e-12);
    }
}
