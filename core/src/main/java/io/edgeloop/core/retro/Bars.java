package io.edgeloop.core.retro;

import io.edgeloop.core.candle.Candle;

import java.time.LocalDate;
import java.util.List;

/** Date helpers on normalised daily bars (open time = the exchange date at 00:00 UTC). */
final class Bars {

    private static final long DAY_MS = 86_400_000L;

    private Bars() {
    }

    /** Exchange date of a normalised daily bar: the UTC date of its open time. */
    static LocalDate date(Candle candle) {
        return LocalDate.ofEpochDay(Math.floorDiv(candle.openTime(), DAY_MS));
    }

    /** Number of leading bars dated on or before {@code asOf} (bars ascending). */
    static int endIndex(List<Candle> bars, LocalDate asOf) {
        long limit = asOf.toEpochDay();
        int lo = 0;
        int hi = bars.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (Math.floorDiv(bars.get(mid).openTime(), DAY_MS) <= limit) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
