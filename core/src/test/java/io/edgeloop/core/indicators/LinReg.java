package io.edgeloop.core.indicators;

import java.nio.ByteBuffer;

/**
 * Linear regression value at the newest bar: Pine v5 {@code ta.linreg(source, length, 0)}.
 *
 * <pre>{@code
 *   fit y = intercept + slope * x by least squares over the last n values,
 *   x = 0 for the oldest, n - 1 for the newest;   linreg = intercept + slope * (n - 1 - offset)
 *   slope     = (n * Sxy - Sx * Sy) / (n * Sxx - Sx^2),   intercept = (Sy - slope * Sx) / n
 *   Sx = n(n-1)/2,  Sxx = (n-1)n(2n-1)/6  (constants);  Sy = sum y;  Sxy = sum x*y
 * }</pre>
 *
 * <p>Source: the Pine v5 reference for {@code ta.linreg} ("linreg = intercept + slope *
 * (length - 1 - offset)", least squares on the source). As the reference says, an na in the
 * window makes the result na: a NaN input empties the window, so a value reappears after n
 * finite inputs.
 *
 * <p>O(1) per value: Sy and Sxy are maintained as the window slides
 * ({@code Sxy' = Sxy - (Sy - yOut) + (n - 1) * yIn}, {@code Sy' = Sy - yOut + yIn}) and recomputed
 * exactly from the ring every n slides, so rounding error stays bounded by one window's worth.
 */
public final class LinReg implements IndicatorState {

    private final int length;
    private final double[] window;
    private final double sumX;
    private final double denominator;

    private int head;
    private int count;
    private int sinceResync;
    private double sumY;
    private double sumXY;
    /** {@link #value()} as of the last update, so that reading it costs nothing. */
    private double value = Double.NaN;

    public LinReg(int length) {
        this.length = States.requirePositive(length, "LinReg");
        if (length < 2) {
            throw new IllegalArgumentException("LinReg length must be >= 2 to fit a line, was " + length);
        }
        this.window = new double[length];
        double n = length;
        this.sumX = n * (n - 1) / 2;
        double sumXX = (n - 1) * n * (2 * n - 1) / 6;
        this.denominator = n * sumXX - sumX * sumX;
    }

    /** Adds one value and returns the regression value at it, NaN until n finite values in a row. */
    public double update(double y) {
        if (Double.isNaN(y)) {
            head = 0;
            count = 0;
            sinceResync = 0;
            sumY = 0;
            sumXY = 0;
            value = Double.NaN;
            return Double.NaN;
        }
        if (count < length) {
            window[count] = y;
            sumXY += count * y;
            sumY += y;
            count++;
            value = compute();
            return value;
        }
        double out = window[head];
        window[head] = y;
        head = head + 1 == length ? 0 : head + 1;
        sumXY = sumXY - (sumY - out) + (length - 1) * y;
        sumY = sumY - out + y;
        if (++sinceResync == length) {
            resync();
        }
        value = compute();
        return value;
    }

    private void resync() {
        double sy = 0;
        double sxy = 0;
        for (int x = 0; x < length; x++) {
            int i = head + x;
            double y = window[i < length ? i : i - length];
            sy += y;
            sxy += x * y;
        }
        sumY = sy;
        sumXY = sxy;
        sinceResync = 0;
    }

    /** {@code ta.linreg(source, n, 0)}, NaN during warm-up. */
    public double value() {
        return value;
    }

    private double compute() {
        if (count < length) {
            return Double.NaN;
        }
        double slope = (length * sumXY - sumX * sumY) / denominator;
        double intercept = (sumY - slope * sumX) / length;
        return intercept + slope * (length - 1);
    }

    public boolean isWarm() {
        return count == length;
    }

    public int length() {
        return length;
    }

    public void copyFrom(LinReg other) {
        States.requireSameLength(length, other.length, "LinReg");
        System.arraycopy(other.window, 0, window, 0, length);
        head = other.head;
        count = other.count;
        sinceResync = other.sinceResync;
        sumY = other.sumY;
        sumXY = other.sumXY;
        value = other.value;
    }

    /**
     * Undoes at most one update since this instance equalled {@code other}: copies the scalars
     * and the one ring slot an update writes, not the whole window. Unchecked; for
     * {@link ComposedBundle#peek} only, where both instances have the same shape.
     */
    void restore(LinReg other) {
        int slot = other.count < length ? other.count : other.head;
        window[slot] = other.window[slot];
        head = other.head;
        count = other.count;
        sinceResync = other.sinceResync;
        sumY = other.sumY;
        sumXY = other.sumXY;
        value = other.value;
    }

    @Override
    public int size() {
        return Integer.BYTES * 4 + Double.BYTES * (2 + length);
    }

    @Override
    public void write(ByteBuffer buffer) {
        buffer.putInt(length);
        buffer.putInt(head);
        buffer.putInt(count);
        buffer.putInt(sinceResync);
        buffer.putDouble(sumY);
        buffer.putDouble(sumXY);
        for (double v : window) {
            buffer.putDouble(v);
        }
    }

    @Override
    public void read(ByteBuffer buffer) {
        States.readHeader(buffer, length, "LinReg");
        head = buffer.getInt();
        count = buffer.getInt();
        sinceResync = buffer.getInt();
        sumY = buffer.getDouble();
        sumXY = buffer.getDouble();
        for (int i = 0; i < length; i++) {
            window[i] = buffer.getDouble();
        }
        value = compute();
    }
}
