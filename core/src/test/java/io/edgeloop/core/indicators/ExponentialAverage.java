package io.edgeloop.core.indicators;

import java.nio.ByteBuffer;

/**
 * Exponentially weighted moving average with an SMA seed: Pine v5 {@code ta.ema} and
 * {@code ta.rma}.
 *
 * <pre>{@code
 *   value[t] = na                                    while fewer than length values were seen
 *   value[t] = sma(first length values)              at the length-th value
 *   value[t] = alpha * x[t] + (1 - alpha) * value[t-1] afterwards
 *   ta.ema: alpha = 2 / (length + 1)      ta.rma (Wilder): alpha = 1 / length
 * }</pre>
 *
 * <p>Source: the Pine v5 reference for {@code ta.rma} gives exactly this recursion with the
 * {@code ta.sma} seed. The reference's sample code for {@code ta.ema} seeds with the first
 * value instead, but the built-in (what a TradingView chart plots) returns na for the first
 * length - 1 bars and starts from the SMA, which is what edgeloop's design specifies.
 * NaN inputs are skipped (the value is held), as Pine ignores na values in the source.
 * O(1) per update, no allocation.
 */
public final class ExponentialAverage implements IndicatorState {

    private final int length;
    private final double alpha;
    private final double beta;

    private double value = Double.NaN;
    private double seedSum;
    private int seedCount;

    private ExponentialAverage(int length, double alpha) {
        this.length = length;
        this.alpha = alpha;
        this.beta = 1 - alpha;
    }

    /** Pine {@code ta.ema(source, length)}: alpha = 2 / (length + 1), SMA seed. */
    public static ExponentialAverage ema(int length) {
        States.requirePositive(length, "EMA");
        return new ExponentialAverage(length, 2.0 / (length + 1));
    }

    /** Pine {@code ta.rma(source, length)} (Wilder smoothing): alpha = 1 / length, SMA seed. */
    public static ExponentialAverage rma(int length) {
        States.requirePositive(length, "RMA");
        return new ExponentialAverage(length, 1.0 / length);
    }

    /** Adds one value and returns the average, NaN until {@code length} values were seen. */
    public double update(double x) {
        if (Double.isNaN(x)) {
            return value;
        }
        if (seedCount < length) {
            seedSum += x;
            seedCount++;
            if (seedCount == length) {
                value = seedSum / length;
            }
            return value;
        }
        value = alpha * x + beta * value;
        return value;
    }

    /** The current average, NaN during warm-up. */
    public double value() {
        return value;
    }

    public boolean isWarm() {
        return seedCount == length;
    }

    public int length() {
        return length;
    }

    /** Smoothing factor: 2 / (length + 1) for an EMA, 1 / length for an RMA. */
    public double alpha() {
        return alpha;
    }

    /** Makes this instance's state equal to {@code other}'s; both must have the same shape. */
    public void copyFrom(ExponentialAverage other) {
        States.requireSameLength(length, other.length, "ExponentialAverage");
        if (alpha != other.alpha) {
            throw new IllegalArgumentException("cannot copy an average with alpha " + other.alpha
                    + " into one with alpha " + alpha);
        }
        value = other.value;
        seedSum = other.seedSum;
        seedCount = other.seedCount;
    }

    /** Makes this equal to {@code other} without the shape checks; see {@link ComposedBundle#peek}. */
    void restore(ExponentialAverage other) {
        value = other.value;
        seedSum = other.seedSum;
        seedCount = other.seedCount;
    }

    @Override
    public int size() {
        return Integer.BYTES * 2 + Double.BYTES * 2;
    }

    @Override
    public void write(ByteBuffer buffer) {
        buffer.putInt(length);
        buffer.putDouble(value);
        buffer.putDouble(seedSum);
        buffer.putInt(seedCount);
    }

    @Override
    public void read(ByteBuffer buffer) {
        States.readHeader(buffer, length, "ExponentialAverage");
        value = buffer.getDouble();
        seedSum = buffer.getDouble();
        seedCount = buffer.getInt();
    }
}
