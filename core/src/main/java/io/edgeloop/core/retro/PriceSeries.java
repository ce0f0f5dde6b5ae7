package io.edgeloop.core.retro;

import io.edgeloop.core.candle.Candle;
import io.edgeloop.core.mining.MoveThreshold;
import io.edgeloop.core.rules.Direction;

import java.time.LocalDate;
import java.util.List;

/** One ticker's normalised daily bars as primitive arrays (epoch days ascending), for outcome checks. */
final class PriceSeries {

    /** {@link #outcome} of a day whose horizon reaches past the data. */
    static final int UNRESOLVED = -1;
    static final int MISS = 0;
    static final int HIT = 1;

    private final long[] days;
    private final double[] high;
    private final double[] low;
    private final double[] close;

    PriceSeries(List<Candle> bars) {
        int n = bars.size();
        days = new long[n];
        high = new double[n];
        low = new double[n];
        close = new double[n];
        for (int i = 0; i < n; i++) {
            Candle c = bars.get(i);
            days[i] = Bars.date(c).toEpochDay();
            high[i] = c.high();
            low[i] = c.low();
            close[i] = c.close();
        }
    }

    int size() {
        return days.length;
    }

    /** Index of the bar of a date, or -1. */
    int indexOf(LocalDate date) {
        int i = java.util.Arrays.binarySearch(days, date.toEpochDay());
        return i >= 0 ? i : -1;
    }

    /**
     * Whether a significant move in {@code direction} followed the close of bar {@code i}: within
     * bars {@code i+1 .. i+horizon} the highest high reached {@code close[i] x (1 + minMovePct/100)}
     * (UP), the lowest low {@code close[i] x (1 - minMovePct/100)} (DOWN), or either (NEUTRAL),
     * to within the rounding slack of {@link MoveThreshold}. This is the move miner's
     * close-to-peak rule ({@code MoveMiner}) over one window, with the same targets. The
     * outcome is {@link #UNRESOLVED} until all {@code horizon} bars exist, also when a hit came
     * early, so that the last days of the data are not biased towards hits.
     */
    int outcome(int i, Direction direction, int horizon, double minMovePct) {
        if (i + horizon >= days.length || !(close[i] > 0)) {
            return UNRESOLVED;
        }
        double upTarget = MoveThreshold.upTarget(close[i], minMovePct);
        double downTarget = MoveThreshold.downTarget(close[i], minMovePct);
        boolean up = false;
        boolean down = false;
        for (int j = i + 1; j <= i + horizon; j++) {
            up |= high[j] >= upTarget;
            down |= low[j] <= downTarget;
        }
        boolean hit = switch (direction) {
            case UP -> up;
            case DOWN -> down;
            case NEUTRAL -> up || down;
        };
        return hit ? HIT : MISS;
    }
}
