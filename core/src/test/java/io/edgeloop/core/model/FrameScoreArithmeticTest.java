package io.edgeloop.core.model;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The HTF and LTF frame scores sum their integer terms as ints; this pins them bit for bit to the
 * double arithmetic they replaced (kept here as the oracle, term by term as it was written) on
 * generated readings full of ties, NaNs, signed zeros, values on the thresholds and squeeze
 * releases, under the default scores and under a configuration with another support decay and
 * crossed volume thresholds.
 */
class FrameScoreArithmeticTest {

    private static final double[] SPECIAL = {Double.NaN, 0.0, -0.0, 1, -1, 0.7, 0.8, 1.1, 1.2, 1.3, 30, 70,
        61.8, -61.8, 100, 1e-300, -1e-300};

    @Test
    void shouldScoreLikeTheDoubleArithmeticBitForBit() {
        ModelConfig.Scores defaults = ModelConfig.defaults().scores();
        ModelConfig.Scores other = new ModelConfig.Scores(50, 1.0, 0.9, 1.4, 0.95, 1.05, 1.2, 3.0, 60, 40);
        Random random = new Random(20261207L);
        int scored = 0;
        for (int i = 0; i < 200_000; i++) {
            FrameReading r = reading(random);
            double dailyAtr = pick(random, random.nextDouble() * 3);
            for (ModelConfig.Scores c : new ModelConfig.Scores[] {defaults, other}) {
                double htf = HtfScore.frame(r, c);
                double ltf = LtfScore.frame(r, dailyAtr, c);
                assertThat(Double.doubleToRawLongBits(htf)).as("htf at case %d", i)
                        .isEqualTo(Double.doubleToRawLongBits(htfBefore(r, c)));
                assertThat(Double.doubleToRawLongBits(ltf)).as("ltf at case %d", i)
                        .isEqualTo(Double.doubleToRawLongBits(ltfBefore(r, dailyAtr, c)));
                scored += Double.isNaN(htf) ? 0 : 1;
            }
        }
        assertThat(scored).as("cases with a SuperTrend, so a score").isGreaterThan(200_000);
    }

    private static FrameReading reading(Random random) {
        FrameReading r = new FrameReading();
        double close = 100 + random.nextInt(5);
        r.close = close;
        // EMAs drawn from a few levels around the close, so orderings tie often
        r.ema5 = level(random, close);
        r.ema8 = level(random, close);
        r.ema13 = level(random, close);
        r.ema21 = level(random, close);
        r.ema48 = level(random, close);
        r.ema200 = level(random, close);
        r.ema48Slope = pick(random, random.nextInt(3) - 1);
        r.stDir = random.nextInt(8) == 0 ? Double.NaN : random.nextBoolean() ? 1 : -1;
        r.stLine = close + (random.nextInt(9) - 4) * 0.5;
        r.stLineSlope = pick(random, random.nextInt(3) - 1);
        r.sqOn = flag(random);
        r.sqRelease = flag(random);
        r.compressed = flag(random);
        r.mom = pick(random, random.nextGaussian());
        r.momStd = pick(random, Math.abs(random.nextGaussian()) * 0.3);
        r.rsi14 = pick(random, random.nextDouble() * 100);
        r.atr14 = pick(random, random.nextDouble() * 2);
        r.atrRatio = pick(random, random.nextDouble() * 2);
        r.volumeRatio = pick(random, random.nextDouble() * 2);
        r.phase = pick(random, random.nextGaussian() * 60);
        return r;
    }

    private static double level(Random random, double close) {
        return random.nextInt(10) == 0 ? Double.NaN : close + random.nextInt(5) - 2;
    }

    private static double flag(Random random) {
        int k = random.nextInt(5);
        return k == 0 ? Double.NaN : k == 1 ? 1 : 0;
    }

    /** The value itself, or one of the special values (ties with the thresholds, NaN, zeros). */
    private static double pick(Random random, double value) {
        return random.nextInt(4) == 0 ? SPECIAL[random.nextInt(SPECIAL.length)] : value;
    }

    private static double cmp(double a, double b) {
        return (a > b ? 1 : 0) - (a < b ? 1 : 0);
    }

    private static double sign(double x) {
        return cmp(x, 0);
    }

    private static double clamp(double x) {
        return (x < -50 ? -50 : x > 50 ? 50 : x) + 0.0;
    }

    /** HtfScore.frame as it was written before its terms became ints. */
    private static double htfBefore(FrameReading b, ModelConfig.Scores c) {
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
        if (compressed == 1) {
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
        return clamp(trend + stack + sign(trend) * regime + 5 * m + m * volume);
    }

    /** LtfScore.frame as it was written before its integer terms became ints. */
    private static double ltfBefore(FrameReading b, double dailyAtr, ModelConfig.Scores c) {
        if (Double.isNaN(b.stDir)) {
            return Double.NaN;
        }
        double raw = 0;
        boolean release = b.sqRelease == 1 && !Double.isNaN(b.mom) && !Double.isNaN(b.momStd);
        if (release) {
            raw += 8 * sign(b.mom) * (b.momStd > 0 ? Math.min(c.releaseCap(), Math.abs(b.mom) / b.momStd)
                    : c.releaseCap());
        }
        double stDir = b.stDir;
        double close = b.close;
        raw += 6 * cmp(close, b.ema21) + 6 * cmp(close, b.ema48);
        double e5 = b.ema5;
        double e13 = b.ema13;
        double e21 = b.ema21;
        double e48 = b.ema48;
        if (e5 > e13 && e13 > e21 && e21 > e48) {
            raw += 3;
        } else if (e5 < e13 && e13 < e21 && e21 < e48) {
            raw -= 3;
        }
        double line = b.stLine;
        double slope = b.stLineSlope;
        boolean agree = stDir > 0 ? slope >= 0 && close > line : slope <= 0 && close < line;
        if (agree) {
            double atr = Double.isNaN(dailyAtr) ? b.atr14 : dailyAtr;
            double ratio = b.atrRatio;
            double unit = (Double.isNaN(ratio) ? 1 : ratio) * atr;
            if (unit > 0) {
                double d = Math.abs(close - line) / unit;
                raw += 10 * stDir * Math.max(0, 1 - d / c.supportDecay());
            }
        }
        double rsi = b.rsi14;
        if (rsi > c.rsiOverbought()) {
            raw -= 4;
        } else if (rsi < c.rsiOversold()) {
            raw += 4;
        }
        double guard = (b.sqOn == 1 ? 3 : 0) + (b.compressed == 1 ? 2 : 0);
        return clamp(sign(raw) * Math.max(0, Math.abs(raw) - guard));
    }
}
