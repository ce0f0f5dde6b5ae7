package io.edgeloop.core.indicators;

import java.nio.ByteBuffer;

/**
 * Mean and population standard deviation over the last {@code length} values: Pine v5
 * {@code ta.sma(source, length)} and {@code ta.stdev(source, length)} (biased = true, the
 * default, which divides by length).
 *
 * <pre>{@code
 *   sma   = sum(x[0..length-1]) / length
 *   stdev = sqrt(sum((x[i] - sma)^2) / length)
 * }</pre>
 *
 * <p>Both are NaN until {@code length} values were seen; NaN inputs are skipped, as Pine's
 * built-ins ignore na values and work on the last {@code length} non-na values.
 *
 * <p>Incremental and O(1) per value: a ring buffer of the window plus running sums of
 * {@code x - K} and {@code (x - K)^2} around a shift {@code K} (the "shifted data" variance
 * algorithm). Every {@code length} updates the sums are recomputed from the ring and K is reset
 * to the window mean, so rounding error never accumulates beyond one window and no cancellation
 * between large squares occurs; the cost is O(length) once per length updates, O(1) amortized.
 * Results agree with a two-pass computation to about 1e-12 relative (see the tests).
 */
public final class RollingStats implements IndicatorState {

    private final int length;
    private final double[] window;

    private int head;
    private int count;
    private int sinceResync;
    private double shift;
    private double sum;
    private double sumSq;
    /** mean() of the current window, kept up to date by every change (it is read several times per bar). */
    private double mean = Double.NaN;
    /** sum / length: the window mean relative to the shift, shared by mean() and stdev(). */
    private double meanOffset = Double.NaN;
    /** stdev() of the current window once computed (it is read several times per bar). */
    private double stdevCache = Double.NaN;
    private boolean stdevCached;

    public RollingStats(int length) {
        this.length = States.requirePositive(length, "RollingStats");
        this.window = new double[length];
    }

    /** Adds one value (NaN is skipped) and returns the mean, NaN until the window is full. */
    public double update(double x) {
        if (Double.isNaN(x)) {
            return mean;
        }
        stdevCached = false;
        if (count < length) {
            if (count == 0) {
                shift = x;
            }
            window[count] = x;
            count++;
            double d = x - shift;
            sum += d;
            sumSq += d * d;
            mean = computeMean();
            return mean;
        }
        double out = window[head];
        window[head] = x;
        head = head + 1 == length ? 0 : head + 1;
        double din = x - shift;
        double dout = out - shift;
        sum += din - dout;
        sumSq += din * din - dout * dout;
        if (++sinceResync == length) {
            resync();
        }
        mean = computeMean();
        return mean;
    }

    private void resync() {
        double total = 0;
        for (int i = 0; i < length; i++) {
            total += window[i];
        }
        shift = total / length;
        double s = 0;
        double s2 = 0;
        for (int i = 0; i < length; i++) {
            double d = window[i] - shift;
            s += d;
            s2 += d * d;
        }
        sum = s;
        sumSq = s2;
        sinceResync = 0;
    }

    /** {@code ta.sma}: the window mean, NaN until {@code length} values were seen. */
    public double mean() {
        return mean;
    }

    private double computeMean() {
        if (count < length) {
            return Double.NaN;
        }
        meanOffset = sum / length;
        return shift + meanOffset;
    }

    /**
     * {@code ta.stdev(biased = true)}: population standard deviation, NaN during warm-up.
     * Computed once per window state and cached until the next value.
     */
    public double stdev() {
        if (!stdevCached) {
            stdevCache = computeStdev();
            stdevCached = true;
        }
        return stdevCache;
    }

    private double computeStdev() {
        if (count < length) {
            return Double.NaN;
        }
        double m = meanOffset;
        double variance = sumSq / length - m * m;
        return variance > 0 ? Math.sqrt(variance) : 0;
    }

    public boolean isWarm() {
        return count == length;
    }

    public int length() {
        return length;
    }

    /** Makes this instance's state equal to {@code other}'s; both must have the same length. */
    public void copyFrom(RollingStats other) {
        States.requireSameLength(length, other.length, "RollingStats");
        System.arraycopy(other.window, 0, window, 0, length);
        head = other.head;
        count = other.count;
        sinceResync = other.sinceResync;
        shift = other.shift;
        sum = other.sum;
        sumSq = other.sumSq;
        mean = other.mean;
        meanOffset = other.meanOffset;
        stdevCache = other.stdevCache;
        stdevCached = other.stdevCached;
    }

    /**
     * Undoes at most one update since this instance equalled {@code other}: copies the scalars
     * and the one ring slot an update writes, not the whole window. Unchecked; for
     * {@link ComposedBundle#peek} only, where both instances have the same shape.
     */
    void restore(RollingStats other) {
        int slot = other.count < length ? other.count : other.head;
        window[slot] = other.window[slot];
        head = other.head;
        count = other.count;
        sinceResync = other.sinceResync;
        shift = other.shift;
        sum = other.sum;
        sumSq = other.sumSq;
        mean = other.mean;
        meanOffset = other.meanOffset;
        stdevCache = other.stdevCache;
        stdevCached = other.stdevCached;
    }

    @Override
    public int size() {
        return Integer.BYTES * 4 + Double.BYTES * (3 + length);
    }

    @Override
    public void write(ByteBuffer buffer) {
        buffer.putInt(length);
        buffer.putInt(head);
        buffer.putInt(count);
        buffer.putInt(sinceResync);
        buffer.putDouble(shift);
        buffer.putDouble(sum);
        buffer.putDouble(sumSq);
        for (double v : window) {
            buffer.putDouble(v);
        }
    }

    @Override
    public void read(ByteBuffer buffer) {
        States.readHeader(buffer, length, "RollingStats");
        head = buffer.getInt();
        count = buffer.getInt();
        sinceResync = buffer.getInt();
        shift = buffer.getDouble();
        sum = buffer.getDouble();
        sumSq = buffer.getDouble();
        for (int i = 0; i < length; i++) {
            window[i] = buffer.getDouble();
        }
        mean = computeMean();
        stdevCached = false;
    }
}
