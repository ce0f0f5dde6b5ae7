package io.edgeloop.core.indicators;

import io.edgeloop.core.candle.Candle;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class LinRegTest {

    @Test
    void shouldReturnFittedValueAtNewestBar() {
        LinReg lr = new LinReg(3);
        assertThat(lr.update(1)).isNaN();
        assertThat(lr.update(3)).isNaN();
        // x 0,1,2 / y 1,3,2: slope 0.5, intercept 1.5 -> 1.5 + 0.5 * 2
        assertThat(lr.update(2)).isCloseTo(2.5, within(1e-15));
        // y 3,2,5: slope 1, intercept 7/3 -> 13/3
        assertThat(lr.update(5)).isCloseTo(13.0 / 3, within(1e-14));
    }

    @Test
    void shouldReproduceAStraightLineExactly() {
        LinReg lr = new LinReg(5);
        for (int i = 0; i < 30; i++) {
            lr.update(7 - 0.5 * i);
        }
        assertThat(lr.value()).isCloseTo(7 - 0.5 * 29, within(1e-12));
    }

    @Test
    void shouldBeNaNWhileANaNIsInTheWindow() {
        LinReg lr = new LinReg(2);
        lr.update(1);
        assertThat(lr.update(2)).isCloseTo(2, within(1e-15));
        assertThat(lr.update(Double.NaN)).isNaN();
        assertThat(lr.update(4)).isNaN();
        assertThat(lr.update(8)).isCloseTo(8, within(1e-15));
    }

    @Test
    void shouldRejectLengthBelowTwo() {
        assertThatThrownBy(() -> new LinReg(1)).hasMessageContaining("LinReg length must be >= 2");
    }

    @Test
    void shouldStayWithinRoundingOfDirectLeastSquaresOverLongRealSeries() {
        List<Candle> btc = MarketData.btc4h();
        int n = 20;
        LinReg lr = new LinReg(n);
        double[] y = btc.stream().mapToDouble(Candle::close).toArray();
        double worst = 0;
        for (int t = 0; t < y.length; t++) {
            lr.update(y[t]);
            if (t < n - 1) {
                continue;
            }
            double mx = (n - 1) / 2.0;
            double my = 0;
            for (int x = 0; x < n; x++) {
                my += y[t - n + 1 + x];
            }
            my /= n;
            double sxy = 0;
            double sxx = 0;
            for (int x = 0; x < n; x++) {
                sxy += (x - mx) * (y[t - n + 1 + x] - my);
                sxx += (x - mx) * (x - mx);
            }
            double slope = sxy / sxx;
            double expected = my + slope * (n - 1 - mx);
            worst = Math.max(worst, Math.abs(lr.value() - expected) / y[t]);
        }
        assertThat(worst).as("error relative to price").isLessThan(1e-12);
    }
}
