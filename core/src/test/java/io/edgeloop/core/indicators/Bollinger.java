package io.edgeloop.core.indicators;

import java.nio.ByteBuffer;

/**
 * Bollinger Bands: Pine v5 {@code ta.bb(source, length, mult)}.
 *
 * <pre>{@code
 *   basis = ta.sma(source, length)
 *   dev   = mult * ta.stdev(source, length)      (population stdev, Pine's default)
 *   upper = basis + dev;  lower = basis - dev
 * }</pre>
 *
 * <p>All NaN until {@code length} values were seen. See {@link RollingStats}.
 */
public final class Bollinger implements IndicatorState {

    private final double mult;
    private final RollingStats stats;

    public Bollinger(int length, double mult) {
        this.stats = new RollingStats(States.requirePositive(length, "Bollinger"));
        this.mult = States.requireFactor(mult, "Bollinger multiplier");
    }

    /** Adds one value (NaN is skipped) and returns the basis. */
    public double update(double x) {
        return stats.update(x);
    }

    /** SMA basis, NaN during warm-up. */
    public double basis() {
        return stats.mean();
    }

    /** Population standard deviation of the window, NaN during warm-up. */
    public double stdev() {
        return stats.stdev();
    }

    /** basis + mult * stdev, NaN during warm-up. */
    public double upper() {
        return stats.mean() + mult * stats.stdev();
    }

    /** basis - mult * stdev, NaN during warm-up. */
    public double lower() {
        return stats.mean() - mult * stats.stdev();
    }

    public boolean isWarm() {
        return stats.isWarm();
    }

    public int length() {
        return stats.length();
    }

    public void copyFrom(Bollinger other) {
        if (mult != other.mult) {
            throw new IllegalArgumentException("cannot copy Bollinger Bands with multiplier " + other.mult
                    + " into ones with " + mult);
        }
        stats.copyFrom(other.stats);
    }

    /** Makes this equal to {@code other} without the shape checks; see {@link ComposedBundle#peek}. */
    void restore(Bollinger other) {
        stats.restore(other.stats);
    }

    @Override
    public int size() {
        return stats.size();
    }

    @Override
    public void write(ByteBuffer buffer) {
        stats.write(buffer);
    }

    @Override
    public void read(ByteBuffer buffer) {
        stats.read(buffer);
    }
}
