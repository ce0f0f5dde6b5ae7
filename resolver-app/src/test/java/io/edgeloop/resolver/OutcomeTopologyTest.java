package io.edgeloop.resolver;

import io.edgeloop.kstreams.RejectedRecordException;
import io.edgeloop.core.candle.Candle;
import io.edgeloop.core.outcome.TradingDates;
import io.edgeloop.schemas.avro.DeadLetter;
import io.edgeloop.schemas.avro.Direction;
import io.edgeloop.schemas.avro.Magnitude;
import io.edgeloop.schemas.avro.Outcome;
import io.edgeloop.schemas.avro.OutcomeAction;
import io.edgeloop.schemas.avro.OutcomeStatus;
import io.edgeloop.schemas.avro.Prediction;
import io.edgeloop.schemas.avro.PredictionTrigger;
import io.edgeloop.schemas.avro.TradeEvent;
import io.edgeloop.schemas.avro.TradeSide;
import io.edgeloop.schemas.topics.Topics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static io.edgeloop.resolver.MarketData.between;
import static io.edgeloop.resolver.MarketData.date;
import static io.edgeloop.resolver.MarketData.on;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class OutcomeTopologyTest {

    private static final double EPS = 1e-9;

    @TempDir
    Path stateDir;

    private ResolverDriver resolver;
    private List<Candle> spy;

    @BeforeEach
    void start() {
        resolver = new ResolverDriver(ResolverConfig.defaults().withInMemoryStores(), stateDir);
        spy = MarketData.history("SPY_D.json");
    }

    @AfterEach
    void stop() {
        resolver.close();
    }

    @Test
    void shouldResolveUpPredictionOnRealSpyBarsAsComputedByHand() {
        Candle entryBar = on(spy, LocalDate.of(2025, 4, 21));
        assertThat(entryBar.close()).isEqualTo(513.88);
        resolver.candles(between(spy, LocalDate.of(2025, 4, 14), LocalDate.of(2025, 4, 21)));
        resolver.predict(TestRecords.prediction(entryBar, Direction.UP));
        resolver.candles(between(spy, LocalDate.of(2025, 4, 22), LocalDate.of(2025, 5, 2)));

        Outcome o = single(resolver.outcomes());
        // Horizon bars 04-22 .. 04-28 (SPY_D.json): highs 529.305 545.43 547.43 551.05 553.55,
        // lows 519.1925 533.88 535.4504 543.69 545.02, last close 550.85.
        assertThat(o.getStatus()).isEqualTo(OutcomeStatus.RESOLVED);
        assertThat(o.getExitPrice()).isEqualTo(550.85);
        assertThat(o.getReturnPct()).isCloseTo((550.85 - 513.88) / 513.88 * 100, within(EPS)); // 7.194
        assertThat(o.getMfePct()).isCloseTo((553.55 - 513.88) / 513.88 * 100, within(EPS)); // 7.720, 5th bar
        assertThat(o.getMaePct()).isEqualTo(0.0); // lowest low 519.1925 stayed above the entry
        assertThat(o.getTimeToPeakDays()).isEqualTo(5);
        assertThat(o.getHit()).isTrue();
        assertThat(o.getMagnitude()).isEqualTo(Magnitude.MEDIUM);
        assertThat(o.getAction()).isEqualTo(OutcomeAction.MISSED_OPPORTUNITY);
        assertThat(o.getResolvedTime()).isEqualTo(Instant.parse("2025-04-28T00:00:00Z"));
        assertThat(o.getPredictionTime()).isEqualTo(Instant.parse("2025-04-21T00:00:00Z"));
    }

    @Test
    void shouldResolveDownPredictionOnRealSpyBarsAsComputedByHand() {
        Candle entryBar = on(spy, LocalDate.of(2025, 4, 9));
        assertThat(entryBar.close()).isEqualTo(548.62);
        resolver.candle(entryBar);
        resolver.predict(TestRecords.prediction(entryBar, Direction.DOWN));
        resolver.candles(between(spy, LocalDate.of(2025, 4, 10), LocalDate.of(2025, 4, 17)));

        Outcome o = single(resolver.outcomes());
        // Horizon bars 04-10 .. 04-16: lows 509.32 (first bar) .. , highest high 544.28, last close 525.66.
        assertThat(o.getExitPrice()).isEqualTo(525.66);
        assertThat(o.getReturnPct()).isCloseTo(-(525.66 - 548.62) / 548.62 * 100, within(EPS)); // +4.185 for a short
        assertThat(o.getMfePct()).isCloseTo((548.62 - 509.32) / 548.62 * 100, within(EPS)); // 7.163
        assertThat(o.getMaePct()).isEqualTo(0.0); // no high above the entry
        assertThat(o.getTimeToPeakDays()).isEqualTo(1);
        assertThat(o.getHit()).isTrue();
        assertThat(o.getMagnitude()).isEqualTo(Magnitude.SMALL);
        assertThat(o.getResolvedTime()).isEqualTo(Instant.parse("2025-04-16T00:00:00Z"));
    }

    @Test
    void shouldMatchTheTextbookFormulasOnEightyRealPredictions() {
        Random random = new Random(20250421L);
        List<Candle> bars = between(spy, LocalDate.of(2024, 1, 1), LocalDate.of(2026, 6, 30));
        Map<Integer, Prediction> byBar = new TreeMap<>();
        while (byBar.size() < 80) {
            int i = random.nextInt(bars.size() - 6);
            byBar.put(i, TestRecords.prediction(bars.get(i), random.nextBoolean() ? Direction.UP : Direction.DOWN));
        }
        for (int i = 0; i < bars.size(); i++) {
            resolver.candle(bars.get(i));
            if (byBar.containsKey(i)) {
                resolver.predict(byBar.get(i));
            }
        }
        List<Outcome> outcomes = resolver.outcomes();
        assertThat(outcomes).hasSize(80);
        for (Outcome o : outcomes) {
            int i = indexOf(bars, o.getPredictionTime());
            Expected e = Expected.of(bars.subList(i + 1, i + 6), bars.get(i).close(), o.getDirection());
            String which = o.getPredictionId() + " " + o.getDirection();
            assertThat(o.getExitPrice()).as(which).isEqualTo(e.exit);
            assertThat(o.getReturnPct()).as(which).isCloseTo(e.returnPct, within(EPS));
            assertThat(o.getMfePct()).as(which).isCloseTo(e.mfePct, within(EPS));
            assertThat(o.getMaePct()).as(which).isCloseTo(e.maePct, within(EPS));
            assertThat(o.getTimeToPeakDays()).as(which).isEqualTo(e.peak);
            assertThat(o.getHit()).as(which).isEqualTo(e.returnPct >= 2.0);
        }
    }

    @Test
    void shouldEmitExactlyOneOutcomeWhenThePredictionComesThreeTimesAndTheAppRestarts() {
        Candle entryBar = on(spy, LocalDate.of(2025, 4, 21));
        Prediction p = TestRecords.prediction(entryBar, Direction.UP);
        resolver.candle(entryBar);
        resolver.predict(p);
        resolver.candles(between(spy, LocalDate.of(2025, 4, 22), LocalDate.of(2025, 4, 24)));
        resolver.predict(p);
        resolver.restart();
        resolver.candles(between(spy, LocalDate.of(2025, 4, 25), LocalDate.of(2025, 4, 30)));
        resolver.restart();
        resolver.predict(p);
        resolver.candles(between(spy, LocalDate.of(2025, 4, 21), LocalDate.of(2025, 5, 5)));

        assertThat(resolver.outcomes()).extracting(Outcome::getPredictionId).containsExactly(p.getId());
        assertThat(resolver.contents(ResolverStores.PENDING)).isEmpty();
        assertThat(resolver.contents(ResolverStores.OUTCOMES)).containsOnlyKeys(p.getId());
        assertThat(resolver.contents(ResolverStores.PREDICTIONS)).containsOnlyKeys(p.getId());
    }

    @Test
    void shouldExpireWhenTheTickerStopsTrading() {
        List<Candle> iwm = predictIwmUpOn21April();
        resolver.candles(between(iwm, LocalDate.of(2025, 4, 22), LocalDate.of(2025, 4, 23)));
        resolver.candles(between(spy, LocalDate.of(2025, 4, 22), LocalDate.of(2025, 5, 20)));

        Outcome o = single(resolver.outcomes());
        long expiry = TradingDates.expiryTime(LocalDate.of(2025, 4, 21), 5, 5);
        assertThat(o.getStatus()).isEqualTo(OutcomeStatus.EXPIRED);
        assertThat(o.getReason()).startsWith("ticker stopped trading: 2 of 5 daily bars after 2025-04-21");
        assertThat(o.getResolvedTime()).isEqualTo(Instant.ofEpochMilli(expiry));
        assertThat(o.getExitPrice()).isEqualTo(on(iwm, LocalDate.of(2025, 4, 23)).close());
        assertThat(o.getHit()).isNull();
        assertThat(o.getMagnitude()).isNull();
        assertThat(o.getAction()).isEqualTo(OutcomeAction.SKIPPED);
        assertThat(resolver.contents(ResolverStores.PENDING)).isEmpty();
    }

    @Test
    void shouldExpireAtTheFirstRecordWhoseTimeReachesTheExpiryAndNotBefore() {
        predictIwmUpOn21April();
        long expiry = TradingDates.expiryTime(LocalDate.of(2025, 4, 21), 5, 5);
        List<Candle> later = between(spy, LocalDate.of(2025, 4, 22), LocalDate.of(2025, 5, 20));
        int crossing = 0;
        while (later.get(crossing).openTime() < expiry) {
            crossing++;
        }
        resolver.candles(later.subList(0, crossing));
        assertThat(resolver.outcomes()).as("stream time still before the expiry").isEmpty();

        resolver.candle(later.get(crossing));

        assertThat(single(resolver.outcomes()).getStatus()).isEqualTo(OutcomeStatus.EXPIRED);
    }

    /** IWM's daily bars, after its 2025-04-21 bar and an UP prediction on it went in. */
    private List<Candle> predictIwmUpOn21April() {
        List<Candle> iwm = MarketData.history("IWM_D.json");
        Candle entryBar = on(iwm, LocalDate.of(2025, 4, 21));
        resolver.candle(entryBar);
        resolver.predict(TestRecords.prediction(entryBar, Direction.UP));
        return iwm;
    }

    @Test
    void shouldRunTheStreamTimeScheduleAtMultiplesOfItsInterval() {
        long hour = Duration.ofHours(1).toMillis();
        assertThat(OutcomeProcessor.nextMultiple(0, hour)).isEqualTo(hour);
        assertThat(OutcomeProcessor.nextMultiple(hour - 1, hour)).isEqualTo(hour);
        assertThat(OutcomeProcessor.nextMultiple(hour, hour)).isEqualTo(2 * hour);
        assertThat(OutcomeProcessor.nextMultiple(5 * hour + 7, hour)).isEqualTo(6 * hour);
        assertThat(OutcomeProcessor.nextMultiple(-1, hour)).isZero();
    }

    @Test
    void shouldExpireAPredictionWhoseHorizonBarsAreNoLongerHeldRatherThanMeasureItOnLaterBars() {
        List<Candle> bars = between(spy, LocalDate.of(2025, 1, 2), LocalDate.of(2025, 4, 30));
        resolver.candles(bars);
        Candle early = on(spy, LocalDate.of(2025, 2, 10));
        resolver.predict(TestRecords.prediction(early, Direction.UP));
        Candle held = bars.get(bars.size() - 10);
        resolver.predict(TestRecords.prediction(held, Direction.UP));

        List<Outcome> outcomes = resolver.outcomes();
        assertThat(outcomes).hasSize(2);
        Outcome tooLate = outcomes.get(0);
        assertThat(tooLate.getStatus()).isEqualTo(OutcomeStatus.EXPIRED);
        assertThat(tooLate.getReason()).isEqualTo("the daily bars after 2025-02-10 are no longer all held (the resolver "
                + "keeps the last 40; it dropped the bars up to " + date(bars.get(bars.size() - 41)) + ", the oldest kept "
                + "is of " + date(bars.get(bars.size() - 40)) + "): the prediction arrived too late to measure its horizon");
        assertThat(tooLate.getHit()).isNull();
        assertThat(outcomes.get(1).getStatus()).as("a prediction inside the held bars").isEqualTo(OutcomeStatus.RESOLVED);
        assertThat(outcomes.get(1).getExitPrice()).isEqualTo(bars.get(bars.size() - 5).close());
    }

    @Test
    void shouldMeasureALatePredictionWhenOnlyBarsUpToItsOwnDateWereDropped() {
        List<Candle> bars = between(spy, LocalDate.of(2025, 1, 2), LocalDate.of(2025, 6, 30));
        int entry = 50;
        resolver.candles(bars.subList(entry, entry + 41)); // the entry bar and 40 later ones: the entry bar is dropped
        resolver.predict(TestRecords.prediction(bars.get(entry), Direction.UP));
        resolver.candle(bars.get(entry + 41)); // bar entry + 1 is dropped too: a second prediction on it
        resolver.predict(TestRecords.prediction(bars.get(entry + 1), Direction.UP));

        List<Outcome> outcomes = resolver.outcomes();
        assertThat(outcomes).hasSize(2);
        Outcome held = outcomes.get(0);
        assertThat(held.getStatus()).isEqualTo(OutcomeStatus.RESOLVED);
        assertThat(held.getExitPrice()).isEqualTo(bars.get(entry + 5).close());
        assertThat(held.getResolvedTime()).isEqualTo(Instant.ofEpochMilli(bars.get(entry + 5).openTime()));
        Outcome onDroppedBar = outcomes.get(1);
        assertThat(onDroppedBar.getStatus()).as("its own bar was dropped, not a later one").isEqualTo(OutcomeStatus.RESOLVED);
        assertThat(onDroppedBar.getExitPrice()).isEqualTo(bars.get(entry + 6).close());
    }

    @Test
    void shouldCountHorizonBarsThatArrivedBeforeALatePrediction() {
        Candle entryBar = on(spy, LocalDate.of(2025, 4, 21));
        resolver.candles(between(spy, LocalDate.of(2025, 4, 21), LocalDate.of(2025, 4, 25)));
        resolver.predict(TestRecords.prediction(entryBar, Direction.UP));
        assertThat(resolver.outcomes()).isEmpty();
        resolver.candle(on(spy, LocalDate.of(2025, 4, 28)));

        Outcome o = single(resolver.outcomes());
        assertThat(o.getExitPrice()).isEqualTo(550.85);
        assertThat(o.getTimeToPeakDays()).isEqualTo(5);
    }

    @Test
    void shouldGiveTheSameOutcomeWhetherThePredictionCameBeforeOrAfterALateDailyBar() {
        Candle entryBar = on(spy, LocalDate.of(2025, 4, 21));
        resolver.candle(entryBar);
        Prediction open = TestRecords.prediction(entryBar, Direction.UP);
        resolver.predict(open);
        resolver.candle(on(spy, LocalDate.of(2025, 4, 22)));
        resolver.candle(on(spy, LocalDate.of(2025, 4, 24)));
        resolver.candle(on(spy, LocalDate.of(2025, 4, 23))); // late
        resolver.candles(between(spy, LocalDate.of(2025, 4, 25), LocalDate.of(2025, 4, 29)));
        Prediction arrivedLater = Prediction.newBuilder(open).setId(open.getId() + "-flip")
                .setTrigger(PredictionTrigger.STATE_FLIP_BULL).build();
        resolver.predict(arrivedLater);

        List<Outcome> outcomes = resolver.outcomes();
        assertThat(outcomes).extracting(Outcome::getPredictionId).containsExactly(open.getId(), arrivedLater.getId());
        for (Outcome o : outcomes) {
            // horizon 04-22, 04-24, 04-25, 04-28, 04-29: the late 04-23 bar counts for neither
            assertThat(o.getExitPrice()).as(o.getPredictionId()).isEqualTo(on(spy, LocalDate.of(2025, 4, 29)).close());
            assertThat(o.getResolvedTime()).as(o.getPredictionId()).isEqualTo(Instant.parse("2025-04-29T00:00:00Z"));
        }
        assertThat(outcomes.get(1).getReturnPct()).isEqualTo(outcomes.get(0).getReturnPct());
        assertThat(outcomes.get(1).getMfePct()).isEqualTo(outcomes.get(0).getMfePct());
        assertThat(single(resolver.deadLetters()).getReason()).isEqualTo("daily candle of SPY for 2025-04-23 refused: "
                + "late, the ticker's newest daily bar is of 2025-04-24 and open outcomes count only bars after the last "
                + "one they counted");
    }

    @Test
    void shouldDropALateDailyBarBuiltFromIntradayBars() {
        List<Candle> monday = hourlySpy(LocalDate.of(2025, 11, 3), LocalDate.of(2025, 11, 3));
        Candle wednesday = on(spy, LocalDate.of(2025, 11, 5));
        resolver.candles(monday.subList(0, monday.size() - 1)); // the last hour would close the day
        resolver.candle(wednesday); // and the sweep at its stream time closes Monday, now late

        assertThat(TickerDays.fromBytes("SPY", 40, resolver.store(ResolverStores.TICKER_DAYS).get("SPY")).recent())
                .containsExactly(wednesday);
        assertThat(FormingDay.fromBytes("SPY", resolver.store(ResolverStores.FORMING_DAYS).get("SPY")).hasFormingBar())
                .as("Monday closed").isFalse();
        assertThat(resolver.deadLetters()).isEmpty();
    }

    @Test
    void shouldMarkTheOutcomeTradedWhenALinkedTradeArrives() {
        Candle entryBar = on(spy, LocalDate.of(2025, 4, 21));
        Prediction p = TestRecords.prediction(entryBar, Direction.UP);
        resolver.candle(entryBar);
        resolver.predict(p);
        resolver.trade(TestRecords.trade("paper:SPY:1", "SPY", p.getId(), Instant.parse("2025-04-22T00:00:00Z"),
                TradeEvent.OPEN));
        resolver.candles(between(spy, LocalDate.of(2025, 4, 22), LocalDate.of(2025, 4, 28)));

        Outcome o = single(resolver.outcomes());
        assertThat(o.getAction()).isEqualTo(OutcomeAction.TRADED);
        assertThat(o.getTradeId()).isEqualTo("paper:SPY:1");
        assertThat(resolver.contents(ResolverStores.TRADE_LINKS)).containsEntry(p.getId(), "paper:SPY:1");
    }

    @Test
    void shouldLinkATradeThatArrivedBeforeItsPrediction() {
        Candle entryBar = on(spy, LocalDate.of(2025, 4, 21));
        Prediction p = TestRecords.prediction(entryBar, Direction.UP);
        resolver.trade(TestRecords.trade("paper:SPY:2", "SPY", p.getId(), Instant.parse("2025-04-21T00:00:00Z"),
                TradeEvent.OPEN));
        resolver.predict(p);
        resolver.candles(between(spy, LocalDate.of(2025, 4, 22), LocalDate.of(2025, 4, 28)));

        assertThat(single(resolver.outcomes()).getTradeId()).isEqualTo("paper:SPY:2");
    }

    @Test
    void shouldCountAnUnlinkedTradeOfTheTickerWithinTheTradeWindow() {
        Candle entryBar = on(spy, LocalDate.of(2025, 4, 21));
        Prediction p = TestRecords.prediction(entryBar, Direction.UP);
        resolver.predict(p);
        resolver.trade(TestRecords.trade("desk:SPY:9", "SPY", null, Instant.parse("2025-04-22T15:00:00Z"),
                TradeEvent.OPEN));
        resolver.candles(between(spy, LocalDate.of(2025, 4, 22), LocalDate.of(2025, 4, 28)));

        Outcome o = single(resolver.outcomes());
        assertThat(o.getAction()).isEqualTo(OutcomeAction.TRADED);
        assertThat(o.getTradeId()).isEqualTo("desk:SPY:9");
    }

    @Test
    void shouldCountAnUnlinkedTradeThatCameBeforeItsPredictionWithinTheWindow() {
        Candle entryBar = on(spy, LocalDate.of(2025, 4, 21));
        Prediction p = TestRecords.prediction(entryBar, Direction.UP);
        Instant t = Instant.ofEpochMilli(entryBar.openTime());
        resolver.candle(on(spy, LocalDate.of(2025, 4, 17)));
        resolver.trade(TestRecords.trade("desk:SPY:early", "SPY", null, t.minus(Duration.ofDays(1)).minusMillis(1),
                TradeEvent.OPEN));
        resolver.trade(TestRecords.trade("desk:SPY:short", "SPY", null, t.minus(Duration.ofHours(14)),
                TradeEvent.OPEN, TradeSide.SHORT));
        resolver.trade(TestRecords.trade("desk:SPY:1", "SPY", null, t.minus(Duration.ofHours(13).plusMinutes(30)),
                TradeEvent.OPEN));
        resolver.candle(entryBar);
        resolver.predict(p);
        resolver.candles(between(spy, LocalDate.of(2025, 4, 22), LocalDate.of(2025, 4, 28)));

        Outcome o = single(resolver.outcomes());
        assertThat(o.getAction()).isEqualTo(OutcomeAction.TRADED);
        assertThat(o.getTradeId()).as("the first trade in the window on the predicted side").isEqualTo("desk:SPY:1");
        assertThat(resolver.contents(ResolverStores.TRADE_LINKS)).containsEntry(p.getId(), "desk:SPY:1");
        assertThat(RecentTrades.fromBytes("SPY", resolver.store(ResolverStores.RECENT_TRADES).get("SPY")).trades())
                .as("kept while within the trade window of stream time, then purged").isEmpty();
    }

    @Test
    void shouldNotCountAnUnlinkedTradeThatCameBeforeItsWindow() {
        Candle entryBar = on(spy, LocalDate.of(2025, 4, 21));
        Instant t = Instant.ofEpochMilli(entryBar.openTime());
        resolver.trade(TestRecords.trade("desk:SPY:early", "SPY", null, t.minus(Duration.ofDays(1)).minusMillis(1),
                TradeEvent.OPEN));
        assertThat(resolver.contents(ResolverStores.RECENT_TRADES)).containsOnlyKeys("SPY");
        resolver.candle(entryBar);
        resolver.predict(TestRecords.prediction(entryBar, Direction.UP));
        resolver.candles(between(spy, LocalDate.of(2025, 4, 22), LocalDate.of(2025, 4, 28)));

        assertThat(single(resolver.outcomes()).getAction()).isEqualTo(OutcomeAction.MISSED_OPPORTUNITY);
        assertThat(resolver.contents(ResolverStores.TRADE_LINKS)).isEmpty();
    }

    @Test
    void shouldCountAnUnlinkedTradeOnlyForAPredictionOfItsSide() {
        Candle entryBar = on(spy, LocalDate.of(2025, 4, 9));
        Prediction down = TestRecords.prediction(entryBar, Direction.DOWN);
        Prediction up = TestRecords.prediction(entryBar, Direction.UP);
        resolver.candle(entryBar);
        resolver.predict(down);
        resolver.predict(up);
        resolver.trade(TestRecords.trade("desk:SPY:long", "SPY", null, Instant.parse("2025-04-09T15:00:00Z"),
                TradeEvent.OPEN, TradeSide.LONG));
        resolver.candles(between(spy, LocalDate.of(2025, 4, 10), LocalDate.of(2025, 4, 16)));

        List<Outcome> outcomes = resolver.outcomes();
        assertThat(outcomes).extracting(Outcome::getPredictionId).containsExactly(up.getId(), down.getId());
        assertThat(outcomes.get(0).getAction()).isEqualTo(OutcomeAction.TRADED);
        assertThat(outcomes.get(0).getTradeId()).isEqualTo("desk:SPY:long");
        assertThat(outcomes.get(1).getAction()).as("a LONG open did not act on the DOWN call, which hit")
                .isEqualTo(OutcomeAction.MISSED_OPPORTUNITY);
        assertThat(outcomes.get(1).getTradeId()).isNull();
        assertThat(resolver.contents(ResolverStores.TRADE_LINKS)).containsOnlyKeys(up.getId());
    }

    @Test
    void shouldResolveDuePredictionsAtTheRequestedStreamTimeWhenTheirTickerWentQuiet() {
        List<Candle> iwm = MarketData.history("IWM_D.json");
        Candle entryBar = on(iwm, LocalDate.of(2025, 4, 21));
        resolver.candle(entryBar);
        resolver.predict(TestRecords.prediction(entryBar, Direction.UP));
        resolver.candles(between(iwm, LocalDate.of(2025, 4, 22), LocalDate.of(2025, 4, 22)));
        assertThat(resolver.outcomes()).isEmpty();

        long expiry = TradingDates.expiryTime(LocalDate.of(2025, 4, 21), 5, 5);
        resolver.resolveDue("alice", expiry - 1);
        assertThat(resolver.outcomes()).isEmpty();
        resolver.resolveDue("alice", expiry);

        Outcome o = single(resolver.outcomes());
        assertThat(o.getStatus()).isEqualTo(OutcomeStatus.EXPIRED);
        assertThat(o.getResolvedTime()).isEqualTo(Instant.ofEpochMilli(expiry));
        assertThat(resolver.contents(ResolverStores.CLOCK)).containsEntry(ResolverStores.CLOCK_KEY, expiry);
    }

    @Test
    void shouldBuildDailyBarsFromHourlyBarsOnTheExchangeCalendar() {
        List<Candle> hourly = hourlySpy(LocalDate.of(2025, 11, 3), LocalDate.of(2025, 11, 12));
        Map<LocalDate, double[]> daily = new TreeMap<>();
        for (Candle h : hourly) {
            LocalDate d = LocalDate.ofInstant(Instant.ofEpochMilli(h.openTime()), ZoneId.of("America/New_York"));
            daily.merge(d, new double[] {h.high(), h.low(), h.close()},
                    (a, b) -> new double[] {Math.max(a[0], b[0]), Math.min(a[1], b[1]), b[2]});
        }
        List<LocalDate> dates = new ArrayList<>(daily.keySet());
        LocalDate entryDate = dates.get(0);
        double entry = daily.get(entryDate)[2];
        List<Candle> horizon = new ArrayList<>();
        for (LocalDate d : dates.subList(1, 6)) {
            double[] v = daily.get(d);
            horizon.add(new Candle("SPY", io.edgeloop.core.candle.Timeframe.D1, d.toEpochDay() * 86_400_000L,
                    v[2], v[0], v[1], v[2], 0, "hand"));
        }
        Expected e = Expected.of(horizon, entry, Direction.UP);

        resolver.predict(TestRecords.prediction("SPY", entryDate.atStartOfDay(ZoneId.of("UTC")).toInstant(),
                Direction.UP, entry, 5));
        resolver.candles(hourly);

        Outcome o = single(resolver.outcomes());
        assertThat(o.getExitPrice()).isEqualTo(e.exit);
        assertThat(o.getReturnPct()).isCloseTo(e.returnPct, within(EPS));
        assertThat(o.getMfePct()).isCloseTo(e.mfePct, within(EPS));
        assertThat(o.getMaePct()).isCloseTo(e.maePct, within(EPS));
        assertThat(o.getResolvedTime()).isEqualTo(Instant.ofEpochMilli(horizon.get(4).openTime()));
    }

    @Test
    void shouldSendAnImpossibleCandleToTheDeadLetterQueueAndKeepGoing() {
        Candle bar = on(spy, LocalDate.of(2025, 4, 21));
        var broken = TestRecords.candle(bar);
        broken.setLow(bar.high() + 1);
        resolver.candle("SPY", broken);
        resolver.candle(bar);

        DeadLetter letter = single(resolver.deadLetters());
        assertThat(letter.getSourceTopic()).isEqualTo(Topics.CANDLES.name());
        assertThat(letter.getOffset()).isZero();
        assertThat(letter.getReason()).isEqualTo("candle of SPY at 2025-04-21T00:00:00Z refused: high 521.7 is below "
                + "low 522.7; low 522.7 is above min(open, close) 513.88");
        assertThat(letter.getErrorClass()).isEqualTo(RejectedRecordException.class.getName());
        assertThat(letter.getApp()).isEqualTo(StreamsDefaults.APPLICATION_ID);
        assertThat(Topics.CANDLES.valueSerde().deserializer().deserialize("candles", letter.getValue().array()))
                .isEqualTo(broken);
        assertThat(TickerDays.fromBytes("SPY", 40, resolver.store(ResolverStores.TICKER_DAYS).get("SPY")).recent())
                .containsExactly(bar);
    }

    @Test
    void shouldValidateCandlesAgainstTheConfiguredClockNotTheWallClock() {
        resolver.close();
        Instant now = Instant.parse("2025-04-20T00:00:00Z");
        resolver = new ResolverDriver(ResolverConfig.defaults().withInMemoryStores()
                .withClock(Clock.fixed(now, ZoneOffset.UTC)), stateDir);
        Candle lastAccepted = on(spy, LocalDate.of(2025, 4, 22)); // opens exactly 2 days after "now"
        Candle tooFar = on(spy, LocalDate.of(2025, 4, 23));
        resolver.candle(lastAccepted);
        resolver.candle(tooFar);

        DeadLetter letter = single(resolver.deadLetters());
        assertThat(letter.getReason()).isEqualTo("candle of SPY at 2025-04-23T00:00:00Z refused: open time "
                + "2025-04-23T00:00:00Z is more than 2 days after now (2025-04-20T00:00:00Z)");
        assertThat(TickerDays.fromBytes("SPY", 40, resolver.store(ResolverStores.TICKER_DAYS).get("SPY")).recent())
                .containsExactly(lastAccepted);
    }

    private List<Candle> hourlySpy(LocalDate from, LocalDate to) {
        try {
            var file = Path.of(System.getProperty("edgeloop.data.dir"), "history", "SPY_60.json");
            return io.edgeloop.core.candle.CandleFiles.read(file).candles().stream()
                    .filter(c -> {
                        LocalDate d = date(c);
                        return !d.isBefore(from) && !d.isAfter(to);
                    }).toList();
        } catch (java.io.IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
    }

    private static int indexOf(List<Candle> bars, Instant time) {
        for (int i = 0; i < bars.size(); i++) {
            if (bars.get(i).openTime() == time.toEpochMilli()) {
                return i;
            }
        }
        throw new IllegalArgumentException("no bar at " + time);
    }

    private static <T> T single(List<T> records) {
        assertThat(records).hasSize(1);
        return records.get(0);
    }

    /**
     * The outcome figures as MODEL_REFERENCE defines them, written out independently of core:
     * exit = last close, return = (exit - entry) / entry x 100 in the call's direction, MFE/MAE
     * from the highest high and lowest low (never past zero), time to peak = first bar at the
     * favourable extreme.
     */
    private record Expected(double exit, double returnPct, double mfePct, double maePct, int peak) {

        static Expected of(List<Candle> horizon, double entry, Direction direction) {
            double exit = horizon.get(horizon.size() - 1).close();
            double high = horizon.stream().mapToDouble(Candle::high).max().orElseThrow();
            double low = horizon.stream().mapToDouble(Candle::low).min().orElseThrow();
            double raw = (exit - entry) / entry * 100;
            boolean down = direction == Direction.DOWN;
            double mfe = down ? Math.max(0, (entry - low) / entry * 100) : Math.max(0, (high - entry) / entry * 100);
            double mae = down ? Math.min(0, (entry - high) / entry * 100) : Math.min(0, (low - entry) / entry * 100);
            int peak = 0;
            for (int i = 0; i < horizon.size() && mfe > 0; i++) {
                if (down ? horizon.get(i).low() == low : horizon.get(i).high() == high) {
                    peak = i + 1;
                    break;
                }
            }
            return new Expected(exit, down ? -raw : raw, mfe, mae, peak);
        }
    }
}
