package io.edgeloop.core.candle;

import java.util.Objects;

/**
 * A {@link SessionCalendar} with its last session day's open and close remembered: the same
 * answers as the calendar's methods, computed once per session day instead of once per call.
 * The calendar's open and close are pure functions of the day, each two zone-offset lookups on
 * US equities, and a stream asks for the same day's several times per base bar (session check,
 * base period, every intraday frame's bucket).
 *
 * <p>Mutable (the memo); one instance per aggregator or engine, not thread-safe. Nothing here
 * is state to store: a fresh instance gives the same answers.
 */
public final class SessionTimes {

    private final SessionCalendar calendar;
    private long day = Long.MIN_VALUE;
    private long open;
    private long close;
    /**
     * The last session found by {@link #inSession}: an instant in [sessionOpen, sessionClose)
     * of a session day lies in that day (the session is inside one local date and no zone
     * change falls in it), so it answers the session check, the session day and the bucket
     * start without a zone lookup. Empty (open = close) until then.
     */
    private long inDay = Long.MIN_VALUE;
    private long inOpen;
    private long inClose;

    public SessionTimes(SessionCalendar calendar) {
        this.calendar = Objects.requireNonNull(calendar, "calendar");
    }

    public SessionCalendar calendar() {
        return calendar;
    }

    /** {@link SessionCalendar#sessionDay}. */
    public long sessionDay(long epochMillis) {
        if (epochMillis >= inOpen && epochMillis < inClose) {
            return inDay;
        }
        return calendar.sessionDay(epochMillis);
    }

    /** {@link SessionCalendar#sessionOpen}, remembered for the last day asked. */
    public long sessionOpen(long epochDay) {
        load(epochDay);
        return open;
    }

    /** {@link SessionCalendar#sessionClose}, remembered for the last day asked. */
    public long sessionClose(long epochDay) {
        load(epochDay);
        return close;
    }

    /** {@link SessionCalendar#inSession}: [open, close) of a session day. */
    public boolean inSession(long epochMillis) {
        if (calendar == SessionCalendar.CRYPTO) {
            return true;
        }
        if (epochMillis >= inOpen && epochMillis < inClose) {
            return true;
        }
        long d = calendar.sessionDay(epochMillis);
        if (!calendar.isSessionDay(d)) {
            return false;
        }
        load(d);
        if (epochMillis >= open && epochMillis < close) {
            inDay = d;
            inOpen = open;
            inClose = close;
            return true;
        }
        return false;
    }

    /** {@link SessionCalendar#bucketStart}: the session-anchored intraday bucket holding an instant. */
    public long bucketStart(long epochMillis, long lengthMillis) {
        if (calendar == SessionCalendar.CRYPTO) {
            return calendar.bucketStart(epochMillis, lengthMillis);
        }
        long start = epochMillis >= inOpen && epochMillis < inClose ? inOpen
                : sessionOpen(calendar.sessionDay(epochMillis));
        return start + Math.floorDiv(epochMillis - start, lengthMillis) * lengthMillis;
    }

    private void load(long epochDay) {
        if (epochDay != day) {
            open = calendar.sessionOpen(epochDay);
            close = calendar.sessionClose(epochDay);
            day = epochDay;
        }
    }
}
