package io.edgeloop.core.mining;

import io.edgeloop.core.candle.Candle;
import io.edgeloop.core.candle.Timeframe;

import java.time.LocalDate;
import java.util.List;

/**
 * One ticker's daily bars as primitive arrays, validated: same ticker, daily interval, finite
 * prices, non-negative volume, exchange dates strictly ascending (one bar per date).
 */
final class DailySeries {

    private static final long DAY_MS = 86_400_000L;

    final String ticker;
    final LocalDate[] dates;
    final double[] high;
    final double[] low;
    final double[] close;
    final double avgVolume;

    private DailySeries(String ticker, int n) {
        this.ticker = ticker;
        this.dates = new LocalDate[n];
        this.high = new double[n];
        this.low = new double[n];
        this.close = new double[n];
        this.avgVolume = 0;
    }

    private DailySeries(DailySeries filled, double avgVolume) {
        this.ticker = filled.ticker;
        this.dates = filled.dates;
        this.high = filled.high;
        this.low = filled.low;
        this.close = filled.close;
        this.avgVolume = avgVolume;
    }

    int size() {
        return dates.length;
    }

    /**
     * Exchange date of a daily bar: the UTC date of its open time (the candle contract stamps a
     * daily bar at its exchange date, 00:00 UTC; any time within that UTC day maps to it).
     */
    static LocalDate exchangeDate(Candle candle) {
        return LocalDate.ofEpochDay(Math.floorDiv(candle.openTime(), DAY_MS));
    }

    /**
     * The series of a ticker's bars, with the mean volume of the bars in the last
     * {@code liquidityDays} calendar days up to and including the last bar.
     */
    static DailySeries of(String ticker, List<Candle> bars, int liquidityDays) {
        DailySeries s = new DailySeries(ticker, bars.size());
        for (int i = 0; i < bars.size(); i++) {
            Candle c = bars.get(i);
            if (!ticker.equals(c.ticker())) {
                throw new IllegalArgumentException("bar " + i + " of " + ticker + " belongs to " + c.ticker());
            }
            if (c.interval() != Timeframe.D1) {
                throw new IllegalArgumentException("move mining needs daily bars; " + ticker + " bar " + i
                        + " is " + c.interval().code());
            }
            if (!Double.isFinite(c.high()) || !Double.isFinite(c.low()) || !Double.isFinite(c.close())) {
                throw new IllegalArgumentException("non-finite price in " + ticker + " bar " + i + ": " + c);
            }
            if (!(c.volume() >= 0) || Double.isInfinite(c.volume())) {
                throw new IllegalArgumentException("volume must be finite and >= 0 in " + ticker + " bar " + i
                        + ": " + c.volume());
            }
            LocalDate date = exchangeDate(c);
            if (i > 0 && !date.isAfter(s.dates[i - 1])) {
                throw new IllegalArgumentException(ticker + " bars must have strictly ascending exchange dates "
                        + "(one bar per date; normalise duplicates first): " + s.dates[i - 1] + " then " + date);
            }
            s.dates[i] = date;
            s.high[i] = c.high();
            s.low[i] = c.low();
            s.close[i] = c.close();
        }
        if (bars.isEmpty()) {
            return s;
        }
        LocalDate from = s.dates[bars.size() - 1].minusDays(liquidityDays - 1L);
        double volumeSum = 0;
        int counted = 0;
        for (int i = bars.size() - 1; i >= 0 && !s.dates[i].isBefore(from); i--) {
            volumeSum += bars.get(i).volume();
            counted++;
        }
        return new DailySeries(s, volumeSum / counted);
    }
}
