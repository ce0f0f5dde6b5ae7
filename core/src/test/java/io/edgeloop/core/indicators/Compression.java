package io.edgeloop.core.indicators;

import java.nio.ByteBuffer;

/**
 * Volatility compression of the original model: "Bollinger(21) width inside +-2 ATR14 of
 * EMA21", made precise here as
 *
 * <pre>{@code
 *   bb = ta.bb(close, 21, 2)                      (SMA basis, population stdev)
 *   envelope = EMA21 +- 2 * ATR14                 (ta.ema(close, 21), ta.atr(14))
 *   compressed = bbLower > EMA21 - 2 * ATR14 and bbUpper < EMA21 + 2 * ATR14
 * }</pre>
 *
 * <p>That is, both Bollinger(21, 2) bands lie strictly inside an envelope of two ATR14 around
 * EMA21: the bands are narrow relative to the ATR and not displaced from the trend average.
 * The EMA and ATR are passed in (the bundle owns them). NaN until the Bollinger Bands, the EMA
 * and the ATR all exist (bar index 20 with the model's lengths).
 */
public final class Compression implements IndicatorState {

    private final Bollinger bollinger;
    private final double atrMult;
    private double ema = Double.NaN;
    private double atr = Double.NaN;
    /** The flag at the last update, kept so that reading it costs nothing. */
    private double value = Double.NaN;

    public Compression(int length, double bbMult, double atrMult) {
        this.bollinger = new Bollinger(length, bbMult);
        this.atrMult = States.requireFactor(atrMult, "Compression ATR multiplier");
    }

    /** The model's compression: Bollinger(21, 2) inside EMA21 +- 2 x ATR14. */
    public static Compression standard() {
        return new Compression(21, 2.0, 2.0);
    }

    /**
     * Adds one bar.
     *
     * @param close the close
     * @param ema   the trend average at this bar (EMA21), NaN during its warm-up
     * @param atr   the ATR at this bar (ATR14), NaN during its warm-up
     * @return {@link #value()}
     */
    public double update(double close, double ema, double atr) {
        bollinger.update(close);
        this.ema = ema;
        this.atr = atr;
        value = compute();
        return value;
    }

    /** 1 compressed, 0 not, NaN during warm-up. */
    public double value() {
        return value;
    }

    private double compute() {
        if (!bollinger.isWarm() || Double.isNaN(ema) || Double.isNaN(atr)) {
            return Double.NaN;
        }
        double half = atrMult * atr;
        return bollinger.lower() > ema - half && bollinger.upper() < ema + half ? 1 : 0;
    }

    public void copyFrom(Compression other) {
        if (atrMult != other.atrMult) {
            throw new IllegalArgumentException("cannot copy a compression with ATR multiplier "
                    + other.atrMult + " into one with " + atrMult);
        }
        bollinger.copyFrom(other.bollinger);
        ema = other.ema;
        atr = other.atr;
        value = other.value;
    }

    /** Makes this equal to {@code other} without the shape checks; see {@link ComposedBundle#peek}. */
    void restore(Compression other) {
        bollinger.restore(other.bollinger);
        ema = other.ema;
        atr = other.atr;
        value = other.value;
    }

    @Override
    public int size() {
        return bollinger.size() + Double.BYTES * 2;
    }

    @Override
    public void write(ByteBuffer buffer) {
        bollinger.write(buffer);
        buffer.putDouble(ema);
        buffer.putDouble(atr);
    }

    @Override
    public void read(ByteBuffer buffer) {
        bollinger.read(buffer);
        ema = buffer.getDouble();
        atr = buffer.getDouble();
        value = compute();
    }
}
