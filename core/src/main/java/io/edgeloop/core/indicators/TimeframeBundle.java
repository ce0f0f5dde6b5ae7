package io.edgeloop.core.indicators;

import io.edgeloop.core.candle.Candle;

import java.nio.ByteBuffer;

/**
 * Every indicator the model reads on one timeframe of one ticker (MODEL_REFERENCE "Per-timeframe
 * bundle"), updated once per closed bar in O(1) without allocation:
 *
 * <ul>
 *   <li>EMAs 3/5/8/13/21/34/48/89/200 ({@code ta.ema}, SMA seed) and the 1-bar EMA48 slope;</li>
 *   <li>SuperTrend(factor 3, ATR 10) direction (+1 bull, -1 bear), line, flip, line slope;</li>
 *   <li>squeeze: Bollinger(20, 2) inside Keltner(20, SMA basis, 1.5 x ATR20), on and release;</li>
 *   <li>momentum {@code ta.linreg(close - ta.sma(close, 20), 20, 0)} and its 20-bar stdev;</li>
 *   <li>volume ratio volume / SMA20(volume); RSI14; ATR14; ATR ratio ATR14 / SMA20(ATR14);</li>
 *   <li>compression (Bollinger(21, 2) inside EMA21 +- 2 ATR14); EMA13/48 cross; phase oscillator.</li>
 * </ul>
 *
 * <p>Every accessor returns NaN until its indicator has warmed up (first values, as bar
 * indices from 0: ST 9, ATR14 13, RSI14 14, squeeze on / volume ratio 19, squeeze release /
 * compression 20, ATR ratio 32, momentum 38, EMA cross 48, momentum stdev 57, phase 59,
 * EMA200 199). Flags are doubles: 1/0 for booleans, +1/-1/0 for directions, NaN when unknown,
 * the {@code Snapshot} convention.
 *
 * <p>{@link #peek} evaluates a forming bar, as if it closed now, into a scratch bundle without
 * touching this one, so a higher timeframe can be read intraday without look-ahead.
 *
 * <p>Not thread-safe; one instance per ticker and timeframe. The state serializes to
 * {@link #size()} bytes, starting with {@link #STATE_VERSION}.
 */
public final class TimeframeBundle implements IndicatorState {

    /** Version of the serialized layout; bumped whenever a field or length changes. */
    public static final int STATE_VERSION = 1;

    /** A never-updated bundle that {@link #reset()} copies from; only ever read. */
    private static final TimeframeBundle PRISTINE = new TimeframeBundle();

    private final ExponentialAverage ema3 = ExponentialAverage.ema(3);
    private final ExponentialAverage ema5 = ExponentialAverage.ema(5);
    private final ExponentialAverage ema8 = ExponentialAverage.ema(8);
    private final ExponentialAverage ema13 = ExponentialAverage.ema(13);
    private final ExponentialAverage ema21 = ExponentialAverage.ema(21);
    private final ExponentialAverage ema34 = ExponentialAverage.ema(34);
    private final ExponentialAverage ema48 = ExponentialAverage.ema(48);
    private final ExponentialAverage ema89 = ExponentialAverage.ema(89);
    private final ExponentialAverage ema200 = ExponentialAverage.ema(200);
    private final ExponentialAverage[] emas = {ema3, ema5, ema8, ema13, ema21, ema34, ema48, ema89, ema200};
    private final Rsi rsi14 = new Rsi(14);
    private final Atr atr14 = new Atr(14);
    private final SuperTrend superTrend = new SuperTrend(3.0, 10);
    private final Squeeze squeeze = Squeeze.standard();
    private final Momentum momentum = new Momentum(20);
    private final RatioToAverage volumeRatio = new RatioToAverage(20);
    private final RatioToAverage atrRatio = new RatioToAverage(20);
    private final Compression compression = Compression.standard();
    private final Cross emaCross = new Cross();
    private final PhaseOscillator phase = new PhaseOscillator();

    private long bars;
    private double close = Double.NaN;
    private double prevEma48 = Double.NaN;
    private double prevStLine = Double.NaN;

    /** Bumped by every change of state, so a scratch bundle can tell whether its source moved. */
    private long version;
    /** The bundle this one holds a peek of (its state plus one bar), or null. */
    private TimeframeBundle peekedFrom;
    /** {@link #version} of {@link #peekedFrom} when this bundle took the peek. */
    private long peekedVersion;

