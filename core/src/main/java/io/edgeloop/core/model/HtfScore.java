package io.edgeloop.core.model;

import io.edgeloop.core.candle.Timeframe;
import io.edgeloop.core.indicators.TimeframeBundle;

import static io.edgeloop.core.model.Signs.cmp;
import static io.edgeloop.core.model.Signs.on;
import static io.edgeloop.core.model.Signs.sign;

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
        double close = b.close;
        double trend = 10 * cmp(close, b.ema200) + 10 * stDir;
        double stack = 2 * cmp(b.ema5, b.ema8) + 2.5 * cmp(b.ema8, b.ema13) + 2.5 * cmp(b.ema13, b.ema21)
                + 3 * cmp(b.ema21, b.ema48) + 5 * sign(b.ema48Slope);
        double compressed = b.compressed;
        double volumeRatio = b.volumeRatio;
        double regime = 0;
        if (on(compressed)) {
            regime += 5;
        }
        if (Math.abs(b.phase) > c.phaseStretched()) {
            regime -= 3;
        }
        if (b.atrRatio > c.atrExpansion() && compressed == 0) {
            regime += 2;
        }
        if (volumeRatio > c.volumeSurge()) {
            regime += 1;
        } else if (volumeRatio < c.volumeDry()) {
            regime -= 0.5;
        }
        double m = cmp(b.ema13, b.ema48);
        double volume = volumeRatio > c.momentumVolumeHigh() ? 3 : volumeRatio < c.momentumVolumeLow() ? -2 : 0;
        double score = trend + stack + sign(trend) * regime + 5 * m + m * volume;
        return Signs.clamp(score, -50, 50);
    }

    /** Blend weight of an HTF frame: base weight x its volatility factor. */
    public static double weight(Timeframe tf, double atrRatio, ModelConfig.Blend blend) {
        return blend.htf().weight(tf) * blend.scale(tf).factor(atrRatio);
    }
}
