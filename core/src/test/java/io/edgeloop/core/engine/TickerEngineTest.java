package io.edgeloop.core.engine;

import io.edgeloop.core.candle.Candle;
import io.edgeloop.core.candle.SessionCalendar;
import io.edgeloop.core.candle.Timeframe;
import io.edgeloop.core.model.ModelConfig;
import io.edgeloop.core.model.PatternMatches;
import io.edgeloop.core.model.PositionEvent;
import io.edgeloop.core.model.RankScore;
import io.edgeloop.core.model.Stage;
import io.edgeloop.core.model.StateQuadrant;
import io.edgeloop.core.snapshot.Field;
import io.edgeloop.core.snapshot.FieldType;
import io.edgeloop.core.snapshot.Fields;
import io.edgeloop.core.snapshot.Snapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

class TickerEngineTest {

    private static final long NEGATIVE_ZERO = Double.doubleToLongBits(-0.0);

    private static List<Candle> data(String relative) {
        return HistoryData.file(HistoryData.dataDir().resolve(relative));
    }

    @ParameterizedTest
    @ValueSource(strings = {"history/SPY_60.json", "history/NVDA_60.json", "history/SPY_D.json", "history/MSTR_D.json",
            "crypto/Coinbase-BTC-USD-PT4H-20160518_20251028.json", "universe-daily/BMNR-D.json"})
    void shouldKeepEveryFieldInItsRangeAndTheStateOnTheScoresSigns(String file) {
        List<Candle> candles = data(file);
        TickerEngine engine = EngineRuns.engineFor(candles);
        int scored = 0;
        for (Candle c : candles) {
            EngineResult r = engine.update(c);
            assertThat(r.accepted()).as("%s at %d", file, c.openTime()).isTrue();
            Snapshot s = r.snapshot();
            for (Field f : Fields.all()) {
                double v = s.get(f);
                if (Double.isNaN(v)) {
                    continue;
                }
                boolean inRange = v >= f.min() && v <= f.max() && Double.doubleToLongBits(v) != NEGATIVE_ZERO;
                if (!inRange || (f.type() != FieldType.NUMBER && v != Math.rint(v))) {
                    fail("%s: %s = %s at %d is outside [%s, %s] or not a whole %s", file, f.name(), v,
                            c.openTime(), f.min(), f.max(), f.type());
                }
            }
            double htf = s.get(Fields.HTF_SCORE);
            double ltf = s.get(Fields.LTF_SCORE);
            StateQuadrant state = r.state();
            if (Double.isNaN(htf) || Double.isNaN(ltf)) {
                assertThat(state).isNull();
                assertThat(s.present(Fields.STATE)).isFalse();
                continue;
            }
            scored++;
            assertThat(state).isEqualTo(StateQuadrant.of(htf, ltf));
            assertThat(s.category(Fields.STATE)).isEqualTo(state.name());
            assertThat(state.htfSign() > 0).isEqualTo(htf >= 0);
            assertThat(state.aligned()).isEqualTo((htf >= 0) == (ltf >= 0));
            assertThat(s.get(Fields.of(Fields.Family.TF_SCORE, Timeframe.D1))).isBetween(-50.0, 50.0);
        }
        assertThat(scored).as("bars with both scores in %s", file).isGreaterThan(candles.size() / 2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"history/NVDA_60.json", "history/MSTR_D.json", "history/IWM_60.json"})
    void shouldMoveStagesOnlyForwardWhileAPositionIsOpen(String file) {
        List<Candle> candles = data(file);
        TickerEngine engine = EngineRuns.engineFor(candles);
        boolean open = false;
        boolean trimmed = false;
        Stage last = null;
        int opened = 0;
        for (Candle c : candles) {
            EngineResult r = engine.update(c);
            Stage stage = r.stage();
            PositionEvent event = r.positionEvent();
            if (open) {
                assertThat(stage).as("%s at %d", file, c.openTime()).isGreaterThanOrEqualTo(last)
                        .isGreaterThanOrEqualTo(Stage.HOLD);
                assertThat(event).isNotEqualTo(PositionEvent.OPEN);
                if (event == PositionEvent.TRIM) {
                    assertThat(trimmed).as("trimmed once").isFalse();
                    trimmed = true;
                }
                assertThat(event == PositionEvent.CLOSE).isEqualTo(stage == Stage.EXIT);
            } else {
                assertThat(stage).isIn(Stage.WATCH, Stage.SETUP, Stage.ENTER);
                assertThat(event == PositionEvent.OPEN).isEqualTo(stage == Stage.ENTER);
            }
            if (event == PositionEvent.OPEN) {
                opened++;
                trimmed = false;
            }
            open = r.kanban().positionOpen();
            assertThat(r.snapshot().present(Fields.PNL_PCT)).isEqualTo(open || stage == Stage.EXIT);
            last = stage;
        }
        assertThat(opened).as("positions opened in %s", file).isPositive();
    }

