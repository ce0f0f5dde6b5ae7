package io.edgeloop.core.model;

import io.edgeloop.core.candle.Timeframe;
import io.edgeloop.core.indicators.TimeframeBundle;

import static io.edgeloop.core.model.Signs.icmp;
import static io.edgeloop.core.model.Signs.on;

/**
 * The higher-timeframe score of one frame (MODEL_REFERENCE "HTF score per timeframe"), clamped
 * to [-50, 50]:
 * <pre>{@code
 *   trend    = 10 * cmp(close, EMA200) + 10 * stDir                      (trend bias)
 *   stack    = 2 * cmp(e5, e8) + 2.5 * cmp(e8, e13) + 2.5 * cmp(e13, e21) + 3 * cmp(e21, e48)
 *            + 5 * sign(EMA48 slope)
 *   t        = sign(trend)
 *   regime   = t * ( 5 if compressed
 *                  - 3 if |phase| > 61.8
 *                  + 2 if ATR ratio > 1.1 and not compressed
 *                  + 1 if volume ratio > 1.3,  - 0.5 if volume ratio < 0.7 )
 *   m        = cmp(e13, e48)
 *   momentum = 5 * m + m * ( 3 if volume ratio > 1.2,  - 2 if volume ratio < 0.8 )
 *   score    = clamp(trend + stack + regime + momentum, -50, 50)
 * }</pre>
 * where {@code cmp(a, b)} is +1 above, -1 below, 0 equal. The original wrote the regime and
 * volume terms unsigned (a bull-side view); edgeloop applies them in the direction of the trend
 * bias (regime) or of the 13/48 momentum, so a mirrored market gets the mirrored score, and a
 * bear trend is confirmed, not contradicted, by compression and volume. An input still warming
 * up (NaN) contributes 0 (EMA200 needs 200 bars, which a weekly or monthly frame may never
 * have); a frame is scored once its SuperTrend exists (10 bars), else the score is NaN and the
 * frame drops out of the blend.
 *
 * <p>Blend ({@link #weight}): {@code htf = sum(w_f * score_f) / sum(w_f)} over the profile's HTF
 * frames with a score, {@code w_f = base weight x volatility factor of the frame's ATR ratio}.
 */
public final class HtfScore {

    private HtfScore() {
    }

    /** The frame's HTF score, or NaN while its SuperTrend is warming up (allocates a reading). */
    public static double frame(TimeframeBundle b, ModelConfig.Scores c) {
        return frame(FrameReading.of(b), c);
    }

    /** The frame's HTF score from a loaded reading, or NaN while its SuperTrend is warming up. */
    public static double frame(FrameReading b, ModelConfig.Scores c) {
        double stDir = b.stDir;
        if (Double.isNaN(stDir)) {
            return Double.NaN;
        }
        // Every term is a small multiple of 0.5, so the original double sums are exact: counted
        // here in halves, as ints, and scaled once, which gives the same bits (a zero sum is +0.0
        // either way) without a conversion and an addition per term.
        double close = b.close;
        int trend = 20 * icmp(close, b.ema200) + (stDir > 0 ? 20 : -20);
        int stack = 4 * icmp(b.ema5, b.ema8) + 5 * icmp(b.ema8, b.ema13) + 5 * icmp(b.ema13, b.ema21)
                + 6 * icmp(b.ema21, b.ema48) + 10 * icmp(b.ema48Slope, 0);
        double compressed = b.compressed;
        double volumeRatio = b.volumeRatio;
        boolean surge = volumeRatio > c.volumeSurge();
        int regime = (on(compressed) ? 10 : 0)
                - (Math.abs(b.phase) > c.phaseStretched() ? 6 : 0)
                + ((b.atrRatio > c.atrExpansion()) & (compressed == 0) ? 4 : 0)
                + (surge ? 2 : 0)
                - ((volumeRatio < c.volumeDry()) & !surge ? 1 : 0);
        int m = icmp(b.ema13, b.ema48);
        boolean high = volumeRatio > c.momentumVolumeHigh();
        int volume = (high ? 6 : 0) - ((volumeRatio < c.momentumVolumeLow()) & !high ? 4 : 0);
        int halves = trend + stack + Integer.signum(trend) * regime + 10 * m + m * volume;
        double score = 0.5 * halves;
        return Signs.clamp(score, -50, 50);
    }

    /** Blend weight of an HTF frame: base weight x its volatility factor. */
    public static double weight(Timeframe tf, double atrRatio, ModelConfig.Blend blend) {
        return blend.htf().weight(tf) * blend.scale(tf).factor(atrRatio);
    }
}
