package io.edgeloop.core.retro;

import io.edgeloop.core.candle.Candle;
import io.edgeloop.core.candle.Timeframe;
import io.edgeloop.core.rules.Direction;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

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
}