    @ParameterizedTest
    @ValueSource(strings = {"history/SPY_60.json", "history/SPY_D.json", "universe-daily/BMNR-D.json"})
    void shouldGiveTheSameBarWhenEveryLaterCandleIsRemoved(String file) {
        List<Candle> candles = data(file);
        List<EngineRuns.Bar> full = EngineRuns.run(EngineRuns.engineFor(candles), candles, 0, candles.size());
        Random random = new Random(0x5EEDL + file.hashCode());
        for (int k = 0; k < 12; k++) {
            int cut = 1 + random.nextInt(candles.size() - 1);
            List<EngineRuns.Bar> truncated = EngineRuns.run(EngineRuns.engineFor(candles), candles, 0, cut);
            EngineRuns.Bar last = truncated.get(truncated.size() - 1);
            assertThat(last.sameAs(full.get(cut - 1))).as("%s bar %d of %d", file, cut - 1, candles.size()).isTrue();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"history/SPY_60.json", "history/SPY_D.json", "crypto/Coinbase-ETH-USD-PT1D-20160517_20260310.json"})
    void shouldContinueBitForBitAfterRestoringItsState(String file) {
        List<Candle> candles = data(file);
        TickerEngine uninterrupted = EngineRuns.engineFor(candles);
        List<EngineRuns.Bar> full = EngineRuns.run(uninterrupted, candles, 0, candles.size());
        Random random = new Random(0xC0FFEEL + file.hashCode());
        for (int k = 0; k < 8; k++) {
            int cut = 1 + random.nextInt(candles.size() - 1);
            TickerEngine first = EngineRuns.engineFor(candles);
            EngineRuns.run(first, candles, 0, cut);
            ByteBuffer state = ByteBuffer.allocate(first.size());
            first.write(state);
            assertThat(state.remaining()).as("size() is exact").isZero();
            state.flip();
            TickerEngine restored = EngineRuns.engineFor(candles);
            restored.read(state);
            assertThat(restored.snapshot()).isEqualTo(first.snapshot());
            List<EngineRuns.Bar> rest = EngineRuns.run(restored, candles, cut, candles.size());
            for (int i = 0; i < rest.size(); i++) {
                assertThat(rest.get(i).sameAs(full.get(cut + i))).as("%s bar %d after a restore at %d", file, cut + i, cut)
                        .isTrue();
            }
            assertThat(restored.toBytes()).isEqualTo(uninterrupted.toBytes());
        }
    }

    /**
     * The patterns are matched before the kanban moves, on the snapshot as it stands then: every
     * field a rule may read must hold there what the published snapshot holds, or a rule would
     * match on values the snapshot does not show. Checked bar by bar on real hourly and daily data,
     * through positions opened and closed.
     */
    @ParameterizedTest
    @ValueSource(strings = {"SPY_60", "TSLA_D"})
    void shouldMatchThePatternsOnTheValuesThePublishedSnapshotHolds(String history) {
        List<Candle> candles = HistoryData.history(history);
        Snapshot seen = new Snapshot();
        PatternMatcher recording = new PatternMatcher() {
            @Override
            public int size() {
                return 0;
            }

            @Override
            public void match(Snapshot snapshot, PatternMatches out) {
                seen.copyFrom(snapshot);
                out.clear();
            }
        };
        Candle first = candles.get(0);
        TickerEngine engine = new TickerEngine(first.interval(), SessionCalendar.forTicker(first.ticker()),
                ModelConfig.defaults(), recording);
        int compared = 0;
        int withPosition = 0;
        for (Candle c : candles.subList(0, Math.min(candles.size(), 6_000))) {
            if (!engine.update(c).accepted()) {
                continue;
            }
            Snapshot published = engine.snapshot();
            for (Field f : Fields.all()) {
                if (Fields.ruleInput(f)) {
                    assertThat(Double.doubleToLongBits(seen.get(f))).as("%s at %s", f.name(), c.openTime())
                            .isEqualTo(Double.doubleToLongBits(published.get(f)));
                }
            }
            compared++;
            withPosition += Double.isNaN(published.get(Fields.PNL_PCT)) ? 0 : 1;
        }
        assertThat(compared).isGreaterThan(1_000);
        assertThat(withPosition).as("bars with an open position").isGreaterThan(50);
    }

