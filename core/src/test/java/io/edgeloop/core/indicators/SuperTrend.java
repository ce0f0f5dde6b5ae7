package io.edgeloop.core.indicators;

import java.nio.ByteBuffer;

/**
 * SuperTrend: Pine v5 {@code ta.supertrend(factor, atrPeriod)}, band ratchet included.
 *
 * <p>Source: the Pine v5 reference's own script for {@code ta.supertrend}, followed step by step
 * (including its {@code nz()} of the previous bands and its na comparisons, which are false):
 * <pre>{@code
 *   atr = ta.atr(atrPeriod);  src = hl2
 *   upper = src + factor * atr;  lower = src - factor * atr
 *   prevLower = nz(lower[1]);  prevUpper = nz(upper[1])
 *   lower := lower > prevLower or close[1] < prevLower ? lower : prevLower
 *   upper := upper < prevUpper or close[1] > prevUpper ? upper : prevUpper
 *   if na(atr[1])                      dir := 1
 *   else if superTrend[1] == prevUpper dir := close > upper ? -1 : 1
 *   else                               dir := close < lower ? 1 : -1
 *   superTrend := dir == -1 ? lower : upper
 * }</pre>
 *
 * <p>Direction convention: Pine returns -1 for an up trend (line below price, the lower band)
 * and +1 for a down trend. edgeloop exposes {@link #direction()} = -pineDirection, so
 * <b>+1 is bull and -1 is bear</b>; {@link #pineDirection()} gives Pine's value for checking
 * against a chart. The first bar with an ATR is always bear (Pine's {@code na(atr[1])} rule).
 * Outputs are NaN until ATR(atrPeriod) has its first value (bar index atrPeriod - 1).
 */
public final class SuperTrend implements IndicatorState {

    private final double factor;
    private final Atr atr;

    // Pine's series as the reference script holds them, warm-up bars included.
    private double prevClose = Double.NaN;
    private double lowerBand = Double.NaN;
    private double upperBand = Double.NaN;
    private double pineLine = Double.NaN;
    private double atrValue = Double.NaN;
    // edgeloop outputs: NaN during warm-up.
    private double direction = Double.NaN;
    private double prevDirection = Double.NaN;

    /**
     * @param factor    ATR multiplier (3 in the model)
     * @param atrPeriod ATR length (10 in the model)
     */
    public SuperTrend(double factor, int atrPeriod) {
        this.factor = States.requireFactor(factor, "SuperTrend factor");
        this.atr = new Atr(States.requirePositive(atrPeriod, "SuperTrend ATR"));
    }

    /** Adds one bar and returns the edgeloop direction (+1 bull, -1 bear), NaN during warm-up. */
    public double update(double high, double low, double close) {
        double prevAtr = atrValue;
        double a = atr.update(high, low, close);
        double src = (high + low) / 2;
        double upper = src + factor * a;
        double lower = src - factor * a;
        double prevLower = nz(lowerBand);
        double prevUpper = nz(upperBand);
        lower = lower > prevLower || prevClose < prevLower ? lower : prevLower;
        upper = upper < prevUpper || prevClose > prevUpper ? upper : prevUpper;
        int pineDir;
        if (Double.isNaN(prevAtr)) {
            pineDir = 1;
        } else if (pineLine == prevUpper) {
            pineDir = close > upper ? -1 : 1;
        } else {
            pineDir = close < lower ? 1 : -1;
        }
        pineLine = pineDir == -1 ? lower : upper;
        lowerBand = lower;
        upperBand = upper;
        atrValue = a;
        prevClose = close;
        prevDirection = direction;
        direction = Double.isNaN(a) ? Double.NaN : -pineDir;
        return direction;
    }

    private static double nz(double v) {
        return Double.isNaN(v) ? 0 : v;
    }

    /** +1 bull (Pine -1), -1 bear (Pine +1); NaN during warm-up. */
    public double direction() {
        return direction;
    }

    /** Pine's own direction value: -1 up trend, +1 down trend; NaN during warm-up. */
    public double pineDirection() {
        return -direction;
    }

    /** The SuperTrend line (lower band in a bull trend, upper band in a bear trend), or NaN. */
    public double line() {
        return isWarm() ? pineLine : Double.NaN;
    }

    /**
     * Direction change at this bar: the new direction (+1 or -1), 0 when unchanged, NaN until two
     * directions exist. Note that a flip to bull on the second bar is common, because Pine starts
     * every SuperTrend bear.
     */
    public double flip() {
        if (Double.isNaN(direction) || Double.isNaN(prevDirection)) {
            return Double.NaN;
        }
        return direction == prevDirection ? 0 : direction;
    }

    /** The ratcheted upper band, or NaN during warm-up. */
    public double upperBand() {
        return isWarm() ? upperBand : Double.NaN;
    }

    /** The ratcheted lower band, or NaN during warm-up. */
    public double lowerBand() {
        return isWarm() ? lowerBand : Double.NaN;
    }

    /** The ATR used by the bands, NaN during warm-up. */
    public double atr() {
        return atrValue;
    }

    public boolean isWarm() {
        return !Double.isNaN(direction);
    }

    public void copyFrom(SuperTrend other) {
        if (factor != other.factor) {
            throw new IllegalArgumentException("cannot copy a SuperTrend with factor " + other.factor
                    + " into one with factor " + factor);
        }
        atr.copyFrom(other.atr);
        prevClose = other.prevClose;
        lowerBand = other.lowerBand;
        upperBand = other.upperBand;
        pineLine = other.pineLine;
        atrValue = other.atrValue;
        direction = other.direction;
        prevDirection = other.prevDirection;
    }

    /** Makes this equal to {@code other} without the shape checks; see {@link ComposedBundle#peek}. */
    void restore(SuperTrend other) {
        atr.restore(other.atr);
        prevClose = other.prevClose;
        lowerBand = other.lowerBand;
        upperBand = other.upperBand;
        pineLine = other.pineLine;
        atrValue = other.atrValue;
        direction = other.direction;
        prevDirection = other.prevDirection;
    }

    @Override
    public int size() {
        return atr.size() + Double.BYTES * 7;
    }

    @Override
    public void write(ByteBuffer buffer) {
        atr.write(buffer);
        buffer.putDouble(prevClose);
        buffer.putDouble(lowerBand);
        buffer.putDouble(upperBand);
        buffer.putDouble(pineLine);
        buffer.putDouble(atrValue);
        buffer.putDouble(direction);
        buffer.putDouble(prevDirection);
    }

    @Override
    public void read(ByteBuffer buffer) {
        atr.read(buffer);
        prevClose = buffer.getDouble();
        lowerBand = buffer.getDouble();
        upperBand = buffer.getDouble();
        pineLine = buffer.getDouble();
        atrValue = buffer.getDouble();
        direction = buffer.getDouble();
        prevDirection = buffer.getDouble();
    }
}
