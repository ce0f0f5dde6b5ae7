package io.edgeloop.core.model;

import io.edgeloop.core.indicators.TimeframeBundle;

/**
 * The values of one frame's bundle that the scores, flags and kanban read, loaded once per
 * bar: several bundle accessors compute on read (Bollinger bands, standard deviations), so the
 * model reads each once. Reused; {@link #load} overwrites every value.
 */
public final class FrameReading {
    long bars;
    double close;
    double ema5;
    double ema8;
    double ema13;
    double ema21;
    double ema48;
    double ema200;
    double ema48Slope;
    double stDir;
    double stLine;
    double stLineSlope;
    double stFlip;
    double sqOn;
    double sqRelease;
    double sqReleaseDir;
    double mom;
    double momStd;
    double rsi14;
    double atr14;
    double atrRatio;
    double volumeRatio;
    double compressed;
    double emaCross;
    double phase;

    /** Reads every value the model uses from the bundle as it stands. */
    public FrameReading load(TimeframeBundle b) {
        bars = b.bars();
        close = b.close();
        ema5 = b.ema5();
        ema8 = b.ema8();
        ema13 = b.ema13();
        ema21 = b.ema21();
        ema48 = b.ema48();
        ema200 = b.ema200();
        ema48Slope = b.ema48Slope();
        stDir = b.stDir();
        stLine = b.stLine();
        stLineSlope = b.stLineSlope();
        stFlip = b.stFlip();
        sqOn = b.sqOn();
        sqRelease = b.sqRelease();
        sqReleaseDir = b.sqReleaseDir();
        mom = b.mom();
        momStd = b.momStd();
        rsi14 = b.rsi14();
        atr14 = b.atr14();
        atrRatio = b.atrRatio();
        volumeRatio = b.volumeRatio();
        compressed = b.compressed();
        emaCross = b.emaCross();
        phase = b.phase();
        return this;
    }

    /** A reading of one bundle (allocates; for tools and tests). */
    public static FrameReading of(TimeframeBundle b) {
        return new FrameReading().load(b);
    }
}
