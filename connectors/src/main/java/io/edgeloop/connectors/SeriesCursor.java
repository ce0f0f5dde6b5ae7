package io.edgeloop.connectors;

import io.edgeloop.connectors.FeedItem.Bar;
import io.edgeloop.core.candle.BarClose;
import io.edgeloop.core.candle.Candle;
import io.edgeloop.core.candle.SessionCalendar;

import java.util.List;
import java.util.Map;

/**
 * Where a series stands: its chained bars, how many were published, the last published open
 * time and the fingerprint of the files they came from (see {@link CandleFeed} for the resume
 * rule). Mutable; owned by the feed.
 */
final class SeriesCursor {

    private final SeriesKey key;
    private final SessionCalendar calendar;
    private String fingerprint;
    private long position;
    private long lastOpenTime;
    private List<Candle> bars = List.of();
    private int next;
    private long headCloseTime;

    private SeriesCursor(SeriesKey key, SessionCalendar calendar, String fingerprint, long position, long lastOpenTime) {
        this.key = key;
        this.calendar = calendar;
        this.fingerprint = fingerprint;
        this.position = position;
        this.lastOpenTime = lastOpenTime;
    }

    /** A cursor from a stored offset, or a fresh one when there is none. */
    static SeriesCursor resumed(SeriesKey key, SessionCalendar calendar, Map<String, Object> storedOffset) {
        if (storedOffset == null) {
            return new SeriesCursor(key, calendar, "", 0, Long.MIN_VALUE);
        }
        return new SeriesCursor(key, calendar, String.valueOf(storedOffset.get("fingerprint")),
                CandleFeed.asLong(storedOffset.get("position")), CandleFeed.asLong(storedOffset.get("lastOpenTime")));
    }

    /**
     * Takes a new chain of bars. Same fingerprint: resume at the stored position, provided the
     * bar before it has the stored open time; otherwise resume after the last published open time.
     */
    void reset(String newFingerprint, List<Candle> newBars) {
        int start;
        if (newFingerprint.equals(fingerprint) && position <= newBars.size()
                && (position == 0 || newBars.get((int) position - 1).openTime() == lastOpenTime)) {
            start = (int) position;
        } else {
            start = firstAfter(newBars, lastOpenTime);
        }
        fingerprint = newFingerprint;
        bars = newBars;
        next = start;
        position = start;
        headCloseTime = hasNext() ? BarClose.of(bars.get(next), calendar) : Long.MAX_VALUE;
    }

    private static int firstAfter(List<Candle> bars, long openTime) {
        int lo = 0;
        int hi = bars.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (bars.get(mid).openTime() <= openTime) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    boolean hasNext() {
        return next < bars.size();
    }

    /** Hands out the next bar and advances; the bars are released once the last is out. */
    Bar take() {
        Candle c = bars.get(next++);
        position++;
        lastOpenTime = c.openTime();
        Bar bar = new Bar(key, c, headCloseTime, Map.of("position", position, "lastOpenTime", lastOpenTime,
                "fingerprint", fingerprint));
        if (hasNext()) {
            headCloseTime = BarClose.of(bars.get(next), calendar);
        } else {
            bars = List.of();
            next = 0;
            headCloseTime = Long.MAX_VALUE;
        }
        return bar;
    }

    SeriesKey key() {
        return key;
    }

    long headCloseTime() {
        return headCloseTime;
    }

    int remaining() {
        return bars.size() - next;
    }

}
