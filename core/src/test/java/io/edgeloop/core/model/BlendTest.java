package io.edgeloop.core.model;

import io.edgeloop.core.candle.Candle;
import io.edgeloop.core.candle.Timeframe;
import io.edgeloop.core.engine.HistoryData;
import io.edgeloop.core.indicators.TimeframeBundle;
import io.edgeloop.core.snapshot.Fields;
import io.edgeloop.core.snapshot.Snapshot;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** HTF and LTF blends worked out by hand on bundles built from SPY's own 1h, D and W files. */
class BlendTest {

    /** 2025-06-02 (a Monday) 19:30 UTC, the 15:30 New York hourly bar. */
    private static final long AT = 1_748_892_600_000L;

    private static TimeframeBundle through(String file, long time) {
        List<Candle> candles = HistoryData.history(file);
        TimeframeBundle b = new TimeframeBundle();
        for (Candle c : candles) {
            if (c.openTime() <= time) {
                b.update(c);
            }
        }
        return b;
    }

    @Test
    void shouldBlendFramesWithTheirVolatilityScaledWeightsRenormalised() {
        TimeframeBundle hourly = through("SPY_60", AT);
        TimeframeBundle daily = through("SPY_D", AT - 20 * 3_600_000L);
        TimeframeBundle weekly = through("SPY_W", AT - 7 * 86_400_000L);
        TimeframeBundle fourHour = new TimeframeBundle();
        ModelInput in = new ModelInput();
        in.frame(Timeframe.H1, hourly, AT, true, hourly, false);
        in.frame(Timeframe.H4, fourHour, AT, true, fourHour, false);
        in.frame(Timeframe.D1, daily, AT, true, daily, false);
        in.frame(Timeframe.W1, weekly, AT, true, weekly, false);
        in.bar(AT, AT / 86_400_000L, hourly.close());
        in.day(hourly.close() + 1, hourly.close() - 1, false);
        ModelConfig config = ModelConfig.defaults();
        Snapshot out = new Snapshot();
        new TickerModel(Profile.forBase(Timeframe.H1), config).score(in, out);

        double sD = HtfScore.frame(daily, config.scores());
        double sW = HtfScore.frame(weekly, config.scores());
        double wD = 0.25 * (daily.atrRatio() > 1.3 ? 1.2 : 0.9);
        double wW = 0.40 * (weekly.atrRatio() > 1.5 ? 0.7 : 1.2);
        assertThat(out.get(Fields.of(Fields.Family.TF_SCORE, Timeframe.D1))).isEqualTo(sD);
        assertThat(out.get(Fields.of(Fields.Family.TF_SCORE, Timeframe.W1))).isEqualTo(sW);
        assertThat(out.get(Fields.HTF_SCORE)).isCloseTo((wD * sD + wW * sW) / (wD + wW), within(1e-12));

        double s1h = LtfScore.frame(hourly, daily.atr14(), config.scores());
        assertThat(out.get(Fields.of(Fields.Family.TF_SCORE, Timeframe.H4))).as("4h not warmed up").isNaN();
        assertThat(out.get(Fields.LTF_SCORE)).as("1h alone, 4h renormalised away").isCloseTo(s1h, within(1e-12));
        assertThat(out.get(Fields.htf(Fields.Family.TF_SCORE))).isEqualTo(out.get(Fields.HTF_SCORE));
        assertThat(out.category(Fields.STATE)).isEqualTo(StateQuadrant.of(out.get(Fields.HTF_SCORE), s1h).name());
        assertThat(out.get(Fields.htf(Fields.Family.ST_DIR))).as("finest HTF frame with a direction: D")
                .isEqualTo(daily.stDir());
    }
}