    @Test
    void shouldIgnoreOutOfOrderAndOffSessionCandlesWithoutChangingState() {
        List<Candle> candles = HistoryData.history("SPY_60");
        TickerEngine engine = EngineRuns.engineFor(candles);
        EngineRuns.run(engine, candles, 0, 500);
        byte[] before = engine.toBytes();
        Candle last = candles.get(499);
        EngineResult repeat = engine.update(last);
        assertThat(repeat.accepted()).isFalse();
        assertThat(repeat.ignored()).isEqualTo(EngineResult.Ignored.OUT_OF_ORDER);
        long nextMorningPreMarket = (SessionCalendar.US_EQUITY.sessionDay(last.openTime()) + 1) * 86_400_000L
                + 12 * 3_600_000L;
        EngineResult preMarket = engine.update(nextMorningPreMarket,
                last.open(), last.high(), last.low(), last.close(), last.volume());
        assertThat(preMarket.ignored()).isEqualTo(EngineResult.Ignored.OUTSIDE_SESSION);
        EngineResult sameHour = engine.update(last.openTime() + 15 * 60_000L,
                last.open(), last.high(), last.low(), last.close(), last.volume());
        assertThat(sameHour.ignored()).isEqualTo(EngineResult.Ignored.SAME_PERIOD);
        assertThat(engine.toBytes()).isEqualTo(before);
    }

    @Test
    void shouldTakeOneDailyBarPerTradeDateWhenAVendorStampsTheSameDayTwice() {
        List<Candle> candles = HistoryData.history("SPY_D");
        TickerEngine engine = EngineRuns.engineFor(candles);
        EngineRuns.run(engine, candles, 0, 300);
        Candle last = candles.get(299);
        byte[] before = engine.toBytes();
        EngineResult second = engine.update(last.openTime() + 4 * 3_600_000L, last.open(), last.high(), last.low(),
                last.close() * 1.001, last.volume());
        assertThat(second.ignored()).isEqualTo(EngineResult.Ignored.SAME_PERIOD);
        assertThat(engine.toBytes()).isEqualTo(before);
    }

    @Test
    void shouldRejectABadCandleWithItsValues() {
        TickerEngine engine = new TickerEngine(Timeframe.H1, SessionCalendar.US_EQUITY, ModelConfig.defaults(),
                PatternMatcher.NONE);
        assertThatThrownBy(() -> engine.update(1_736_865_000_000L, 10, 9, 11, 10, 100))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("high >= low");
        assertThatThrownBy(() -> engine.update(1_736_865_000_000L, 10, 11, 9, Double.NaN, 100))
                .hasMessageContaining("close=NaN");
        assertThat(engine.lastTime()).isEqualTo(Long.MIN_VALUE);
    }

    @Test
    void shouldRefuseAStateWrittenForAnotherBase() {
        List<Candle> candles = HistoryData.history("SPY_D");
        TickerEngine daily = EngineRuns.engineFor(candles);
        EngineRuns.run(daily, candles, 0, 50);
        TickerEngine hourly = new TickerEngine(Timeframe.H1, SessionCalendar.US_EQUITY, ModelConfig.defaults(),
                PatternMatcher.NONE);
        assertThatThrownBy(() -> hourly.read(daily.toBytes())).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("written for base");
    }

    @Test
    void shouldBuildHigherFramesFromHourlyBarsAndReportThemAsClosedOrForming() {
        List<Candle> candles = HistoryData.history("SPY_60");
        TickerEngine engine = EngineRuns.engineFor(candles);
        assertThat(engine.profile().ltf()).containsExactly(Timeframe.H1, Timeframe.H4);
        assertThat(engine.profile().htf()).containsExactly(Timeframe.D1, Timeframe.W1);
        int dailyCloses = 0;
        for (Candle c : candles) {
            EngineResult r = engine.update(c);
            assertThat(r.input().viewClosed(Timeframe.H1)).isTrue();
            assertThat(r.input().openTime(Timeframe.D1)).isLessThanOrEqualTo(c.openTime());
            if (r.input().viewClosed(Timeframe.D1)) {
                dailyCloses++;
                assertThat(r.input().view(Timeframe.D1).close()).isEqualTo(c.close());
            }
        }
        long sessions = candles.stream().map(c -> SessionCalendar.US_EQUITY.sessionDay(c.openTime())).distinct().count();
        assertThat(dailyCloses).isBetween((int) sessions - 10, (int) sessions);
    }

    @Test
    void shouldUseTheSameEngineStateSizeForEveryTickerOfAProfile() {
        TickerEngine a = EngineRuns.engineFor(HistoryData.history("SPY_60"));
        TickerEngine b = EngineRuns.engineFor(HistoryData.history("NVDA_60"));
        assertThat(a.size()).isEqualTo(b.size());
        assertThat(EngineRuns.engineFor(HistoryData.file(Path.of(HistoryData.dataDir().toString(), "history", "SPY_D.json"))).size())
                .isLessThan(a.size());
    }

