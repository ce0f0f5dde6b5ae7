package io.edgeloop.core.outcome;

import io.edgeloop.core.candle.Candle;
import io.edgeloop.core.candle.Timeframe;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The no-look-ahead rule of outcomes: which daily bars follow a prediction, and when a
 * prediction that lacks bars expires.
 *
 * <h2>The rule</h2>
 * <ol>
 *   <li>A daily bar's trading date is the UTC calendar date of its open time. This holds for
 *       every daily stamping the project sees: the normalised one (exchange date at 00:00 UTC),
 *       a session-open stamp (09:30 New York = 13:30/14:30 UTC, same date) and the vendor's
 *       04:00 UTC stamp (00:00 New York, same date).</li>
 *   <li>A prediction's trading date is the <em>later</em> of the UTC date and the exchange-zone
 *       date of its timestamp. A daily-bar prediction stamped at 00:00 UTC of date X would fall
 *       on X-1 in New York; taking the later date keeps it on X, so bar X (whose close may be
 *       the entry price) can never count as a following bar. For US regular-session intraday
 *       bars both dates agree.</li>
 *   <li>The following bars are the daily bars whose trading date is strictly after the
 *       prediction's trading date, in date order, one per date; the first {@code horizonDays}
 *       of them are the horizon.</li>
 * </ol>
 * The rule can only err towards waiting a day longer (a timestamp whose two dates differ is
 * placed on the later one), never towards using a bar the prediction could have seen.
 */
public final class TradingDates {

    private static final long DAY_MS = 86_400_000L;

    private TradingDates() {
    }

    /** Trading date of a prediction made at {@code time}: max(UTC date, exchange-zone date). */
    public static LocalDate predictionDate(long time, ZoneId exchangeZone) {
        Instant instant = Instant.ofEpochMilli(time);
        LocalDate utc = LocalDate.ofInstant(instant, ZoneOffset.UTC);
        LocalDate local = LocalDate.ofInstant(instant, exchangeZone);
        return utc.isAfter(local) ? utc : local;
    }

    /** Trading date of a daily bar: the UTC date of its open time. Fails for a non-daily candle. */
    public static LocalDate candleDate(Candle candle) {
        if (candle.interval() != Timeframe.D1) {
            throw new IllegalArgumentException("outcomes use daily candles, got a " + candle.interval().code()
                    + " candle of " + candle.ticker() + " at " + Instant.ofEpochMilli(candle.openTime()));
        }
        return LocalDate.ofEpochDay(Math.floorDiv(candle.openTime(), DAY_MS));
    }

    /**
     * Calendar days that hold {@code tradingDays} trading days in a five-day week:
     * ceil(tradingDays x 7 / 5). Holidays are not modelled; the grace period absorbs them.
     */
    public static int calendarDays(int tradingDays) {
        return (tradingDays * 7 + 4) / 5;
    }

    /**
     * The instant from which a prediction without enough bars expires: the start (00:00 UTC) of
     * the day after predictionDate + calendarDays(horizon + grace). Daily candles are stamped on
     * their date in UTC, so stream time reaches this instant once any candle of a later date has
     * been seen.
     */
    public static long expiryTime(LocalDate predictionDate, int horizonDays, int graceTradingDays) {
        LocalDate last = predictionDate.plusDays(calendarDays(horizonDays + graceTradingDays));
        return last.plusDays(1).toEpochDay() * DAY_MS;
    }
}
