package io.edgeloop.stack.loop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.edgeloop.schemas.avro.Direction;
import io.edgeloop.schemas.avro.MarketRegime;
import io.edgeloop.schemas.avro.MarketSignal;
import io.edgeloop.schemas.avro.Outcome;
import io.edgeloop.schemas.avro.OutcomeAction;
import io.edgeloop.schemas.avro.OutcomeStatus;
import io.edgeloop.schemas.avro.SignalLabel;
import io.edgeloop.schemas.avro.SignalLevel;
import io.edgeloop.schemas.topics.Topic;
import io.edgeloop.schemas.topics.Topics;

class DemoSummaryTest {

    private final Map<String, List<ConsumerRecord<byte[], byte[]>>> topics = new HashMap<>();

    private <V> void put(Topic<String, V> topic, List<Map.Entry<String, V>> records) {
        var serializer = topic.valueSerde().serializer();
        topics.put(topic.name(), records.stream().map(e -> new ConsumerRecord<>(topic.name(), 0, 0L,
                e.getKey().getBytes(StandardCharsets.UTF_8), serializer.serialize(topic.name(), e.getValue()))).toList());
    }

    private static Outcome outcome(String id, OutcomeStatus status, Boolean hit) {
        return Outcome.newBuilder().setPredictionId(id).setTicker("XLK").setDirection(Direction.UP).setHorizonDays(5)
                .setPredictionTime(Instant.parse("2024-01-02T00:00:00Z")).setResolvedTime(Instant.parse("2024-01-09T00:00:00Z"))
                .setStatus(status).setEntryPrice(100).setHit(hit).setAction(OutcomeAction.SKIPPED).setLibraryVersion(1).build();
    }

    private static MarketSignal market(String time, MarketRegime regime) {
        return MarketSignal.newBuilder().setLevel(SignalLevel.MARKET).setKey("ALL").setTime(Instant.parse(time)).setNet(0.2)
                .setLabel(SignalLabel.BULLISH).setRegime(regime).setBullish(6).setBearish(3).setNeutral(1).setBreadthPct(60.0)
                .setRiskFlags(List.of()).build();
    }

    @Test
    void shouldSummariseTickersOutcomesAndTheLatestMarketRegime() {
        topics.put(Topics.SCORES.name(), List.of(
                new ConsumerRecord<>("scores", 0, 0L, "XLK".getBytes(StandardCharsets.UTF_8), new byte[0]),
                new ConsumerRecord<>("scores", 0, 1L, "XLK".getBytes(StandardCharsets.UTF_8), new byte[0]),
                new ConsumerRecord<>("scores", 1, 0L, "XLF".getBytes(StandardCharsets.UTF_8), new byte[0])));
        put(Topics.PREDICTIONS, List.of());
        put(Topics.OUTCOMES, List.of(Map.entry("XLK", outcome("a", OutcomeStatus.RESOLVED, true)),
                Map.entry("XLK", outcome("b", OutcomeStatus.RESOLVED, false)),
                Map.entry("XLK", outcome("c", OutcomeStatus.EXPIRED, null))));
        put(Topics.PATTERN_LIBRARY, List.of());
        put(Topics.MODEL_CHANGELOG, List.of());
        put(Topics.SIGNALS, List.of(Map.entry("MARKET:ALL", market("2024-03-01T00:00:00Z", MarketRegime.MILD_BULL)),
                Map.entry("MARKET:ALL", market("2024-02-01T00:00:00Z", MarketRegime.STRONG_BEAR))));

        List<String> lines = DemoSummary.lines(topics::get);

        assertThat(lines).contains("tickers: 2 scored, 3 score snapshots", "predictions: 0 {}",
                "outcomes: 3 {EXPIRED=1, RESOLVED=2}", "  none has enough resolved matches yet",
                "proposals: 0 pending an operator's decision, 0 auto-applied (degrades)");
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("hit rate:  50.0% [").endsWith("of 2 overall (95% Wilson interval)"));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("  UNKNOWN").contains("of 2"));
        assertThat(lines).anySatisfy(l -> assertThat(l)
                .startsWith("market regime: MILD_BULL at 2024-03-01T00:00:00Z (BULLISH, bullish breadth 60%, 6 bullish"));
    }
}
