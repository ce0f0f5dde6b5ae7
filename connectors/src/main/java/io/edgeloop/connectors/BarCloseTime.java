package io.edgeloop.connectors;

import io.edgeloop.core.candle.Candle;
import io.edgeloop.core.candle.SessionCalendar;
import io.edgeloop.core.candle.Timeframe;

/**
 * When a normalised bar closed, which is when a live feed would have delivered it: the event
 * time the candle source orders and paces by, so that a bar of a longer interval never comes
 * before the shorter bars it covers (no look-ahead for a consumer that reads both).
 *
 * <ul>
 *   <li>intraday: open + length, cut at the session close when the bar opened in the regular
 *       session (the 15:30 hourly bar of a US equity closes at 16:00);</li>
 *   <li>D: the session close of the bar's date (US equities 16:00 New York, crypto 24:00 UTC);</li>
 *   <li>W: the session close of the week's last session day (Friday; crypto Sunday);</li>
 *   <li>M: the session close of the month's last session day.</li>
 * </ul>
 * D, W and M bars carry their period label (the date at 00:00 UTC) as open time, see
 * {@code CandleNormaliser}.
 */
final class BarCloseTime {

    private static final long DAY_MS = 86_400_000L;

    private BarCloseTime() {
    }

    /** The close time of a normalised bar, epoch ms UTC. */
    static long of(Candle bar, SessionCalendar calendar) {
        Timeframe tf = bar.interval();
        long open = bar.openTime();
        if (tf.intraday()) {
            long end = open + tf.lengthMillis();
            return calendar.inSession(open) ? Math.min(end, calendar.sessionClose(calendar.sessionDay(open))) : end;
        }
        long day = Math.floorDiv(open, DAY_MS);
        return switch (tf) {
            case D1 -> calendar.sessionClose(day);
            case W1 -> calendar.sessionClose(calendar.lastSessionDayOfWeek(day));
            default -> calendar.sessionClose(calendar.lastSessionDayOfMonth(day));
        };
    }
}
