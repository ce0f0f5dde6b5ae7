package io.edgeloop.core.candle;

import static io.edgeloop.core.candle.EpochDays.DAY_MS;

/**
 * When an instrument trades, and which session day a timestamp belongs to. Every method is
 * pure arithmetic on epoch milliseconds and epoch days, with no allocation.
 *
 * <ul>
 *   <li>{@link #US_EQUITY}: regular session 09:30-16:00 America/New_York, Monday to Friday.
 *       Holidays and half days are taken from the data: a day exists when bars exist, and a
 *       half day's bar closes when the next bar arrives or when stream time passes 16:00 (see
 *       {@link Aggregator#advanceTo}). Bars outside the regular session are not part of any
 *       model timeframe (the hourly history files are clipped to the regular session,
 *       {@code "session_clip": "rth"}, so none occur there).</li>
 *   <li>{@link #CRYPTO}: 24/7, sessions are UTC days.</li>
 * </ul>
 *
 * <p>Futures, index and CFD series of the universe use {@code US_EQUITY} for their daily
 * labels (see {@link #tradeDate}); the model aggregates them only from daily bars.
 */
public enum SessionCalendar {
    US_EQUITY,
    CRYPTO;

    private static final long OPEN_LOCAL_MS = (9 * 60 + 30) * 60_000L;
    private static final long CLOSE_LOCAL_MS = 16 * 3_600_000L;
    /** The trade date of a daily stamp rolls at 18:00 New York: shift by 6 hours, take the date. */
    private static final long TRADE_DATE_ROLL_MS = 6 * 3_600_000L;

    /**
     * The calendar of a ticker without reference data: {@code CRYPTO} for a crypto pair
     * ({@link Symbols#isCryptoPair}), else {@code US_EQUITY}. {@link SectorMap#assetClass}
     * gives the same calendar with the asset class.
     */
    public static SessionCalendar forTicker(String ticker) {
        return Symbols.isCryptoPair(Symbols.normalise(ticker)) ? CRYPTO : US_EQUITY;
    }

    /**
     * The epoch day of the session an instant belongs to: the New York calendar date for
     * {@code US_EQUITY}, the UTC date for {@code CRYPTO}. Used for intraday bar open times.
     */
    public long sessionDay(long epochMillis) {
        if (this == CRYPTO) {
            return Math.floorDiv(epochMillis, DAY_MS);
        }
        return Math.floorDiv(epochMillis + ZoneOffsetTable.NEW_YORK.offsetMillis(epochMillis), DAY_MS);
    }

    /**
     * The trade date (epoch day) a vendor's DAILY bar stamp stands for.
     *
     * <p>{@code CRYPTO}: the UTC date of the stamp.
     *
     * <p>{@code US_EQUITY}: the New York date of the stamp plus 6 hours, i.e. the trade date
     * rolls at 18:00 New York (the CME Globex convention, whose evening session opens the next
     * trade date). Every stamp the shipped files use for a US trading day maps to that day:
     * 00:00 UTC (19:00/20:00 New York the evening before), 00:00 New York (04:00/05:00 UTC),
     * the 09:30 open, the 16:00 close and the 16:10 index settlement stamp; a futures bar
     * stamped at the 18:00 evening open belongs to the next date. Checked against the exchange
     * daily bars in {@code history/*_D.json} (see {@code NORMALISATION.md}).
     */
    public long tradeDate(long dailyStampMillis) {
        if (this == CRYPTO) {
            return Math.floorDiv(dailyStampMillis, DAY_MS);
        }
        long local = dailyStampMillis + ZoneOffsetTable.NEW_YORK.offsetMillis(dailyStampMillis);
        return Math.floorDiv(local + TRADE_DATE_ROLL_MS, DAY_MS);
    }

    /** True when the calendar can have a session on that day (US equities: Monday to Friday). */
    public boolean isSessionDay(long epochDay) {
        return this == CRYPTO || !EpochDays.isWeekend(epochDay);
    }

    /** Regular session open of a day, epoch ms UTC (US: 09:30 New York; crypto: 00:00 UTC). */
    public long sessionOpen(long epochDay) {
        if (this == CRYPTO) {
            return epochDay * DAY_MS;
        }
        return ZoneOffsetTable.NEW_YORK.utcOf(epochDay * DAY_MS + OPEN_LOCAL_MS);
    }

    /** Regular session close of a day, epoch ms UTC (US: 16:00 New York; crypto: next 00:00 UTC). */
    public long sessionClose(long epochDay) {
        if (this == CRYPTO) {
            return (epochDay + 1) * DAY_MS;
        }
        return ZoneOffsetTable.NEW_YORK.utcOf(epochDay * DAY_MS + CLOSE_LOCAL_MS);
    }

    /** True when the instant lies in a regular session: [open, close) of a session day. */
    public boolean inSession(long epochMillis) {
        if (this == CRYPTO) {
            return true;
        }
        long day = sessionDay(epochMillis);
        return isSessionDay(day) && epochMillis >= sessionOpen(day) && epochMillis < sessionClose(day);
    }

    /**
     * The last day of the day's week that can hold a session (Friday for US equities, Sunday
     * for crypto); a weekly bar is complete once that day's session is.
     */
    public long lastSessionDayOfWeek(long epochDay) {
        return EpochDays.weekStart(epochDay) + (this == CRYPTO ? 6 : 4);
    }

    /** The last day of the day's month that can hold a session (last weekday for US equities). */
    public long lastSessionDayOfMonth(long epochDay) {
        long last = EpochDays.nextMonthStart(epochDay) - 1;
        while (!isSessionDay(last)) {
            last--;
        }
        return last;
    }

    /**
     * Start of the intraday bucket of length {@code lengthMillis} that holds an instant.
     * US equities anchor buckets at the session open (4h: 09:30-13:30 and 13:30-16:00; 1h:
     * 09:30, 10:30 .. 15:30-16:00), as TradingView does for a regular-session chart; crypto
     * anchors them at 00:00 UTC (4h: 00, 04, 08 .. UTC).
     */
    public long bucketStart(long epochMillis, long lengthMillis) {
        if (this == CRYPTO) {
            return Math.floorDiv(epochMillis, lengthMillis) * lengthMillis;
        }
        long open = sessionOpen(sessionDay(epochMillis));
        return open + Math.floorDiv(epochMillis - open, lengthMillis) * lengthMillis;
    }

    /** End of the intraday bucket starting at {@code bucketStart}, cut at the session close. */
    public long bucketEnd(long bucketStart, long lengthMillis) {
        long end = bucketStart + lengthMillis;
        return this == CRYPTO ? end : Math.min(end, sessionClose(sessionDay(bucketStart)));
    }
}
