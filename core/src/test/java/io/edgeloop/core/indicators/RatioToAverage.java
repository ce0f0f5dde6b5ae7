package io.edgeloop.core.indicators;

import java.nio.ByteBuffer;

/**
 * A value relative to its own simple moving average: {@code x / ta.sma(x, n)}. The model's
 * volume ratio is {@code volume / SMA20(volume)} and its ATR ratio {@code ATR14 / SMA20(ATR14)}.
 *
 * <p>The current value is part of the average (Pine evaluates both on the same bar). NaN during
 * warm-up and when the average is 0 (a feed without volume, or a window of identical bars),
 * where the ratio is undefined. NaN inputs are skipped by the average and make the ratio NaN.
 */
public final class RatioToAverage implements IndicatorState {

    private final RollingStats stats;
    private double current = Double.NaN;
    /** {@link #value()} as of the last update, so that reading it costs nothing. */
    private double value = Double.NaN;

    public RatioToAverage(int length) {
        this.stats = new RollingStats(length);
    }

    /** Adds one value and returns the ratio. */
    public double update(double x) {
        current = x;
        stats.update(x);
        value = compute();
        return value;
    }

    /** x / SMA(x), NaN during warm-up or when the SMA is 0. */
    public double value() {
        return value;
    }

    private double compute() {
        double mean = stats.mean();
        return mean == 0 ? Double.NaN : current / mean;
    }

    /** {@code ta.sma(x, n)}, NaN during warm-up. */
    public double average() {
        return stats.mean();
    }

    /** The last value added. */
    public double current() {
        return current;
    }

    public boolean isWarm() {
        return stats.isWarm();
    }

    public void copyFrom(RatioToAverage other) {
        stats.copyFrom(other.stats);
        current = other.current;
        value = other.value;
    }

    /** Makes this equal to {@code other} without the shape checks; see {@link ComposedBundle#peek}. */
    void restore(RatioToAverage other) {
        stats.restore(other.stats);
        current = other.current;
        value = other.value;
    }

    @Override
    public int size() {
        return stats.size() + Double.BYTES;
    }

    @Override
    public void write(ByteBuffer buffer) {
        stats.write(buffer);
        buffer.putDouble(current);
    }

    @Override
    public void read(ByteBuffer buffer) {
        stats.read(buffer);
        current = buffer.getDouble();
        value = compute();
    }
}
