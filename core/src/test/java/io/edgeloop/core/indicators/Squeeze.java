package io.edgeloop.core.indicators;

import java.nio.ByteBuffer;

/**
 * Bollinger-inside-Keltner squeeze with release, as edgeloop's design defines it.
 *
 * <pre>{@code
 *   Bollinger: basis = ta.sma(close, n), bb = basis +- bbMult * ta.stdev(close, n)   (population)
 *   Keltner:   kc = basis +- kcMult * ta.atr(n)                                    (SMA basis!)
 *   on      = bbLower > kcLower and bbUpper < kcUpper        (both bands strictly inside)
 *   release = on[1] and not on
 * }</pre>
 *
 * <p>The model uses n = 20, bbMult = 2, kcMult = 1.5. Note: Pine's {@code ta.kc} differs from
 * this Keltner channel on purpose: it uses an EMA basis and an EMA of the true range by
 * default; edgeloop follows its design (and the common "squeeze" scripts) with the same SMA
 * basis as the Bollinger Bands and 1.5 x ATR(20) (RMA of the true range) as the range. With a
 * shared basis, "on" is equivalent to bbMult * stdev being below kcMult * ATR, up to rounding.
 * {@link #on()} is NaN until both the stdev and the ATR exist (bar index n - 1),
 * {@link #release()} one bar later.
 */
public final class Squeeze implements IndicatorState {

    private final Bollinger bollinger;
    private final Atr atr;
    private final double kcMult;
    private double on = Double.NaN;
    private double prevOn = Double.NaN;

    public Squeeze(int length, double bbMult, double kcMult) {
        this.bollinger = new Bollinger(length, bbMult);
        this.atr = new Atr(length);
        this.kcMult = States.requireFactor(kcMult, "Keltner multiplier");
    }

    /** The model's squeeze: Bollinger(20, 2) inside Keltner(20, SMA basis, 1.5 x ATR(20)). */
    public static Squeeze standard() {
        return new Squeeze(20, 2.0, 1.5);
    }

    /** Adds one bar and returns {@link #on()}. */
    public double update(double high, double low, double close) {
        bollinger.update(close);
        atr.update(high, low, close);
        prevOn = on;
        if (bollinger.isWarm() && atr.isWarm()) {
            on = bollinger.lower() > kcLower() && bollinger.upper() < kcUpper() ? 1 : 0;
        } else {
            on = Double.NaN;
        }
        return on;
    }

    /** 1 when both Bollinger bands are inside the Keltner channel, 0 when not, NaN in warm-up. */
    public double on() {
        return on;
    }

    /** 1 when the squeeze was on at the previous bar and is off now, else 0; NaN in warm-up. */
    public double release() {
        if (Double.isNaN(on) || Double.isNaN(prevOn)) {
            return Double.NaN;
        }
        return prevOn == 1 && on == 0 ? 1 : 0;
    }

    /** Shared SMA basis of both channels ({@code ta.sma(close, n)}), NaN in warm-up. */
    public double basis() {
        return bollinger.basis();
    }

    public double bbUpper() {
        return bollinger.upper();
    }

    public double bbLower() {
        return bollinger.lower();
    }

    /** basis + kcMult * ATR(n). */
    public double kcUpper() {
        return bollinger.basis() + kcMult * atr.value();
    }

    /** basis - kcMult * ATR(n). */
    public double kcLower() {
        return bollinger.basis() - kcMult * atr.value();
    }

    /** ATR(n) of the Keltner channel. */
    public double atr() {
        return atr.value();
    }

    public void copyFrom(Squeeze other) {
        if (kcMult != other.kcMult) {
            throw new IllegalArgumentException("cannot copy a squeeze with Keltner multiplier "
                    + other.kcMult + " into one with " + kcMult);
        }
        bollinger.copyFrom(other.bollinger);
        atr.copyFrom(other.atr);
        on = other.on;
        prevOn = other.prevOn;
    }

    /** Makes this equal to {@code other} without the shape checks; see {@link ComposedBundle#peek}. */
    void restore(Squeeze other) {
        bollinger.restore(other.bollinger);
        atr.restore(other.atr);
        on = other.on;
        prevOn = other.prevOn;
    }

    @Override
    public int size() {
        return bollinger.size() + atr.size() + Double.BYTES * 2;
    }

    @Override
    public void write(ByteBuffer buffer) {
        bollinger.write(buffer);
        atr.write(buffer);
        buffer.putDouble(on);
        buffer.putDouble(prevOn);
    }

    @Override
    public void read(ByteBuffer buffer) {
        bollinger.read(buffer);
        atr.read(buffer);
        on = buffer.getDouble();
        prevOn = buffer.getDouble();
    }
}
