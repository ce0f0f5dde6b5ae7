package io.edgeloop.core.indicators;

import io.edgeloop.core.candle.Candle;

import java.nio.ByteBuffer;

/**
 * The per-timeframe bundle as it was composed of the indicator classes (one object each), kept as
 * the reference that {@link TimeframeBundle}'s flat state must match bit for bit
 * ({@link FlatBundleParityTest}): same arithmetic in the same order, same serialized bytes.
 */
final class ComposedBundle implements IndicatorState {

    public static final int STATE_VERSION = 1;

    private static final ComposedBundle PRISTINE = new ComposedBundle();

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

    private long version;
    private ComposedBundle peekedFrom;
    private long peekedVersion;

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

    public void update(Candle candle) {
        update(candle.open(), candle.high(), candle.low(), candle.close(), candle.volume());
    }

    public void peek(double open, double high, double low, double close, double volume, ComposedBundle out) {
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

    private void restore(ComposedBundle other) {
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

    public void peek(Candle forming, ComposedBundle out) {
        peek(forming.open(), forming.high(), forming.low(), forming.close(), forming.volume(), out);
    }

    public void copyFrom(ComposedBundle other) {
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

    public void reset() {
        copyFrom(PRISTINE);
    }

    public long bars() {
        return bars;
    }

    public boolean isWarm() {
        return ema200.isWarm() && phase.isWarm() && atrRatio.isWarm() && rsi14.isWarm();
    }

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

    public double ema48Slope() {
        return ema48.value() - prevEma48;
    }

    public double rsi14() {
        return rsi14.value();
    }

    public double atr14() {
        return atr14.value();
    }

    public double atrRatio() {
        return atrRatio.value();
    }

    public double stDir() {
        return superTrend.direction();
    }

    public double stLine() {
        return superTrend.line();
    }

    public double stFlip() {
        return superTrend.flip();
    }

    public double stLineSlope() {
        return superTrend.line() - prevStLine;
    }

    public double sqOn() {
        return squeeze.on();
    }

    public double sqRelease() {
        return squeeze.release();
    }

    public double sqReleaseDir() {
        double release = squeeze.release();
        if (release != 1) {
            return release;
        }
        return Math.signum(momentum.value());
    }

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

    public double mom() {
        return momentum.value();
    }

    public double momStd() {
        return momentum.stdev();
    }

    public double volumeRatio() {
        return volumeRatio.value();
    }

    public double compressed() {
        return compression.value();
    }

    public double emaCross() {
        return emaCross.value();
    }

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
            throw new IllegalStateException("ComposedBundle state has format version " + version
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
