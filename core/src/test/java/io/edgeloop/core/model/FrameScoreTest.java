package io.edgeloop.core.model;

import io.edgeloop.core.candle.Candle;
import io.edgeloop.core.candle.Timeframe;
import io.edgeloop.core.engine.HistoryData;
import io.edgeloop.core.indicators.TimeframeBundle;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * HTF and LTF frame scores computed by hand, term by term, on bundle states built from the real
 * SPY daily bars: each test first checks the conditions its sum relies on.
 */
class FrameScoreTest {

    private static final ModelConfig.Scores SCORES = ModelConfig.defaults().scores();

    private static TimeframeBundle spyDailyThrough(int index) {
        List<Candle> candles = HistoryData.history("SPY_D");
        TimeframeBundle b = new TimeframeBundle();
        for (int i = 0; i <= index; i++) {
            b.update(candles.get(i));
        }
        return b;
    }

    @Test
    void shouldScoreBullTrendWithVolumeSurgeByHand() {
        TimeframeBundle b = spyDailyThrough(327);
        assertThat(b.close()).isGreaterThan(b.ema200());
        assertThat(b.stDir()).isEqualTo(1);
        assertThat(b.ema5()).isGreaterThan(b.ema8());
        assertThat(b.ema8()).isGreaterThan(b.ema13());
        assertThat(b.ema13()).isGreaterThan(b.ema21());
        assertThat(b.ema21()).isGreaterThan(b.ema48());
        assertThat(b.ema48Slope()).isPositive();
        assertThat(b.compressed()).isZero();
        assertThat(Math.abs(b.phase())).isLessThan(61.8);
        assertThat(b.atrRatio()).isLessThan(1.1);
        assertThat(b.volumeRatio()).isGreaterThan(1.3);
        double trend = 10 + 10;
        double stack = 2 + 2.5 + 2.5 + 3 + 5;
        double regime = 1;
        double momentum = 5 + 3;
        assertThat(HtfScore.frame(b, SCORES)).isEqualTo(trend + stack + regime + momentum);
    }

    @Test
    void shouldTakeThreeForStretchedPhaseByHand() {
        TimeframeBundle b = spyDailyThrough(312);
        assertThat(b.phase()).isGreaterThan(61.8);
        assertThat(b.volumeRatio()).isBetween(0.8, 1.2);
        assertThat(b.atrRatio()).isLessThan(1.1);
        assertThat(HtfScore.frame(b, SCORES)).isEqualTo(20 + 15 - 3 + 5);
    }

    @Test
    void shouldScoreBearTrendWithCompressionInTheTrendDirectionByHand() {
        TimeframeBundle b = spyDailyThrough(81);
        assertThat(b.ema200()).isNaN();
        assertThat(b.stDir()).isEqualTo(-1);
        assertThat(b.ema5()).isLessThan(b.ema8());
        assertThat(b.ema8()).isLessThan(b.ema13());
        assertThat(b.ema13()).isLessThan(b.ema21());
        assertThat(b.ema21()).isLessThan(b.ema48());
        assertThat(b.ema48Slope()).isNegative();
        assertThat(b.compressed()).isEqualTo(1);
        assertThat(b.volumeRatio()).isBetween(1.2, 1.3);
        double trend = 0 - 10;
        double stack = -(2 + 2.5 + 2.5 + 3 + 5);
        double regime = -5;
        double momentum = -5 - 3;
        assertThat(HtfScore.frame(b, SCORES)).isEqualTo(trend + stack + regime + momentum);
    }

    @Test
    void shouldScoreBearSqueezeReleaseWithCappedMomentumAndCompressionGuardByHand() {
        TimeframeBundle b = spyDailyThrough(81);
        assertThat(b.sqRelease()).isEqualTo(1);
        assertThat(b.mom()).isNegative();
        assertThat(Math.abs(b.mom()) / b.momStd()).isGreaterThan(1.5);
        assertThat(b.close()).isLessThan(b.ema21()).isLessThan(b.ema48());
        assertThat(b.rsi14()).isBetween(30.0, 70.0);
        assertThat(b.sqOn()).isZero();
        double release = -8 * 1.5;
        double alignment = -6 - 6 - 3;
        double support = 0;
        double raw = release + alignment + support;
        double guard = 2;
        double d = Math.abs(b.close() - b.stLine()) / (b.atrRatio() * b.atr14());
        assertThat(d).as("too far from the SuperTrend line for support").isGreaterThan(2);
        assertThat(LtfScore.frame(b, b.atr14(), SCORES)).isEqualTo(raw + guard);
    }

    @Test
    void shouldAddSuperTrendSupportThatFadesWithDistanceByHand() {
        TimeframeBundle b = spyDailyThrough(327);
        assertThat(b.stLineSlope()).isZero();
        assertThat(b.close()).isGreaterThan(b.stLine());
        assertThat(b.rsi14()).isBetween(30.0, 70.0);
        double d = (b.close() - b.stLine()) / (b.atrRatio() * b.atr14());
        double expected = 6 + 6 + 3 + 10 * (1 - d / 2);
        assertThat(LtfScore.frame(b, b.atr14(), SCORES)).isCloseTo(expected, within(1e-12)).isCloseTo(18.16, within(0.01));
    }

    @Test
    void shouldLeaveFrameUnscoredUntilSuperTrendExists() {
        TimeframeBundle b = spyDailyThrough(8);
        assertThat(HtfScore.frame(b, SCORES)).isNaN();
        assertThat(LtfScore.frame(b, Double.NaN, SCORES)).isNaN();
        b.update(HistoryData.history("SPY_D").get(9));
        assertThat(HtfScore.frame(b, SCORES)).isBetween(-50.0, 50.0);
    }

    @Test
    void shouldScaleHtfWeightsByEachFramesVolatility() {
        ModelConfig.Blend blend = ModelConfig.defaults().blend();
        assertThat(HtfScore.weight(Timeframe.W1, 1.6, blend)).isCloseTo(0.40 * 0.7, within(1e-15));
        assertThat(HtfScore.weight(Timeframe.W1, 1.5, blend)).isCloseTo(0.40 * 1.2, within(1e-15));
        assertThat(HtfScore.weight(Timeframe.D1, 1.31, blend)).isCloseTo(0.25 * 1.2, within(1e-15));
        assertThat(HtfScore.weight(Timeframe.H4, 1.0, blend)).isCloseTo(0.20 * 0.8, within(1e-15));
        assertThat(HtfScore.weight(Timeframe.MN1, 3.0, blend)).isEqualTo(0.15);
        assertThat(HtfScore.weight(Timeframe.W1, Double.NaN, blend)).isEqualTo(0.40);
    }
}
