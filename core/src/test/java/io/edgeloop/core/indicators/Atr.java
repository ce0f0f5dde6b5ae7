package io.edgeloop.core.indicators;

import java.nio.ByteBuffer;

/**
 * Average true range: Pine v5 {@code ta.atr(length) = ta.rma(ta.tr(true), length)}.
 *
 * <p>The first value appears on the {@code length}-th bar and is the SMA of the first
 * {@code length} true ranges (the first of which is high - low); afterwards Wilder smoothing
 * with alpha = 1 / length. See {@link TrueRange} and {@link ExponentialAverage#rma(int)}.
 */
public final class Atr implements IndicatorState {

    private final TrueRange trueRange = new TrueRange();
    private final ExponentialAverage rma;

    public Atr(int length) {
        this.rma = ExponentialAverage.rma(States.requirePositive(length, "ATR"));
    }

    /** Adds one bar and returns the ATR, NaN until {@code length} bars were seen. */
    public double update(double high, double low, double close) {
        return rma.update(trueRange.update(high, low, close));
    }

    /** The current ATR, NaN during warm-up. */
    public double value() {
        return rma.value();
    }

    /** True range of the last bar. */
    public double trueRange() {
        return trueRange.value();
    }

    public boolean isWarm() {
        return rma.isWarm();
    }

    public int length() {
        return rma.length();
    }

    public void copyFrom(Atr other) {
        trueRange.copyFrom(other.trueRange);
        rma.copyFrom(other.rma);
    }

    /** Makes this equal to {@code other} without the shape checks; see {@link ComposedBundle#peek}. */
    void restore(Atr other) {
        trueRange.copyFrom(other.trueRange);
        rma.restore(other.rma);
    }

    @Override
    public int size() {
        return trueRange.size() + rma.size();
    }

    @Override
    public void write(ByteBuffer buffer) {
        trueRange.write(buffer);
        rma.write(buffer);
    }

    @Override
    public void read(ByteBuffer buffer) {
        trueRange.read(buffer);
        rma.read(buffer);
    }
}
