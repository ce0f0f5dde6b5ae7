package io.edgeloop.core.indicators;

import java.nio.ByteBuffer;

/**
 * Relative strength index: Pine v5 {@code ta.rsi(source, length)}.
 *
 * <pre>{@code
 *   up   = ta.rma(max(x - x[1], 0), length)
 *   down = ta.rma(max(x[1] - x, 0), length)
 *   rsi  = down == 0 ? 100 : up == 0 ? 0 : 100 - 100 / (1 + up / down)
 * }</pre>
 *
 * <p>Source: the Pine v5 reference for {@code ta.rsi} (RMA of upward and downward changes) and
 * the zero guards of TradingView's built-in RSI script. The first change exists on the second
 * bar, so the first value appears on bar {@code length + 1} (index {@code length}).
 */
public final class Rsi implements IndicatorState {

    private final ExponentialAverage up;
    private final ExponentialAverage down;
    private double prev = Double.NaN;
    /** {@link #value()} as of the last update, so that reading it costs nothing. */
    private double value = Double.NaN;

    public Rsi(int length) {
        States.requirePositive(length, "RSI");
        this.up = ExponentialAverage.rma(length);
        this.down = ExponentialAverage.rma(length);
    }

    /** Adds one value (a close) and returns the RSI, NaN during warm-up. NaN is skipped. */
    public double update(double x) {
        if (Double.isNaN(x)) {
            return value();
        }
        if (!Double.isNaN(prev)) {
            up.update(Math.max(x - prev, 0));
            down.update(Math.max(prev - x, 0));
        }
        prev = x;
        value = compute();
        return value;
    }

    /** The current RSI in [0, 100], NaN during warm-up. */
    public double value() {
        return value;
    }

    private double compute() {
        if (!down.isWarm()) {
            return Double.NaN;
        }
        double u = up.value();
        double d = down.value();
        if (d == 0) {
            return 100;
        }
        if (u == 0) {
            return 0;
        }
        return 100 - 100 / (1 + u / d);
    }

    public boolean isWarm() {
        return down.isWarm();
    }

    public void copyFrom(Rsi other) {
        up.copyFrom(other.up);
        down.copyFrom(other.down);
        prev = other.prev;
        value = other.value;
    }

    /** Makes this equal to {@code other} without the shape checks; see {@link ComposedBundle#peek}. */
    void restore(Rsi other) {
        up.restore(other.up);
        down.restore(other.down);
        prev = other.prev;
        value = other.value;
    }

    @Override
    public int size() {
        return up.size() + down.size() + Double.BYTES;
    }

    @Override
    public void write(ByteBuffer buffer) {
        up.write(buffer);
        down.write(buffer);
        buffer.putDouble(prev);
    }

    @Override
    public void read(ByteBuffer buffer) {
        up.read(buffer);
        down.read(buffer);
        prev = buffer.getDouble();
        value = compute();
    }
}
