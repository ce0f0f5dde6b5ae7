package io.edgeloop.streams;

import io.edgeloop.core.candle.Candle;
import io.edgeloop.schemas.avro.Direction;
import io.edgeloop.schemas.avro.Prediction;
import io.edgeloop.schemas.avro.PredictionTrigger;
import io.edgeloop.schemas.avro.ScoreSnapshot;
import io.edgeloop.schemas.avro.Trade;
import io.edgeloop.schemas.avro.TradeEvent;
import io.edgeloop.schemas.avro.TradeSide;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Predictions are logged on a stage change into enter, trim or exit and on an HTF flip; paper
 * trades follow the position. The model is scripted so the expected calls can be derived from
 * the script independently of the topology.
 */
class PredictionsAndTradesTest {

    private final List<Candle> spy = MarketData.history("SPY_60", "2025-03-03T00:00:00Z", "2025-03-12T00:00:00Z");
    private final ScriptedModels models = ScriptedModels.cycle();

    @Test
    void shouldLogOnePredictionPerStageChangeIntoEnterTrimOrExitAndPerHtfFlip() {
        try (Harness harness = new Harness(models)) {
            harness.pipe(spy);

            List<Prediction> predictions = values(harness.predictions.readRecordsToList());
            assertThat(predictions).extracting(Prediction::getId).containsExactlyElementsOf(expectedIds());
            for (Prediction p : predictions) {
                Candle bar = bar(p.getBarTime());
                assertThat(p.getEntryPrice()).isEqualTo(bar.close());
                assertThat(p.getHorizonDays()).isEqualTo(5);
                assertThat(p.getSnapshot().getBarTime()).isEqualTo(p.getBarTime());
                assertThat(p.getTicker()).isEqualTo("SPY");
                switch (p.getTrigger()) {
                    case STAGE_ENTER -> assertThat(p.getToValue()).isEqualTo("ENTER");
                    case STAGE_TRIM -> assertThat(p.getToValue()).isEqualTo("TRIM");
                    case STAGE_EXIT -> assertThat(p.getToValue()).isEqualTo("EXIT");
                    case STATE_FLIP_BULL -> assertThat(p.getDirection()).isEqualTo(Direction.UP);
                    default -> assertThat(p.getDirection()).isEqualTo(Direction.DOWN);
                }
            }
        }
    }

    @Test
    void shouldCallEntryInThePositionsDirectionAndTrimAndExitAgainstIt() {
        try (Harness harness = new Harness(models)) {
            harness.pipe(spy);

            List<Prediction> predictions = values(harness.predictions.readRecordsToList());
            List<Trade> trades = values(harness.trades.readRecordsToList());
            for (Trade open : trades.stream().filter(t -> t.getEvent() == TradeEvent.OPEN).toList()) {
                Prediction entry = predictions.stream().filter(p -> p.getId().equals(open.getPredictionId()))
                        .findFirst().orElseThrow();
                assertThat(entry.getTrigger()).isEqualTo(PredictionTrigger.STAGE_ENTER);
                assertThat(entry.getDirection()).isEqualTo(open.getSide() == TradeSide.LONG ? Direction.UP : Direction.DOWN);
                Direction against = entry.getDirection() == Direction.UP ? Direction.DOWN : Direction.UP;
                assertThat(predictions).filteredOn(p -> p.getTrigger() == PredictionTrigger.STAGE_TRIM
                                && p.getBarTime().isAfter(entry.getBarTime()))
                        .first().extracting(Prediction::getDirection).isEqualTo(against);
            }
            assertThat(trades).extracting(Trade::getSide).contains(TradeSide.LONG, TradeSide.SHORT);
        }
    }

    @Test
    void shouldOpenTrimAndClosePaperPositionsLinkedToTheEnterPrediction() {
        try (Harness harness = new Harness(models)) {
            harness.pipe(spy);

            List<Trade> trades = values(harness.trades.readRecordsToList());
            assertThat(trades).isNotEmpty();
            assertThat(trades.size() % 3).isZero();
            for (int i = 0; i + 2 < trades.size(); i += 3) {
                Trade open = trades.get(i);
                Trade trim = trades.get(i + 1);
                Trade close = trades.get(i + 2);
                assertThat(List.of(open.getEvent(), trim.getEvent(), close.getEvent()))
                        .containsExactly(TradeEvent.OPEN, TradeEvent.TRIM, TradeEvent.CLOSE);
                assertThat(open.getPositionId()).isEqualTo(open.getId());
                assertThat(List.of(trim.getPositionId(), close.getPositionId())).containsOnly(open.getId());
                assertThat(List.of(trim.getPredictionId(), close.getPredictionId())).containsOnly(open.getPredictionId());
                assertThat(open.getPredictionId()).isEqualTo(Calls.predictionId("SPY", io.edgeloop.core.candle.Timeframe.H1,
                        open.getTime().toEpochMilli(), PredictionTrigger.STAGE_ENTER));
                assertThat(List.of(open.getQuantityFraction(), trim.getQuantityFraction(), close.getQuantityFraction()))
                        .containsExactly(1.0, 0.5, 0.5);
                assertThat(open.getPnlPct()).isNull();
                double sign = open.getSide() == TradeSide.LONG ? 1 : -1;
                assertThat(close.getPnlPct()).isCloseTo(sign * (close.getPrice() / open.getPrice() - 1) * 100,
                        org.assertj.core.data.Offset.offset(1e-9));
                assertThat(open.getPrice()).isEqualTo(bar(open.getTime()).close());
            }
        }
    }

