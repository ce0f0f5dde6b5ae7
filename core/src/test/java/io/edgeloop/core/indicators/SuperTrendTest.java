package io.edgeloop.core.indicators;

import io.edgeloop.core.candle.Candle;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SuperTrendTest {

    private static final double EPS = 1e-12;

    /** Factor 1, ATR 2; every value below worked out by hand from Pine's reference script. */
    @Test
    void shouldFollowPineBandRatchetAndDirectionRuleOnHandComputedBars() {
        SuperTrend st = new SuperTrend(1, 2);

        assertThat(st.update(10, 8, 9)).isNaN();
        assertThat(st.line()).isNaN();
        assertThat(st.flip()).isNaN();

        // ATR (2 + 2) / 2 = 2, hl2 10: bands 12 / 8; first bar with an ATR is always bear.
        assertThat(st.update(11, 9, 10.5)).isEqualTo(-1.0);
        assertThat(st.pineDirection()).isEqualTo(1.0);
        assertThat(st.line()).isEqualTo(12.0);
        assertThat(st.lowerBand()).isEqualTo(8.0);
        assertThat(st.flip()).isNaN();

        // ATR 2.25, raw bands 14.25 / 9.75; upper held at 12 (14.25 > 12, close[1] 10.5 <= 12);
        // line was the upper band and close 12.5 > 12 -> bull, line = lower band 9.75.
        assertThat(st.update(13, 11, 12.5)).isEqualTo(1.0);
        assertThat(st.upperBand()).isEqualTo(12.0);
        assertThat(st.line()).isEqualTo(9.75);
        assertThat(st.flip()).isEqualTo(1.0);

        // ATR 1.625, raw 14.125 / 10.875; upper resets since close[1] 12.5 > 12; stays bull.
        assertThat(st.update(13, 12, 12.8)).isEqualTo(1.0);
        assertThat(st.upperBand()).isCloseTo(14.125, within(EPS));
        assertThat(st.line()).isCloseTo(10.875, within(EPS));
        assertThat(st.flip()).isZero();

        // ATR 2.2625, raw lower 9.1875 < 10.875 and close[1] 12.8 >= 10.875: lower ratchets at
        // 10.875; close 10.2 < 10.875 -> bear, line = upper band 13.7125.
        assertThat(st.update(12.9, 10, 10.2)).isEqualTo(-1.0);
        assertThat(st.lowerBand()).isCloseTo(10.875, within(EPS));
        assertThat(st.line()).isCloseTo(13.7125, within(EPS));
        assertThat(st.flip()).isEqualTo(-1.0);

        // ATR 1.88125, raw 12.13125 / 8.36875; lower resets because close[1] 10.2 < 10.875;
        // close 10.8 <= upper 12.13125 -> stays bear.
        assertThat(st.update(11, 9.5, 10.8)).isEqualTo(-1.0);
        assertThat(st.lowerBand()).isCloseTo(8.36875, within(EPS));
        assertThat(st.line()).isCloseTo(12.13125, within(EPS));
        assertThat(st.atr()).isCloseTo(1.88125, within(EPS));
        assertThat(st.flip()).isZero();
    }

    static Stream<String> series() {
        return Stream.of("SPY_60", "SPY_D", "NVDA_D", "TSLA_60", "BTC-USD_4h");
    }

    static List<Candle> load(String name) {
        return name.startsWith("BTC") ? MarketData.btc4h() : MarketData.history(name);
    }

    @ParameterizedTest
    @MethodSource("series")
    void shouldMatchStraightforwardPineReferenceOnRealData(String name) {
        List<Candle> candles = load(name);
        int n = candles.size();
        double[] h = new double[n];
        double[] l = new double[n];
        double[] c = new double[n];
        for (int i = 0; i < n; i++) {
            h[i] = candles.get(i).high();
            l[i] = candles.get(i).low();
            c[i] = candles.get(i).close();
        }
        double[][] reference = pineSupertrend(h, l, c, 3, 10);
        SuperTrend st = new SuperTrend(3, 10);
        int flips = 0;
        for (int i = 0; i < n; i++) {
            st.update(h[i], l[i], c[i]);
            if (i < 9) {
                assertThat(st.direction()).isNaN();
                continue;
            }
            assertThat(st.pineDirection()).as("direction at %d", i).isEqualTo(reference[1][i]);
            assertThat(st.line()).as("line at %d", i).isCloseTo(reference[0][i], within(1e-9 * c[i]));
            if (st.flip() != 0 && !Double.isNaN(st.flip())) {
                flips++;
            }
        }
        assertThat(flips).as("a real series flips many times").isGreaterThan(n / 100);
    }

    /**
     * Pine's documented {@code pine_supertrend(factor, atrPeriod)}, written out over whole arrays
     * the obvious way (no incremental state), na as NaN. Returns {line, pineDirection}.
     */
    static double[][] pineSupertrend(double[] high, double[] low, double[] close, double factor, int atrPeriod) {
        int n = close.length;
        double[] tr = new double[n];
        for (int i = 0; i < n; i++) {
            tr[i] = i == 0 ? high[i] - low[i]
                    : Math.max(Math.max(high[i] - low[i], Math.abs(high[i] - close[i - 1])),
                    Math.abs(low[i] - close[i - 1]));
        }
        double[] atr = new double[n];
        double alpha = 1.0 / atrPeriod;
        for (int i = 0; i < n; i++) {
            if (i < atrPeriod - 1) {
                atr[i] = Double.NaN;
            } else if (i == atrPeriod - 1) {
                double sum = 0;
                for (int j = 0; j <= i; j++) {
                    sum += tr[j];
                }
                atr[i] = sum / atrPeriod;
            } else {
                atr[i] = alpha * tr[i] + (1 - alpha) * atr[i - 1];
            }
        }
        double[] upper = new double[n];
        double[] lower = new double[n];
        double[] st = new double[n];
        double[] dir = new double[n];
        for (int i = 0; i < n; i++) {
            double src = (high[i] + low[i]) / 2;
            double up = src + factor * atr[i];
            double lo = src - factor * atr[i];
            double prevLower = i == 0 || Double.isNaN(lower[i - 1]) ? 0 : lower[i - 1];
            double prevUpper = i == 0 || Double.isNaN(upper[i - 1]) ? 0 : upper[i - 1];
            double prevClose = i == 0 ? Double.NaN : close[i - 1];
            lower[i] = lo > prevLower || prevClose < prevLower ? lo : prevLower;
            upper[i] = up < prevUpper || prevClose > prevUpper ? up : prevUpper;
            double prevSt = i == 0 ? Double.NaN : st[i - 1];
            if (i == 0 || Double.isNaN(atr[i - 1])) {
                dir[i] = 1;
            } else if (prevSt == prevUpper) {
                dir[i] = close[i] > upper[i] ? -1 : 1;
            } else {
                dir[i] = close[i] < lower[i] ? 1 : -1;
            }
            st[i] = dir[i] == -1 ? lower[i] : upper[i];
        }
        return new double[][] {st, dir};
    }
}
