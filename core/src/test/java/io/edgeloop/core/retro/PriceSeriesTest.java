package io.edgeloop.core.retro;

import io.edgeloop.core.candle.Candle;
import io.edgeloop.core.candle.Timeframe;
import io.edgeloop.core.mining.MiningConfig;
import io.edgeloop.core.mining.Move;
import io.edgeloop.core.mining.MoveDirection;
import io.edgeloop.core.mining.MoveMiner;
import io.edgeloop.core.rules.Direction;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class PriceSeriesTest {

    /** Closes 100 on day 0; later days' highs and lows as given. */
    private static PriceSeries series(double[][] highLow) {
        List<Candle> bars = new ArrayList<>();
        LocalDate d = LocalDate.of(2024, 1, 1);
        bars.add(candle(d, 100, 100, 100));
        for (double[] hl : highLow) {
            d = d.plusDays(1);
            bars.add(candle(d, hl[0], hl[1], (hl[0] + hl[1]) / 2));
        }
        return new PriceSeries(bars);
    }

    private static Candle candle(LocalDate date, double high, double low, double close) {
        return new Candle("T", Timeframe.D1, date.toEpochDay() * 86_400_000L, close, high, low, close, 1e6, "test");
    }

    @Test
    void shouldHitUpWhenAHighReachesTheThresholdWithinTheHorizon() {
        PriceSeries s = series(new double[][] {{101, 99}, {104.9, 99}, {105, 100}, {101, 100}});

        assertThat(s.outcome(0, Direction.UP, 3, 5)).isEqualTo(PriceSeries.HIT);
        assertThat(s.outcome(0, Direction.UP, 2, 5)).as("105 comes on day 3").isEqualTo(PriceSeries.MISS);
        assertThat(s.outcome(0, Direction.DOWN, 3, 5)).isEqualTo(PriceSeries.MISS);
        assertThat(s.outcome(0, Direction.NEUTRAL, 3, 5)).isEqualTo(PriceSeries.HIT);
    }

    @Test
    void shouldHitDownOnALowAtTheThreshold() {
        PriceSeries s = series(new double[][] {{100, 97}, {100, 95}, {100, 99}});

        assertThat(s.outcome(0, Direction.DOWN, 2, 5)).isEqualTo(PriceSeries.HIT);
        assertThat(s.outcome(0, Direction.UP, 2, 5)).isEqualTo(PriceSeries.MISS);
    }

    @Test
    void shouldLeaveAnOutcomeUnresolvedUntilTheWholeHorizonExistsEvenAfterAnEarlyHit() {
        PriceSeries s = series(new double[][] {{110, 100}, {100, 99}});

        assertThat(s.outcome(0, Direction.UP, 3, 5)).isEqualTo(PriceSeries.UNRESOLVED);
        assertThat(s.outcome(0, Direction.UP, 2, 5)).isEqualTo(PriceSeries.HIT);
        assertThat(s.indexOf(LocalDate.of(2024, 1, 2))).isEqualTo(1);
        assertThat(s.indexOf(LocalDate.of(2023, 12, 31))).isEqualTo(-1);
    }

    @Test
    void shouldHitAMoveOfExactlyTheThresholdInDecimals() {
        List<Candle> bars = List.of(candle(LocalDate.of(2024, 1, 1), 3.40, 3.40, 3.40),
                candle(LocalDate.of(2024, 1, 2), 3.57, 3.23, 3.40));
        PriceSeries s = new PriceSeries(bars);

        assertThat(s.outcome(0, Direction.UP, 1, 5)).as("3.40 to 3.57: +5%").isEqualTo(PriceSeries.HIT);
        assertThat(s.outcome(0, Direction.DOWN, 1, 5)).as("3.40 to 3.23: -5%").isEqualTo(PriceSeries.HIT);
        assertThat(new PriceSeries(List.of(bars.get(0), candle(LocalDate.of(2024, 1, 2), 3.56, 3.24, 3.40)))
                .outcome(0, Direction.NEUTRAL, 1, 5)).as("a cent short either way").isEqualTo(PriceSeries.MISS);
    }

    /**
     * The hit rule is the miner's rule over one window, bar for bar, and both are right in decimals:
     * two-decimal prices whose highs and lows often lie exactly 5% from an earlier close (closes on
     * a 20-cent grid, so 5% of one is whole cents), checked against BigDecimal.
     */
    @Test
    void shouldAgreeBarForBarWithTheMoveMinerAndWithDecimalArithmetic() {
        SplittableRandom random = new SplittableRandom(20_251_128);
        List<Candle> bars = new ArrayList<>();
        LocalDate d = LocalDate.of(2024, 1, 1);
        int previous = 2000;
        for (int k = 0; k < 2_000; k++) {
            int close = 20 * (50 + random.nextInt(100));
            int high = Math.max(close, k > 0 && random.nextInt(3) == 0 ? previous * 105 / 100 : close + random.nextInt(40));
            int low = Math.min(close, k > 0 && random.nextInt(3) == 0 ? previous * 95 / 100 : close - random.nextInt(40));
            bars.add(candle(d, high / 100.0, low / 100.0, close / 100.0));
            previous = close;
            d = d.plusDays(d.getDayOfWeek() == DayOfWeek.FRIDAY ? 3 : 1);
        }
        PriceSeries s = new PriceSeries(bars);
        BigDecimal up = new BigDecimal("1.05");
        BigDecimal down = new BigDecimal("0.95");
        int exact = 0;
        for (int w : new int[] {1, 5}) {
            Set<String> mined = new HashSet<>();
            for (Move m : new MoveMiner(new MiningConfig(2, 0, 30, List.of(w), 5.0, 3)).candidates("T", "X", bars)) {
                mined.add(m.startDate() + " " + m.direction());
            }
            for (int i = 0; i + w < bars.size(); i++) {
                BigDecimal close = BigDecimal.valueOf(bars.get(i).close());
                boolean upTruth = false;
                boolean downTruth = false;
                for (int j = i + 1; j <= i + w; j++) {
                    BigDecimal high = BigDecimal.valueOf(bars.get(j).high());
                    BigDecimal low = BigDecimal.valueOf(bars.get(j).low());
                    upTruth |= high.compareTo(close.multiply(up)) >= 0;
                    downTruth |= low.compareTo(close.multiply(down)) <= 0;
                    exact += high.compareTo(close.multiply(up)) == 0 || low.compareTo(close.multiply(down)) == 0 ? 1 : 0;
                }
                LocalDate start = Bars.date(bars.get(i));
                assertThat(s.outcome(i, Direction.UP, w, 5) == PriceSeries.HIT).as("UP hit from bar %d, %d days", i, w)
                        .isEqualTo(upTruth);
                assertThat(s.outcome(i, Direction.DOWN, w, 5) == PriceSeries.HIT).as("DOWN hit from bar %d", i)
                        .isEqualTo(downTruth);
                assertThat(mined.contains(start + " " + MoveDirection.UP)).as("UP move from bar %d, %d days", i, w)
                        .isEqualTo(upTruth);
                assertThat(mined.contains(start + " " + MoveDirection.DOWN)).as("DOWN move from bar %d", i)
                        .isEqualTo(downTruth);
            }
        }
        assertThat(exact).as("bars exactly 5% from a start's close").isGreaterThan(500);
    }
}