    /**
     * RankScore: "+12 squeeze release on an LTF frame in the HTF direction"; Kanban: SQUEEZE path
     * and the pullback's confirming signal, "a squeeze released on an LTF frame in dir". The model
     * reads these from the {@code _ltf} aggregate, which keeps only the finest frame with a non-zero
     * direction: when 1h releases against the HTF side at the bar the 4h frame releases with it, the
     * 4h release is lost. On QQQ's hourly file (2025-08-01 13:30 UTC: 1h -1, 4h +1, HTF +21) the
     * rank lacks the 12 points; every other term of the rank only adds to the lower bound checked.
     */
    @Test
    void shouldGiveTheRankItsReleaseBonusWhenACoarserLtfFrameReleasesInTheHtfDirection() {
        List<Candle> candles = HistoryData.history("QQQ_60");
        TickerEngine engine = EngineRuns.engineFor(candles);
        ModelConfig config = ModelConfig.defaults();
        int checked = 0;
        for (Candle c : candles) {
            EngineResult r = engine.update(c);
            Snapshot s = r.snapshot();
            StateQuadrant state = r.state();
            if (!r.accepted() || state == null) {
                continue;
            }
            boolean releaseInDir = false;
            for (Timeframe tf : engine.profile().ltf()) {
                releaseInDir |= s.get(Fields.of(Fields.Family.SQ_RELEASE, tf)) == state.htfSign();
            }
            if (!releaseInDir) {
                continue;
            }
            checked++;
            double lowerBound = RankScore.of(state, s.get(Fields.HTF_SCORE), s.get(Fields.LTF_SCORE),
                    s.get(Fields.COMPLETION), s.get(Fields.PHASE_PCT), true,
                    s.get(Fields.ltf(Fields.Family.SQ_ON)) == 1, s.get(Fields.MOMENTUM_ELITE) == 1, false, Double.NaN,
                    config.rank());
            assertThat(s.get(Fields.RANK))
                    .as("rank at %d: 1h release %s, 4h release %s, HTF %s", c.openTime(),
                            s.get(Fields.of(Fields.Family.SQ_RELEASE, Timeframe.H1)),
                            s.get(Fields.of(Fields.Family.SQ_RELEASE, Timeframe.H4)), s.get(Fields.HTF_SCORE))
                    .isGreaterThanOrEqualTo(lowerBound - 1e-9);
        }
        assertThat(checked).as("bars with an LTF release in the HTF direction").isPositive();
    }

    /**
     * Fields.PHASE declares [-300, 300] as the range "the model can produce", and the rule
     * validator rejects a condition beyond it as impossible. The phase is EMA3 of
     * 0.6 x stretch + 0.3 x 20 x mom/momStd + 0.1 x 30 x (volume ratio - 1), whose terms reach about
     * 254, 26 and 57: a run of strong up sessions on swelling volume (a squeeze like BMNR's 4 to 161
     * in five sessions) takes it past 300. Here: a quiet stock at 10, then six sessions of +50 % on
     * three times the previous volume.
     */
    @Test
    void shouldKeepThePhaseInsideItsDeclaredRangeThroughAParabolicRun() {
        TickerEngine engine = new TickerEngine(Timeframe.D1, SessionCalendar.US_EQUITY, ModelConfig.defaults(),
                PatternMatcher.NONE);
        long day = java.time.LocalDate.of(2024, 1, 1).toEpochDay();
        double close = 10;
        double volume = 1_000_000;
        int sessions = 0;
        double maxPhase = Double.NEGATIVE_INFINITY;
        while (sessions < 106) {
            java.time.DayOfWeek dow = java.time.LocalDate.ofEpochDay(day).getDayOfWeek();
            if (dow != java.time.DayOfWeek.SATURDAY && dow != java.time.DayOfWeek.SUNDAY) {
                double open = close;
                if (sessions < 100) {
                    EngineResult r = engine.update(day * 86_400_000L, open, close + 0.01, close - 0.01, close, volume);
                    assertThat(r.accepted()).isTrue();
                } else {
                    close = close * 1.5;
                    volume = volume * 3;
                    EngineResult r = engine.update(day * 86_400_000L, open, close, open, close, volume);
                    assertThat(r.accepted()).isTrue();
                    maxPhase = Math.max(maxPhase, r.snapshot().get(Fields.PHASE));
                }
                sessions++;
            }
            day++;
        }
        assertThat(maxPhase).as("phase after the run (close %s)", close)
                .isBetween(Fields.PHASE.min(), Fields.PHASE.max());
    }
}
