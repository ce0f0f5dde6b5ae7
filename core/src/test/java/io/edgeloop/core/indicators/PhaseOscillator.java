package io.edgeloop.core.indicators;

import java.nio.ByteBuffer;

/**
 * Phase oscillator of the original model (MODEL_REFERENCE "Phase, completion, rank"):
 *
 * <pre>{@code
 *   stretch = (close - EMA21) / (3 * ATR14) * 100
 *   momZ    = (mom / momStd) * 20
 *   vol     = (volume / SMA20(volume) - 1) * 30
 *   phase   = ta.ema(0.6 * stretch + 0.3 * momZ + 0.1 * vol, 3)
 * }</pre>
 *
 * <p>A term whose divisor is 0 (ATR14 = 0, momStd = 0, or a feed without volume where
 * SMA20(volume) = 0) contributes 0 instead of poisoning the average: a flat or volume-less
 * input says nothing about the phase. Bars where an input is still warming up (NaN) are
 * skipped, so the EMA3 seeds on the first three bars with every input (bar index 59 in the
 * bundle, after momStd at 57). Zones and phase_pct are the scoring layer's.
 */
public final class PhaseOscillator implements IndicatorState {

    private final ExponentialAverage ema = ExponentialAverage.ema(3);

    /**
     * Adds one bar and returns the phase, NaN during warm-up.
     *
     * @param close     the close
     * @param ema21     EMA21 of the close
     * @param atr14     ATR14
     * @param mom       linear-regression momentum ({@link Momentum#value()})
     * @param momStd    its stdev ({@link Momentum#stdev()})
     * @param volume    the bar's volume
     * @param volumeAvg SMA20 of the volume ({@link RatioToAverage#average()})
     */
    public double update(double close, double ema21, double atr14, double mom, double momStd,
                         double volume, double volumeAvg) {
        if (Double.isNaN(ema21) || Double.isNaN(atr14) || Double.isNaN(mom) || Double.isNaN(momStd)
                || Double.isNaN(volumeAvg)) {
            return ema.value();
        }
        double stretch = atr14 == 0 ? 0 : (close - ema21) / (3 * atr14) * 100;
        double momZ = momStd == 0 ? 0 : (mom / momStd) * 20;
        double vol = volumeAvg == 0 ? 0 : (volume / volumeAvg - 1) * 30;
        return ema.update(0.6 * stretch + 0.3 * momZ + 0.1 * vol);
    }

    /** The phase, NaN during warm-up. */
    public double value() {
        return ema.value();
    }

    public boolean isWarm() {
        return ema.isWarm();
    }

    public void copyFrom(PhaseOscillator other) {
        ema.copyFrom(other.ema);
    }

    /** Makes this equal to {@code other} without the shape checks; see {@link ComposedBundle#peek}. */
    void restore(PhaseOscillator other) {
        ema.restore(other.ema);
    }

    @Override
    public int size() {
        return ema.size();
    }

    @Override
    public void write(ByteBuffer buffer) {
        ema.write(buffer);
    }

    @Override
    public void read(ByteBuffer buffer) {
        ema.read(buffer);
    }
}
