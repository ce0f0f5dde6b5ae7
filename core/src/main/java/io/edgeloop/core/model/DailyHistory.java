package io.edgeloop.core.model;

import java.nio.ByteBuffer;

/**
 * The few daily facts the model keeps beyond the bundles: completed sessions' closes and
 * volumes (momentum elite) and each session's last HTF and LTF score (htf_change, ltf_change).
 *
 * <pre>{@code
 *   htf_change = HTF now - HTF at the close of the session changeDays (5) sessions before today
 *   elite = close >= 4
 *       and mean(volume of the last 30 completed sessions) >= 2M
 *       and close / close(21 sessions before the current one) - 1 >= 0.25
 *       and 0 < (session high - session low) / close <= 0.20
 * }</pre>
 * A session's "completed" facts include the session that closes with the current base bar, so
 * a daily feed and an intraday feed agree at the session's last bar. Until enough sessions are
 * recorded the change is NaN and elite false (never a guess).
 */
final class DailyHistory {

    private static final long NO_DAY = Long.MIN_VALUE;

    private final ModelConfig.Elite elite;
    private final int changeDays;
    private final DoubleRing closes;
    private final DoubleRing volumes;
    private final DoubleRing htfDays;
    private final DoubleRing ltfDays;
    private long currentDay = NO_DAY;
    private double lastHtf = Double.NaN;
    private double lastLtf = Double.NaN;
    private double averageVolume = Double.NaN;

    DailyHistory(ModelConfig config) {
        this.elite = config.elite();
        this.changeDays = config.move().changeDays();
        closes = new DoubleRing(elite.monthSessions() + 1);
        volumes = new DoubleRing(elite.volumeDays());
        htfDays = new DoubleRing(changeDays);
        ltfDays = new DoubleRing(changeDays);
    }

    /** Records a completed session (its close and total volume). */
    void onSessionClose(double close, double volume) {
        closes.push(close);
        volumes.push(volume);
        averageVolume = volumes.mean(elite.volumeDays());
    }

    /** Starts a base bar of a session; a new session files the previous one's last scores. */
    void beginBar(long sessionDay) {
        if (sessionDay != currentDay) {
            if (currentDay != NO_DAY) {
                htfDays.push(lastHtf);
                ltfDays.push(lastLtf);
            }
            currentDay = sessionDay;
        }
    }

    /** Ends a base bar: its scores are the session's last so far. */
    void endBar(double htf, double ltf) {
        lastHtf = htf;
        lastLtf = ltf;
    }

    double htfChange(double htf) {
        return htf - htfDays.get(changeDays - 1);
    }

    double ltfChange(double ltf) {
        return ltf - ltfDays.get(changeDays - 1);
    }

    /**
     * The momentum-elite screen at this bar.
     *
     * @param sessionClosedNow true when the current session closed with this bar (its close is
     *                         then the newest recorded one)
     */
    boolean elite(double close, double dayHigh, double dayLow, boolean sessionClosedNow) {
        double reference = closes.get(sessionClosedNow ? elite.monthSessions() : elite.monthSessions() - 1);
        double range = (dayHigh - dayLow) / close;
        return close >= elite.minPrice()
                && averageVolume >= elite.minAverageVolume()
                && close / reference - 1 >= elite.minMonthChange()
                && range > 0 && range <= elite.maxDailyRange();
    }

    void reset() {
        closes.reset();
        volumes.reset();
        htfDays.reset();
        ltfDays.reset();
        currentDay = NO_DAY;
        lastHtf = Double.NaN;
        lastLtf = Double.NaN;
        averageVolume = Double.NaN;
    }

    int size() {
        return closes.size() + volumes.size() + htfDays.size() + ltfDays.size() + Long.BYTES + Double.BYTES * 3;
    }

    void write(ByteBuffer buffer) {
        closes.write(buffer);
        volumes.write(buffer);
        htfDays.write(buffer);
        ltfDays.write(buffer);
        buffer.putLong(currentDay);
        buffer.putDouble(lastHtf);
        buffer.putDouble(lastLtf);
        buffer.putDouble(averageVolume);
    }

    void read(ByteBuffer buffer) {
        closes.read(buffer);
        volumes.read(buffer);
        htfDays.read(buffer);
        ltfDays.read(buffer);
        currentDay = buffer.getLong();
        lastHtf = buffer.getDouble();
        lastLtf = buffer.getDouble();
        averageVolume = buffer.getDouble();
    }
}
