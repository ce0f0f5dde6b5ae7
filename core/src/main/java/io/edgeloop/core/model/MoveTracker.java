package io.edgeloop.core.model;

import java.nio.ByteBuffer;

/**
 * The last trigger of each direction and the move travelled since (MODEL_REFERENCE "completion").
 *
 * <p>A trigger is a squeeze release or an EMA 13/48 cross on a <em>closed</em> bar of an LTF
 * frame (a forming bar's flag may still vanish); its direction is the release's momentum sign or
 * the cross direction. Each direction keeps its own last trigger, so the completion read in the
 * HTF direction always refers to a trigger in that direction:
 * <pre>{@code
 *   target     = 1.618 x daily ATR14 at the trigger   (2 x weekly ATR14 while no daily ATR exists)
 *   completion = clamp(dir x (close - trigger close) / target, 0, 1)
 * }</pre>
 * NaN before the first trigger of that direction or without any ATR. The tracker also remembers
 * the primary frame's bar count at its last cross per direction, for the rank's "recent cross".
 */
final class MoveTracker {

    static final long NONE = Long.MIN_VALUE;

    private final long[] time = {NONE, NONE};
    private final double[] price = {Double.NaN, Double.NaN};
    private final double[] target = {Double.NaN, Double.NaN};
    private final long[] crossBar = {NONE, NONE};

    private static int slot(int direction) {
        return direction > 0 ? 0 : 1;
    }

    void onTrigger(int direction, long at, double close, double targetDistance) {
        int s = slot(direction);
        time[s] = at;
        price[s] = close;
        target[s] = targetDistance;
    }

    void onPrimaryCross(int direction, long primaryBars) {
        crossBar[slot(direction)] = primaryBars;
    }

    long triggerTime(int direction) {
        return time[slot(direction)];
    }

    double triggerPrice(int direction) {
        return price[slot(direction)];
    }

    double target(int direction) {
        return target[slot(direction)];
    }

    /** Completion of the move in {@code direction} at {@code close}; NaN without trigger or target. */
    double completion(int direction, double close) {
        int s = slot(direction);
        if (time[s] == NONE || !(target[s] > 0)) {
            return Double.NaN;
        }
        return Signs.clamp(direction * (close - price[s]) / target[s], 0, 1);
    }

    /** True when the primary frame crossed in {@code direction} within its last {@code bars} bars. */
    boolean recentCross(int direction, long primaryBars, int bars) {
        long at = crossBar[slot(direction)];
        return at != NONE && primaryBars - at < bars;
    }

    void reset() {
        for (int s = 0; s < 2; s++) {
            time[s] = NONE;
            price[s] = Double.NaN;
            target[s] = Double.NaN;
            crossBar[s] = NONE;
        }
    }

    int size() {
        return 2 * (Long.BYTES * 2 + Double.BYTES * 2);
    }

    void write(ByteBuffer buffer) {
        for (int s = 0; s < 2; s++) {
            buffer.putLong(time[s]);
            buffer.putDouble(price[s]);
            buffer.putDouble(target[s]);
            buffer.putLong(crossBar[s]);
        }
    }

    void read(ByteBuffer buffer) {
        for (int s = 0; s < 2; s++) {
            time[s] = buffer.getLong();
            price[s] = buffer.getDouble();
            target[s] = buffer.getDouble();
            crossBar[s] = buffer.getLong();
        }
    }
}