    /**
     * Adds one closed bar.
     *
     * @throws IllegalArgumentException when a value is not finite, high is below low or the
     *                                  volume is negative (the state is left unchanged)
     */
    public void update(double open, double high, double low, double close, double volume) {
        if (!(Double.isFinite(open) && Double.isFinite(high) && Double.isFinite(low) && Double.isFinite(close)
                && Double.isFinite(volume) && high >= low && volume >= 0)) {
            throw new IllegalArgumentException("bad bar for indicators: open=" + open + " high=" + high
                    + " low=" + low + " close=" + close + " volume=" + volume
                    + " (need finite values, high >= low, volume >= 0)");
        }
        changed();
        prevEma48 = ema48.value();
        prevStLine = superTrend.line();
        for (ExponentialAverage ema : emas) {
            ema.update(close);
        }
        rsi14.update(close);
        double atr = atr14.update(high, low, close);
        superTrend.update(high, low, close);
        squeeze.update(high, low, close);
        momentum.update(close, squeeze.basis());
        volumeRatio.update(volume);
        atrRatio.update(atr);
        compression.update(close, ema21.value(), atr);
        emaCross.update(ema13.value(), ema48.value());
        phase.update(close, ema21.value(), atr, momentum.value(), momentum.stdev(), volume, volumeRatio.average());
        this.close = close;
        bars++;
    }

    /** Adds one closed bar; see {@link #update(double, double, double, double, double)}. */
    public void update(Candle candle) {
        update(candle.open(), candle.high(), candle.low(), candle.close(), candle.volume());
    }

    /**
     * Evaluates a forming bar as if it closed now: {@code out} receives this bundle's state plus
     * the bar, this bundle is not changed. Allocation-free; reuse one scratch bundle.
     *
     * <p>Cost: when {@code out} still holds a peek of this bundle in the same state (the usual
     * case: a higher timeframe's forming bar read again at the next base bar), only what one
     * update wrote is undone (scalars and one slot per ring buffer, {@code restore}) before the
     * new bar is applied; otherwise the whole state is copied. The result is the same.
     *
     * @param out the scratch bundle that receives the result; must not be this bundle
     */
    public void peek(double open, double high, double low, double close, double volume, TimeframeBundle out) {
        if (out == this) {
            throw new IllegalArgumentException("peek needs a scratch bundle other than the bundle itself");
        }
        if (out.peekedFrom == this && out.peekedVersion == version) {
            out.restore(this);
        } else {
            out.copyFrom(this);
        }
        out.update(open, high, low, close, volume);
        out.peekedFrom = this;
        out.peekedVersion = version;
    }

    /** Undoes the one bar that {@link #peek} applied on top of {@code other}'s state. */
    private void restore(TimeframeBundle other) {
        for (int i = 0; i < emas.length; i++) {
            emas[i].restore(other.emas[i]);
        }
        rsi14.restore(other.rsi14);
        atr14.restore(other.atr14);
        superTrend.restore(other.superTrend);
        squeeze.restore(other.squeeze);
        momentum.restore(other.momentum);
        volumeRatio.restore(other.volumeRatio);
        atrRatio.restore(other.atrRatio);
        compression.restore(other.compression);
        emaCross.copyFrom(other.emaCross);
        phase.restore(other.phase);
        bars = other.bars;
        close = other.close;
        prevEma48 = other.prevEma48;
        prevStLine = other.prevStLine;
    }

    private void changed() {
        version++;
        peekedFrom = null;
    }

    /** Evaluates a forming candle; see {@link #peek(double, double, double, double, double, TimeframeBundle)}. */
    public void peek(Candle forming, TimeframeBundle out) {
        peek(forming.open(), forming.high(), forming.low(), forming.close(), forming.volume(), out);
    }

    /** Makes this bundle an exact copy of {@code other} (arrays copied, nothing allocated). */
    public void copyFrom(TimeframeBundle other) {
        changed();
        for (int i = 0; i < emas.length; i++) {
            emas[i].copyFrom(other.emas[i]);
        }
        rsi14.copyFrom(other.rsi14);
        atr14.copyFrom(other.atr14);
        superTrend.copyFrom(other.superTrend);
        squeeze.copyFrom(other.squeeze);
        momentum.copyFrom(other.momentum);
        volumeRatio.copyFrom(other.volumeRatio);
        atrRatio.copyFrom(other.atrRatio);
        compression.copyFrom(other.compression);
        emaCross.copyFrom(other.emaCross);
        phase.copyFrom(other.phase);
        bars = other.bars;
        close = other.close;
        prevEma48 = other.prevEma48;
        prevStLine = other.prevStLine;
    }

    /** Returns this bundle to its freshly constructed state, without allocating. */
    public void reset() {
        copyFrom(PRISTINE);
    }

    /** Number of bars added so far. */
    public long bars() {
        return bars;
    }

    /**
     * True once every indicator of the bundle has warmed up. EMA200 is the last (bar index 199);
     * the others need fewer bars, checked anyway so the statement does not depend on that.
     */
    public boolean isWarm() {
        return ema200.isWarm() && phase.isWarm() && atrRatio.isWarm() && rsi14.isWarm();
    }

    /** Close of the last bar added (or peeked), NaN before the first. */
    public double close() {
        return close;
    }

    public double ema3() {
        return ema3.value();
    }

    public double ema5() {
        return ema5.value();
    }

    public double ema8() {
        return ema8.value();
    }

    public double ema13() {
        return ema13.value();
    }

    public double ema21() {
        return ema21.value();
    }

    public double ema34() {
        return ema34.value();
    }

    public double ema48() {
        return ema48.value();
    }

    public double ema89() {
        return ema89.value();
    }

