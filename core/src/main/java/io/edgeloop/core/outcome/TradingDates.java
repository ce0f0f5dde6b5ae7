package io.edgeloop.core.outcome;

import io.edgeloop.core.candle.Candle;
import io.edgeloop.core.candle.SessionCalendar;
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
 *   <li>A daily bar's trading date is the one the rest of the model gives it: its ticker's
 *       {@link SessionCalendar#forTicker session calendar}'s {@link SessionCalendar#tradeDate}
 *       of its open time. For US equities, indices and futures the date rolls at 18:00 New York:
 *       the normalised stamp (00:00 UTC of the date), the vendor's 04:00 UTC stamp (00:00 New
 *       York), a session-open or session-close stamp all fall on the date itself, and a futures
 *       bar stamped at its 18:00 New York evening open (22:00/23:00 UTC of the day before) falls
 *       on the next date, the one it trades for. Crypto bars take their UTC date. (Core's
 *       NORMALISATION.md lists the series no stamp rule labels right, e.g. US500's 2024-25
 *       bars stamped 17:00 New York for the next date.)</li>
 *   <li>A prediction's trading date is the <em>latest</em> of the UTC date, the exchange-zone
 *       date and the calendar's trade date of its timestamp. A daily-bar prediction is stamped
 *       with its bar's open time, so its date is at least its bar's trading date and bar X
 *       (whose close may be the entry price) can never count as a following bar: a stamp of
 *       00:00 UTC of X falls on X-1 in New York but on X in UTC and by the calendar; a futures
 *       stamp of 18:00 New York on X-1 falls on X by the calendar. For US regular-session
 *       intraday bars all three dates agree.</li>
 *   <li>The following bars are the daily bars whose trading date is strictly after the
 *       prediction's trading date, in date order, one per date; the first {@code horizonDays}
 *       of them are the horizon.</li>
 * </ol>
 * The rule can only err towards waiting a day longer (a timestamp whose dates differ is placed
 * on the latest one), never towards using a bar the prediction could have seen.
 */
public final class TradingDates {

    private static final long DAY_MS = 86_400_000L;

    private TradingDates() {
    }

    /**
     * Trading date of a prediction of {@code ticker} made at {@code time}: the latest of its UTC
     * date, its exchange-zone date and its trade date on the ticker's session calendar.
     */
    public static LocalDate predictionDate(String ticker, long time, ZoneId exchangeZone) {
        Instant instant = Instant.ofEpochMilli(time);
        LocalDate utc = LocalDate.ofInstant(instant, ZoneOffset.UTC);
        LocalDate local = LocalDate.ofInstant(instant, exchangeZone);
        LocalDate traded = LocalDate.ofEpochDay(SessionCalendar.forTicker(ticker).tradeDate(time));
        LocalDate later = utc.isAfter(local) ? utc : local;
        return traded.isAfter(later) ? traded : later;
    }

    /**
     * Trading date of a daily bar: its ticker's session calendar's trade date of its open time.
     * Fails for a non-daily candle.
     */
    public static LocalDate candleDate(Candle candle) {
        if (candle.interval() != Timeframe.D1) {
            throw new IllegalArgumentException("outcomes use daily candles, got a " + candle.interval().code()
                    + " candle of " + candle.ticker() + " at " + Instant.ofEpochMilli(candle.openTime()));
        }
        return LocalDate.ofEpochDay(SessionCalendar.forTicker(candle.ticker()).tradeDate(candle.openTime()));
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
     * the day after predictionDate + calendarDays(horizon + grace). Stream time reaches it with
     * the first candle stamped at or after it: a normalised daily candle of a later date (stamped
     * 00:00 UTC), any intraday bar of it, or a candle of any ticker of the task. A futures daily
     * candle stamped the evening before its date does not reach it; the next one does.
     */
    public static long expiryTime(LocalDate predictionDate, int horizonDays, int graceTradingDays) {
        LocalDate last = predictionDate.plusDays(calendarDays(horizonDays + graceTradingDays));
        return last.plusDays(1).toEpochDay() * DAY_MS;
    }
}
