package io.edgeloop.core.indicators;

import java.nio.ByteBuffer;

/**
 * Crossing of two series: Pine v5 {@code ta.crossover(a, b)} and {@code ta.crossunder(a, b)}.
 *
 * <pre>{@code
 *   +1  crossover:  a > b and a[1] <= b[1]
 *   -1  crossunder: a < b and a[1] >= b[1]
 *    0  otherwise
 * }</pre>
 *
 * <p>NaN while either series is NaN now or at the previous bar (Pine compares na as false, so
 * it never reports a cross there either). The model uses a = EMA13, b = EMA48.
 */
public final class Cross implements IndicatorState {

    private double a = Double.NaN;
    private double b = Double.NaN;
    private double prevA = Double.NaN;
    private double prevB = Double.NaN;

    /** Adds the two series' values at one bar and returns {@link #value()}. */
    public double update(double a, double b) {
        prevA = this.a;
        prevB = this.b;
        this.a = a;
        this.b = b;
        return value();
    }

    /** +1 crossover, -1 crossunder, 0 none, NaN in warm-up. */
    public double value() {
        return of(a, b, prevA, prevB);
    }

    /** The cross of a over b between the previous values and these; see {@link #value()}. */
    static double of(double a, double b, double prevA, double prevB) {
        if (Double.isNaN(a) || Double.isNaN(b) || Double.isNaN(prevA) || Double.isNaN(prevB)) {
            return Double.NaN;
        }
        if (a > b && prevA <= prevB) {
            return 1;
        }
        if (a < b && prevA >= prevB) {
            return -1;
        }
        return 0;
    }

    public void copyFrom(Cross other) {
        a = other.a;
        b = other.b;
        prevA = other.prevA;
        prevB = other.prevB;
    }

    @Override
    public int size() {
        return Double.BYTES * 4;
    }

    @Override
    public void write(ByteBuffer buffer) {
        buffer.putDouble(a);
        buffer.putDouble(b);
        buffer.putDouble(prevA);
        buffer.putDouble(prevB);
    }

    @Override
    public void read(ByteBuffer buffer) {
        a = buffer.getDouble();
        b = buffer.getDouble();
        prevA = buffer.getDouble();
        prevB = buffer.getDouble();
    }
}
