package io.edgeloop.core.candle;

/**
 * When a bar closed: the moment a live feed could first have delivered it, and so the event time
 * of a candle. The candle source connector orders and paces by it, streams-app takes it as a
 * candle's timestamp, and the retrospective applies a bar only once its data time has passed it:
 * <ul>
 *   <li>intraday: open + length, cut at the session close when the bar opened in the regular
 *       session (the 15:30 hourly bar of a US equity closes at 16:00 New York);</li>
 *   <li>D: the session close of the bar's date (US equities 16:00 New York, crypto 24:00 UTC);</li>
 *   <li>W: the session close of the week's last session day (Friday; crypto Sunday); M: of the
 *       month's last session day.</li>
 * </ul>
 * D, W and M bars carry their period label (the date at 00:00 UTC) as open time, see
 * {@link CandleNormaliser}. So a bar of a longer interval never comes before the shorter bars it
 * covers: no look-ahead for a consumer that reads both.
 */
public final class BarClose {

    private static final long DAY_MS = 86_400_000L;

    private BarClose() {
    }

    /** The close time of a normalised bar, epoch ms UTC. */
    public static long of(Candle bar, SessionCalendar calendar) {
        return of(bar.openTime(), bar.interval(), calendar);
    }

    /** The close time of a bar of {@code interval} opened at {@code openTime}, epoch ms UTC. */
    public static long of(long openTime, Timeframe interval, SessionCalendar calendar) {
        if (interval.intraday()) {
            long end = openTime + interval.lengthMillis();
            return calendar.inSession(openTime)
                    ? Math.min(end, calendar.sessionClose(calendar.sessionDay(openTime))) : end;
        }
        long day = Math.floorDiv(openTime, DAY_MS);
        return switch (interval) {
            case D1 -> calendar.sessionClose(day);
            case W1 -> calendar.sessionClose(calendar.lastSessionDayOfWeek(day));
            default -> calendar.sessionClose(calendar.lastSessionDayOfMonth(day));
        };
    }
}
