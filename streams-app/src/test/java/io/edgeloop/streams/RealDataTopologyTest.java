package io.edgeloop.streams;

import io.edgeloop.core.candle.Candle;
import io.edgeloop.schemas.avro.Prediction;
import io.edgeloop.schemas.avro.PredictionTrigger;
import io.edgeloop.schemas.avro.ScoreSnapshot;
import io.edgeloop.schemas.avro.Stage;
import io.edgeloop.schemas.avro.StateQuadrant;
import io.edgeloop.schemas.avro.TimeframeState;
import io.edgeloop.schemas.avro.Trade;
import io.edgeloop.schemas.avro.TradeEvent;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The topology with core's engine on real hourly and daily candles. */
class RealDataTopologyTest {

    private static final List<Candle> SPY_HOURLY = MarketData.history("SPY_60", "2025-01-01T00:00:00Z",
            "2025-07-01T00:00:00Z");

    @Test
    void shouldEmitOneSnapshotPerHourlyCandleBuiltFromTheHourlyProfile() {
        try (Harness harness = real()) {
            harness.pipe(SPY_HOURLY);

            List<ScoreSnapshot> scores = values(harness.scores.readRecordsToList());
            assertThat(scores).hasSize(SPY_HOURLY.size());
            ScoreSnapshot last = scores.get(scores.size() - 1);
            assertThat(last.getInterval()).isEqualTo("1h");
            assertThat(last.getProfile().getLtf()).containsExactly("1h", "4h");
            assertThat(last.getProfile().getHtf()).containsExactly("D", "W");
            assertThat(last.getTimeframes()).extracting(TimeframeState::getTf).containsExactly("1h", "4h", "D", "W");
            assertThat(last.getTimeframes().get(0).getClosed()).isTrue();
            assertThat(last.getClose()).isEqualTo(SPY_HOURLY.get(SPY_HOURLY.size() - 1).close());
            assertThat(scores).extracting(ScoreSnapshot::getState).contains(StateQuadrant.HTF_BULL_LTF_BULL,
                    StateQuadrant.HTF_BEAR_LTF_BEAR);
            assertThat(harness.latest().get("SPY|1h")).isEqualTo(last);
            assertThat(harness.counter("accepted")).isEqualTo(SPY_HOURLY.size());
        }
    }

    @Test
    void shouldLogAPredictionForEveryStageChangeAndFlipTheSnapshotsShow() {
        try (Harness harness = real()) {
            harness.pipe(SPY_HOURLY);

            List<ScoreSnapshot> scores = values(harness.scores.readRecordsToList());
            List<String> expected = new ArrayList<>();
            for (ScoreSnapshot s : scores) {
                if (s.getPrevStage() != null && s.getPrevStage() != s.getStage()
                        && Set.of(Stage.ENTER, Stage.TRIM, Stage.EXIT).contains(s.getStage())) {
                    expected.add(id(s, PredictionTrigger.valueOf("STAGE_" + s.getStage().name())));
                }
                if (s.getPrevState() != null && s.getState() != null && bull(s.getPrevState()) != bull(s.getState())) {
                    expected.add(id(s, bull(s.getState()) ? PredictionTrigger.STATE_FLIP_BULL
                            : PredictionTrigger.STATE_FLIP_BEAR));
                }
            }
            List<Prediction> predictions = values(harness.predictions.readRecordsToList());
            assertThat(expected).isNotEmpty();
            assertThat(predictions).extracting(Prediction::getId).containsExactlyElementsOf(expected);
            assertThat(predictions).allSatisfy(p -> assertThat(scores).contains(p.getSnapshot()));
        }
    }

    @Test
    void shouldTradeOnEnterTrimAndExitAsTheSnapshotsShow() {
        try (Harness harness = real()) {
            harness.pipe(SPY_HOURLY);

            List<ScoreSnapshot> scores = values(harness.scores.readRecordsToList());
            List<Trade> trades = values(harness.trades.readRecordsToList());
            assertThat(trades.stream().filter(t -> t.getEvent() == TradeEvent.OPEN).map(t -> t.getTime()).toList())
                    .isNotEmpty()
                    .containsExactlyElementsOf(scores.stream().filter(s -> s.getStage() == Stage.ENTER
                            && s.getPrevStage() != Stage.ENTER).map(ScoreSnapshot::getBarTime).toList());
            assertThat(trades.stream().filter(t -> t.getEvent() == TradeEvent.CLOSE).map(t -> t.getTime()).toList())
                    .containsExactlyElementsOf(scores.stream().filter(s -> s.getStage() == Stage.EXIT
                            && s.getPrevStage() != Stage.EXIT).map(ScoreSnapshot::getBarTime).toList());
        }
    }