    public double ema200() {
        return ema200.value();
    }

    /** EMA48 now minus EMA48 one bar ago; NaN until two EMA48 values exist. */
    public double ema48Slope() {
        return ema48.value() - prevEma48;
    }

    /** {@code ta.rsi(close, 14)}. */
    public double rsi14() {
        return rsi14.value();
    }

    /** {@code ta.atr(14)}. */
    public double atr14() {
        return atr14.value();
    }

    /** ATR14 / SMA20(ATR14); NaN until 20 ATR values exist or when their average is 0. */
    public double atrRatio() {
        return atrRatio.value();
    }

    /** SuperTrend(3, 10) direction: +1 bull, -1 bear (Pine's direction negated). */
    public double stDir() {
        return superTrend.direction();
    }

    /** SuperTrend(3, 10) line. */
    public double stLine() {
        return superTrend.line();
    }

    /** SuperTrend direction change at this bar: the new direction, 0 when none. */
    public double stFlip() {
        return superTrend.flip();
    }

    /** SuperTrend line now minus one bar ago (on a flip bar: the jump between the bands). */
    public double stLineSlope() {
        return superTrend.line() - prevStLine;
    }

    /** Squeeze on: 1 when both Bollinger(20, 2) bands are inside Keltner(20, SMA, 1.5 ATR20). */
    public double sqOn() {
        return squeeze.on();
    }

    /** Squeeze release: 1 when on at the previous bar and off now, else 0. */
    public double sqRelease() {
        return squeeze.release();
    }

    /**
     * Direction of a squeeze release: sign of the momentum on a release bar (+1, -1, or 0 when
     * the momentum is exactly 0), 0 on other bars, NaN while the release or, on a release bar,
     * the momentum is still warming up.
     */
    public double sqReleaseDir() {
        double release = squeeze.release();
        if (release != 1) {
            return release;
        }
        return Math.signum(momentum.value());
    }

    /** Shared SMA20 basis of the Bollinger Bands and the Keltner channel. */
    public double basis20() {
        return squeeze.basis();
    }

    public double bbUpper() {
        return squeeze.bbUpper();
    }

    public double bbLower() {
        return squeeze.bbLower();
    }

    public double kcUpper() {
        return squeeze.kcUpper();
    }

    public double kcLower() {
        return squeeze.kcLower();
    }

    /** {@code ta.linreg(close - ta.sma(close, 20), 20, 0)}. */
    public double mom() {
        return momentum.value();
    }

    /** {@code ta.stdev(mom, 20)} (population). */
    public double momStd() {
        return momentum.stdev();
    }

    /** volume / SMA20(volume); NaN when the average volume is 0. */
    public double volumeRatio() {
        return volumeRatio.value();
    }

    /** Compression: 1 when Bollinger(21, 2) lies inside EMA21 +- 2 ATR14, else 0. */
    public double compressed() {
        return compression.value();
    }

    /** EMA13 / EMA48 cross at this bar: +1 crossover, -1 crossunder, 0 none. */
    public double emaCross() {
        return emaCross.value();
    }

    /** Phase oscillator; see {@link PhaseOscillator}. */
    public double phase() {
        return phase.value();
    }

    @Override
    public int size() {
        int size = Integer.BYTES + Long.BYTES + Double.BYTES * 3;
        for (ExponentialAverage ema : emas) {
            size += ema.size();
        }
        return size + rsi14.size() + atr14.size() + superTrend.size() + squeeze.size() + momentum.size()
                + volumeRatio.size() + atrRatio.size() + compression.size() + emaCross.size() + phase.size();
    }

    @Override
    public void write(ByteBuffer buffer) {
        buffer.putInt(STATE_VERSION);
        buffer.putLong(bars);
        buffer.putDouble(close);
        buffer.putDouble(prevEma48);
        buffer.putDouble(prevStLine);
        for (ExponentialAverage ema : emas) {
            ema.write(buffer);
        }
        rsi14.write(buffer);
        atr14.write(buffer);
        superTrend.write(buffer);
        squeeze.write(buffer);
        momentum.write(buffer);
        volumeRatio.write(buffer);
        atrRatio.write(buffer);
        compression.write(buffer);
        emaCross.write(buffer);
        phase.write(buffer);
    }

    @Override
    public void read(ByteBuffer buffer) {
        int version = buffer.getInt();
        if (version != STATE_VERSION) {
            throw new IllegalStateException("TimeframeBundle state has format version " + version
                    + ", this build reads version " + STATE_VERSION);
        }
        changed();
        bars = buffer.getLong();
        close = buffer.getDouble();
        prevEma48 = buffer.getDouble();
        prevStLine = buffer.getDouble();
        for (ExponentialAverage ema : emas) {
            ema.read(buffer);
        }
        rsi14.read(buffer);
        atr14.read(buffer);
        superTrend.read(buffer);
        squeeze.read(buffer);
        momentum.read(buffer);
        volumeRatio.read(buffer);
        atrRatio.read(buffer);
        compression.read(buffer);
        emaCross.read(buffer);
        phase.read(buffer);
    }
}