    @Test
    void shouldUseTheConfiguredHorizon() {
        try (Harness harness = new Harness(Harness.settings().withHorizonDays(10), models)) {
            harness.pipe(spy.subList(0, 12));

            assertThat(values(harness.predictions.readRecordsToList())).isNotEmpty()
                    .allSatisfy(p -> assertThat(p.getHorizonDays()).isEqualTo(10));
        }
    }

    @Test
    void shouldKeepLatestSnapshotAndLastBarInStores() {
        try (Harness harness = new Harness(models)) {
            harness.pipe(spy.subList(0, 7));

            List<TestRecord<String, ScoreSnapshot>> scores = harness.scores.readRecordsToList();
            assertThat(scores).hasSize(7);
            assertThat(harness.latest().get("SPY|1h")).isEqualTo(scores.get(6).value());
            TickerState state = TickerState.decode(harness.tickerStates().get("SPY|1h"));
            assertThat(state.lastBar()).isEqualTo(TickerState.LastBar.of(spy.get(6)));
            assertThat(scores).extracting(r -> r.value().getStage().name().toLowerCase(Locale.ROOT))
                    .containsExactly("watch", "watch", "watch", "setup", "enter", "hold", "hold");
        }
    }

    /** The ids the script implies, derived from its bars. */
    private List<String> expectedIds() {
        IntFunction<ScriptedModels.Bar> script = n -> {
            List<String> stages = List.of("watch", "watch", "watch", "setup", "enter", "hold", "hold", "trim", "hold",
                    "exit", "watch", "watch");
            return new ScriptedModels.Bar(stages.get((n - 1) % 12), (n - 1) % 16 < 8 ? "BULL" : "BEAR");
        };
        List<String> ids = new ArrayList<>();
        for (int n = 2; n <= spy.size(); n++) {
            ScriptedModels.Bar before = script.apply(n - 1);
            ScriptedModels.Bar now = script.apply(n);
            long time = spy.get(n - 1).openTime();
            if (!before.stage().equals(now.stage()) && List.of("enter", "trim", "exit").contains(now.stage())) {
                ids.add(Calls.predictionId("SPY", io.edgeloop.core.candle.Timeframe.H1, time,
                        PredictionTrigger.valueOf("STAGE_" + now.stage().toUpperCase(Locale.ROOT))));
            }
            if (!before.state().equals(now.state())) {
                ids.add(Calls.predictionId("SPY", io.edgeloop.core.candle.Timeframe.H1, time,
                        PredictionTrigger.valueOf("STATE_FLIP_" + now.state())));
            }
        }
        return ids;
    }

    private Candle bar(Instant time) {
        return spy.stream().filter(c -> c.openTime() == time.toEpochMilli()).findFirst().orElseThrow();
    }

    @Test
    void shouldStampIdsAsTheFormatterDoesAtEveryTime() {
        DateTimeFormatter formatter = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
        List<Long> times = new ArrayList<>(List.of(0L, 999L, 1000L, -1L, -1000L, -86_400_001L,
                Instant.parse("1984-02-29T14:30:00Z").toEpochMilli(), Instant.parse("2000-02-29T23:59:59.999Z").toEpochMilli(),
                Instant.parse("9999-12-31T23:59:59.999Z").toEpochMilli(), Instant.parse("+10000-01-01T00:00:00Z").toEpochMilli(),
                Instant.parse("0999-06-01T00:00:00Z").toEpochMilli()));
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < 10_000; i++) {
            times.add(random.nextLong(Instant.parse("1900-01-01T00:00:00Z").toEpochMilli(),
                    Instant.parse("2200-01-01T00:00:00Z").toEpochMilli()));
        }
        for (long time : times) {
            assertThat(Calls.stamp(time)).as("stamp of %d", time).isEqualTo(formatter.format(Instant.ofEpochMilli(time)));
        }
    }

    private static <V> List<V> values(List<TestRecord<String, V>> records) {
        return records.stream().map(TestRecord::value).toList();
    }
}