    /**
     * A model restored from the store's bytes continues exactly like the one that wrote them:
     * a second driver seeded with the first driver's {@code ticker-state} after half the candles
     * writes, for the second half, what an uninterrupted run writes.
     */
    @Test
    void shouldContinueFromStoredStateExactlyAsAnUninterruptedRun() {
        int half = SPY_HOURLY.size() / 2;
        List<ScoreSnapshot> uninterrupted;
        List<Prediction> uninterruptedCalls;
        try (Harness harness = real()) {
            harness.pipe(SPY_HOURLY);
            uninterrupted = values(harness.scores.readRecordsToList());
            uninterruptedCalls = values(harness.predictions.readRecordsToList());
        }
        List<KeyValue<String, byte[]>> state = new ArrayList<>();
        try (Harness first = real()) {
            first.pipe(SPY_HOURLY.subList(0, half));
            try (KeyValueIterator<String, byte[]> it = first.tickerStates().all()) {
                it.forEachRemaining(state::add);
            }
        }
        try (Harness second = real()) {
            state.forEach(kv -> second.tickerStates().put(kv.key, kv.value));
            second.pipe(SPY_HOURLY.subList(half, SPY_HOURLY.size()));

            assertThat(values(second.scores.readRecordsToList()))
                    .isEqualTo(uninterrupted.subList(half, uninterrupted.size()));
            assertThat(values(second.predictions.readRecordsToList())).isEqualTo(uninterruptedCalls.stream()
                    .filter(p -> p.getBarTime().toEpochMilli() >= SPY_HOURLY.get(half).openTime()).toList());
        }
    }

    /**
     * A failure inside the model after it took in part of a candle: the candle is dead-lettered
     * and the ticker goes on as if it had never arrived (the model is rebuilt from its stored
     * state and the candles accepted since).
     */
    @Test
    void shouldGoOnAsIfTheCandleNeverArrivedWhenTheModelFailsHalfway() {
        Candle poisoned = SPY_HOURLY.get(SPY_HOURLY.size() / 3);
        List<Candle> without = SPY_HOURLY.stream().filter(c -> c != poisoned).toList();
        List<ScoreSnapshot> expected;
        try (Harness harness = real()) {
            harness.pipe(without);
            expected = values(harness.scores.readRecordsToList());
        }
        StreamsSettings settings = Harness.settings();
        try (Harness harness = new Harness(settings, new FailingModels(CoreTickerModels.of(settings), poisoned))) {
            Patterns.seeds(20, 15).forEach(harness::library);
            harness.pipe(SPY_HOURLY);

            assertThat(values(harness.scores.readRecordsToList())).isEqualTo(expected);
            assertThat(harness.dlq.readRecordsToList()).hasSize(1);
        }
    }

    @Test
    void shouldRunAModelPerFeedIntervalAndSignalFromTheFinest() {
        List<Candle> daily = MarketData.history("SPY_D", "2024-06-01T00:00:00Z", "2025-07-01T00:00:00Z");
        try (Harness harness = real()) {
            harness.pipe(MarketData.merged(List.of(daily, SPY_HOURLY)));

            assertThat(harness.tickerStates().get("SPY|D")).isNotNull();
            assertThat(harness.tickerStates().get("SPY|1h")).isNotNull();
            List<TestRecord<String, io.edgeloop.schemas.avro.MarketSignal>> signals = harness.signals.readRecordsToList();
            long firstHour = SPY_HOURLY.get(0).openTime();
            assertThat(signals).filteredOn(r -> r.key().equals("TICKER:SPY")
                            && r.value().getTime().toEpochMilli() >= firstHour)
                    .isNotEmpty()
                    .allSatisfy(r -> assertThat(SPY_HOURLY.stream().anyMatch(c -> c.openTime()
                            == r.value().getTime().toEpochMilli())).isTrue());
        }
    }

    static Harness real() {
        StreamsSettings settings = Harness.settings();
        Harness harness = new Harness(settings, CoreTickerModels.of(settings));
        Patterns.seeds(20, 15).forEach(harness::library);
        return harness;
    }

    private static String id(ScoreSnapshot s, PredictionTrigger trigger) {
        return Calls.predictionId(s.getTicker(), io.edgeloop.core.candle.Timeframe.parse(s.getInterval()).orElseThrow(),
                s.getBarTime().toEpochMilli(), trigger);
    }

    private static boolean bull(StateQuadrant s) {
        return s == StateQuadrant.HTF_BULL_LTF_BULL || s == StateQuadrant.HTF_BULL_LTF_PULLBACK;
    }

    static <V> List<V> values(List<TestRecord<String, V>> records) {
        return records.stream().map(TestRecord::value).toList();
    }
}
