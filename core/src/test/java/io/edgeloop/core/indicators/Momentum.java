package io.edgeloop.core.indicators;

import java.nio.ByteBuffer;

/**
 * Linear-regression momentum and its dispersion, the squeeze momentum of the original model.
 *
 * <pre>{@code
 *   mom    = ta.linreg(close - ta.sma(close, n), n, 0)
 *   momStd = ta.stdev(mom, n)                     (population)
 * }</pre>
 *
 * <p>The model uses n = 20. The SMA is passed in (the bundle shares the squeeze's basis), so
 * {@link #update(double, double)} takes the close and {@code ta.sma(close, n)}. First values:
 * mom at bar index 2n - 2 (38), momStd at 3n - 3 (57). See {@link LinReg}, {@link RollingStats}.
 */
public final class Momentum implements IndicatorState {

    private final LinReg linReg;
    private final RollingStats dispersion;

    public Momentum(int length) {
        this.linReg = new LinReg(length);
        this.dispersion = new RollingStats(length);
    }

    /**
     * Adds one bar.
     *
     * @param close the bar's close
     * @param sma   {@code ta.sma(close, n)} at this bar, NaN during its warm-up
     * @return the momentum, NaN during warm-up
     */
    public double update(double close, double sma) {
        double mom = linReg.update(close - sma);
        dispersion.update(mom);
        return mom;
    }

    /** {@code ta.linreg(close - sma, n, 0)}, NaN during warm-up. */
    public double value() {
        return linReg.value();
    }

    /** {@code ta.stdev(mom, n)}, NaN during warm-up. */
    public double stdev() {
        return dispersion.stdev();
    }

    public boolean isWarm() {
        return dispersion.isWarm();
    }

    public void copyFrom(Momentum other) {
        linReg.copyFrom(other.linReg);
        dispersion.copyFrom(other.dispersion);
    }

    /** Makes this equal to {@code other} without the shape checks; see {@link ComposedBundle#peek}. */
    void restore(Momentum other) {
        linReg.restore(other.linReg);
        dispersion.restore(other.dispersion);
    }

    @Override
    public int size() {
        return linReg.size() + dispersion.size();
    }

    @Override
    public void write(ByteBuffer buffer) {
        linReg.write(buffer);
        dispersion.write(buffer);
    }

    @Override
    public void read(ByteBuffer buffer) {
        linReg.read(buffer);
        dispersion.read(buffer);
    }
}
