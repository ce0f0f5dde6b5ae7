package io.edgeloop.core.model;

import io.edgeloop.core.indicators.TimeframeBundle;

import static io.edgeloop.core.model.Signs.icmp;
import static io.edgeloop.core.model.Signs.on;
import static io.edgeloop.core.model.Signs.sign;

/**
 * The lower-timeframe score of one frame (MODEL_REFERENCE "LTF score per timeframe"), clamped to
 * [-50, 50]:
 * <pre>{@code
 *   release   = 8 * sign(mom) * min(1.5, |mom| / momStd)       on a squeeze-release bar, else 0
 *   alignment = 6 * cmp(close, EMA21) + 6 * cmp(close, EMA48)
 *             + 3 if e5 > e13 > e21 > e48,  - 3 if e5 < e13 < e21 < e48
 *   support   = 10 * stDir * max(0, 1 - d / 2),  d = |close - stLine| / (ATR ratio * daily ATR14)
 *               only when stDir, the line's slope and the close's side agree
 *               (bull: slope >= 0 and close > line; bear: slope <= 0 and close < line)
 *   rsi       = -4 if RSI14 > 70,  + 4 if RSI14 < 30
 *   raw       = release + alignment + support + rsi
 *   guard     = 3 if squeeze on + 2 if compressed
 *   score     = clamp(sign(raw) * max(0, |raw| - guard), -50, 50)
 * }</pre>
 * The guard is a damper: the original subtracted it on its bull-side view; edgeloop takes it off
 * the score's magnitude (never past 0), so a coiled market lowers conviction either way. The
 * daily ATR is the D frame's ATR14 as it stands (the frame's own ATR14 while D has none); an
 * unknown ATR ratio counts as 1; momStd = 0 gives the capped 1.5. Inputs still warming up
 * contribute 0; a frame is scored once its SuperTrend exists, else NaN.
 *
 * <p>Blend: {@code ltf = sum(w_f * score_f) / sum(w_f)} over the profile's LTF frames with a
 * score ({@link ModelConfig.Blend#ltf()}).
 */
public final class LtfScore {

    private LtfScore() {
    }

    /**
     * The frame's LTF score, or NaN while its SuperTrend is warming up (allocates a reading).
     *
     * @param dailyAtr ATR14 of the D frame as it stands, NaN when unknown
     */
    public static double frame(TimeframeBundle b, double dailyAtr, ModelConfig.Scores c) {
        return frame(FrameReading.of(b), dailyAtr, c);
    }

    /**
     * The frame's LTF score from a loaded reading, or NaN while its SuperTrend is warming up.
     *
     * @param dailyAtr ATR14 of the D frame as it stands, NaN when unknown
     */
    public static double frame(FrameReading b, double dailyAtr, ModelConfig.Scores c) {
        double stDir = b.stDir;
        if (Double.isNaN(stDir)) {
            return Double.NaN;
        }
        double close = b.close;
        double raw = 0;
        if (on(b.sqRelease)) {
            double mom = b.mom;
            double momStd = b.momStd;
            if (!Double.isNaN(mom) && !Double.isNaN(momStd)) {
                double z = momStd > 0 ? Math.min(c.releaseCap(), Math.abs(mom) / momStd) : c.releaseCap();
                raw += 8 * sign(mom) * z;
            }
        }
        double e5 = b.ema5;
        double e13 = b.ema13;
        double e21 = b.ema21;
        double e48 = b.ema48;
        // The integer terms as ints, without branches on the data (the orderings flip often);
        // raw is never -0.0, so adding a 0 term leaves it as skipping it did: the same bits.
        raw += 6 * (icmp(close, e21) + icmp(close, e48));
        int stack = ((e5 > e13) & (e13 > e21) & (e21 > e48) ? 1 : 0)
                - ((e5 < e13) & (e13 < e21) & (e21 < e48) ? 1 : 0);
        raw += 3 * stack;
        raw += support(b, close, stDir, dailyAtr, c);
        double rsi = b.rsi14;
        boolean overbought = rsi > c.rsiOverbought();
        raw += (overbought ? -4 : 0) + ((rsi < c.rsiOversold()) & !overbought ? 4 : 0);
        double guard = (on(b.sqOn) ? 3 : 0) + (on(b.compressed) ? 2 : 0);
        double score = sign(raw) * Math.max(0, Math.abs(raw) - guard);
        return Signs.clamp(score, -50, 50);
    }

    private static double support(FrameReading b, double close, double stDir, double dailyAtr,
                                  ModelConfig.Scores c) {
        double line = b.stLine;
        double slope = b.stLineSlope;
        boolean agree = stDir > 0 ? slope >= 0 && close > line : slope <= 0 && close < line;
        if (!agree) {
            return 0;
        }
        double atr = Double.isNaN(dailyAtr) ? b.atr14 : dailyAtr;
        double ratio = b.atrRatio;
        double unit = (Double.isNaN(ratio) ? 1 : ratio) * atr;
        if (!(unit > 0)) {
            return 0;
        }
        double d = Math.abs(close - line) / unit;
        // d / 2 and d * 0.5 round the same exact value, so the default decay needs no division
        double decay = c.supportDecay();
        return 10 * stDir * Math.max(0, 1 - (decay == 2 ? d * 0.5 : d / decay));
    }
}
