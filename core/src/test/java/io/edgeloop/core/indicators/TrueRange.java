package io.edgeloop.core.indicators;

import java.nio.ByteBuffer;

/**
 * True range: Pine v5 {@code ta.tr(true)}, the form {@code ta.atr} uses.
 *
 * <pre>{@code
 *   tr = high - low                                                   on the first bar
 *   tr = max(high - low, |high - close[1]|, |low - close[1]|)        afterwards
 * }</pre>
 *
 * <p>Source: Pine v5 reference, {@code ta.tr(handle_na)}: with handle_na true a missing previous
 * close gives high - low.
 */
public final class TrueRange implements IndicatorState {

    private double prevClose = Double.NaN;
    private double value = Double.NaN;

    /** Adds one bar and returns its true range. */
    public double update(double high, double low, double close) {
        double range = high - low;
        if (Double.isNaN(prevClose)) {
            value = range;
        } else {
            value = Math.max(Math.max(range, Math.abs(high - prevClose)), Math.abs(low - prevClose));
        }
        prevClose = close;
        return value;
    }

    /** True range of the last bar, NaN before the first. */
    public double value() {
        return value;
    }

    public void copyFrom(TrueRange other) {
        prevClose = other.prevClose;
        value = other.value;
    }

    @Override
    public int size() {
        return Double.BYTES * 2;
    }

    @Override
    public void write(ByteBuffer buffer) {
        buffer.putDouble(prevClose);
        buffer.putDouble(value);
    }

    @Override
    public void read(ByteBuffer buffer) {
        prevClose = buffer.getDouble();
        value = buffer.getDouble();
    }
}
