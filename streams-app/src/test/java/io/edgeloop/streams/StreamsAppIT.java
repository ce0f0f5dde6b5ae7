package io.edgeloop.streams;

import io.edgeloop.core.candle.Candle;
import io.edgeloop.schemas.avro.AssetClass;
import io.edgeloop.schemas.avro.DeadLetter;
import io.edgeloop.schemas.avro.SessionCalendar;
import io.edgeloop.schemas.avro.TickerReference;
import io.edgeloop.schemas.topics.Topic;
import io.edgeloop.schemas.topics.Topics;
import io.edgeloop.testsupport.Await;
import io.edgeloop.testsupport.KafkaTest;
import io.edgeloop.testsupport.KafkaTestContext;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The app on a real embedded broker, exactly-once: real daily candles of ten tickers in, scores,
 * predictions, trades and signals out; an undecodable record goes to the dead letter queue; a
 * run stopped mid-stream and restarted from its changelogs (local state wiped) writes exactly
 * what an uninterrupted run writes, with no record lost or repeated.
 */
@KafkaTest
class StreamsAppIT {

    private static final List<String> TICKERS = List.of("SPY", "QQQ", "IWM", "NVDA", "TSLA", "GLD", "XLE", "USO",
            "UNH", "MSTR");
    private static final List<Topic<String, ?>> OUTPUTS = List.of(Topics.SCORES, Topics.PREDICTIONS, Topics.TRADES,
            Topics.SIGNALS, Topics.CANDLES_DLQ);
    private static final Duration TIMEOUT = Duration.ofMinutes(3);

    @Test
    void shouldGiveTheSameOutputsWhenRestartedMidStreamAsWhenRunUninterrupted(KafkaTestContext kafka)
            throws Exception {
        List<Candle> candles = MarketData.merged(TICKERS.stream()
                .map(t -> MarketData.history(t + "_D", "2019-01-01T00:00:00Z", "2026-07-01T00:00:00Z")).toList());
        long lastBar = candles.get(candles.size() - 1).openTime();
        publish(kafka, candles);

        Map<TopicPartition, Long> start = endOffsets(kafka);
        Run uninterrupted = new Run(kafka, "streams-it-a");
        uninterrupted.start();
        uninterrupted.awaitAccepted(candles.size(), lastBar);
        checkQueries(uninterrupted);
        uninterrupted.close();
        Map<TopicPartition, Long> middle = endOffsets(kafka);
        Map<String, List<String>> first = read(kafka, start, middle);

        Run restarted = new Run(kafka, "streams-it-b");
        restarted.start();
        Await.until(() -> restarted.accepted() >= candles.size() / 2, TIMEOUT,
                () -> "run b accepted " + restarted.accepted() + " of " + candles.size() / 2 + " before the stop");
        restarted.close();
        restarted.wipeLocalState();
        restarted.start();
        restarted.awaitAccepted(candles.size() - restarted.acceptedBefore(), lastBar);
        restarted.close();
        Map<String, List<String>> second = read(kafka, middle, endOffsets(kafka));

        assertThat(first.get(Topics.SCORES.name())).hasSize(candles.size());
        assertThat(first.get(Topics.PREDICTIONS.name())).isNotEmpty();
        assertThat(first.get(Topics.TRADES.name())).isNotEmpty();
        assertThat(first.get(Topics.SIGNALS.name())).anyMatch(s -> s.startsWith("MARKET:ALL"))
                .anyMatch(s -> s.startsWith("SECTOR:")).anyMatch(s -> s.startsWith("TICKER:SPY"));
        assertThat(first.get(Topics.CANDLES_DLQ.name())).hasSize(1);
        for (Topic<String, ?> topic : OUTPUTS) {
            if (topic != Topics.CANDLES_DLQ) {
                assertThat(second.get(topic.name())).as(topic.name()).isEqualTo(first.get(topic.name()));
            }
        }
        assertThat(second.get(Topics.CANDLES_DLQ.name())).hasSize(1);
    }

    /** The query API of a finished run answers for its tickers, the breadth and its health. */
    private static void checkQueries(Run run) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        String base = "http://localhost:" + run.handle.httpPort();
        HttpResponse<String> ticker = http.send(HttpRequest.newBuilder(URI.create(base + "/model/tickers/SPY")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(ticker.statusCode()).as(ticker.body()).isEqualTo(200);
        assertThat(ticker.body()).contains("\"ticker\":\"SPY\"").contains("\"interval\":\"D\"").contains("\"stage\"");
        HttpResponse<String> market = http.send(HttpRequest.newBuilder(URI.create(base + "/model/signals?level=market"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(market.body()).contains("\"level\":\"MARKET\"").contains("\"regime\"");
        HttpResponse<String> tickers = http.send(HttpRequest.newBuilder(URI.create(base + "/model/signals?level=ticker"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(tickers.body()).contains("\"key\":\"MSTR\"");
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(base + "/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(health.body()).contains("\"state\":\"RUNNING\"").contains("\"accepted\"");
        HttpResponse<String> unknown = http.send(HttpRequest.newBuilder(URI.create(base + "/model/signals?level=planet"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(unknown.statusCode()).isEqualTo(400);
    }

    private static void publish(KafkaTestContext kafka, List<Candle> candles) {
        List<Map.Entry<String, TickerReference>> refs = new ArrayList<>();
        for (String t : TICKERS) {
            refs.add(Map.entry(t, new TickerReference(t, List.of("SPY", "QQQ", "IWM", "GLD", "USO").contains(t) ? "ETF"
                    : t.equals("XLE") ? "Energy" : t.equals("UNH") ? "Health Care" : "Information Technology",
                    AssetClass.EQUITY, SessionCalendar.US_EQUITY, null)));
        }
        kafka.produce(Topics.REFERENCE_TICKERS.name(), new StringSerializer(),
                Topics.REFERENCE_TICKERS.valueSerde().serializer(), refs);
        List<Map.Entry<byte[], byte[]>> raw = new ArrayList<>();
        var serializer = Topics.CANDLES.valueSerde().serializer();
        for (int i = 0; i < candles.size(); i++) {
            Candle c = candles.get(i);
            raw.add(Map.entry(c.ticker().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    serializer.serialize(Topics.CANDLES.name(), MarketData.avro(c))));
            if (i == candles.size() / 3) {
                raw.add(Map.entry("SPY".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        new byte[] {(byte) 0xC3, 0x01, 9, 9, 9, 9, 9, 9, 9, 9, 1}));
            }
        }
        kafka.produce(Topics.CANDLES.name(), new ByteArraySerializer(), new ByteArraySerializer(), raw);
    }

    private static Map<TopicPartition, Long> endOffsets(KafkaTestContext kafka) {
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(kafka)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (Topic<String, ?> topic : OUTPUTS) {
                consumer.partitionsFor(topic.name()).forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
            }
            return consumer.endOffsets(partitions);
        }
    }

    /**
     * Every committed record between two offset maps, as sorted "key value" lines per topic, so
     * two runs compare regardless of how their partitions interleaved.
     */
    private static Map<String, List<String>> read(KafkaTestContext kafka, Map<TopicPartition, Long> from,
                                                  Map<TopicPartition, Long> to) {
        Map<String, List<String>> out = new HashMap<>();
        OUTPUTS.forEach(t -> out.put(t.name(), new ArrayList<>()));
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(kafka)) {
            for (Map.Entry<TopicPartition, Long> e : from.entrySet()) {
                TopicPartition tp = e.getKey();
                long end = to.get(tp);
                consumer.assign(List.of(tp));
                consumer.seek(tp, e.getValue());
                Topic<String, ?> topic = OUTPUTS.stream().filter(t -> t.name().equals(tp.topic())).findFirst().orElseThrow();
                List<String> lines = new ArrayList<>();
                Await.until(() -> {
                    for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                        lines.add(line(topic, r));
                    }
                    return consumer.position(tp) >= end;
                }, TIMEOUT, () -> tp + " read " + lines.size() + " records up to " + consumer.position(tp) + " of " + end);
                out.get(tp.topic()).addAll(lines);
            }
        }
        out.replaceAll((t, lines) -> lines.stream().sorted().toList());
        return out;
    }

    private static String line(Topic<String, ?> topic, ConsumerRecord<byte[], byte[]> r) {
        String key = topic.keySerde().deserializer().deserialize(topic.name(), r.key());
        Object value = r.value() == null ? null : topic.valueSerde().deserializer().deserialize(topic.name(), r.value());
        if (value instanceof DeadLetter letter) {
            return key + " " + letter.getSourceTopic() + "@" + letter.getOffset() + " " + letter.getErrorClass();
        }
        return key + " " + value;
    }

    private static KafkaConsumer<byte[], byte[]> consumer(KafkaTestContext kafka) {
        return new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new org.apache.kafka.common.serialization.ByteArrayDeserializer(),
                new org.apache.kafka.common.serialization.ByteArrayDeserializer());
    }

    /** One app id's run; it can be stopped and started again. */
    private static final class Run {
        private final StreamsSettings settings;
        private StreamsApp.Handle handle;
        private double before;

        Run(KafkaTestContext kafka, String prefix) {
            Map<String, Object> props = new HashMap<>();
            kafka.streamsProperties(prefix).forEach((k, v) -> props.put(k.toString(), v));
            props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 2);
            props.put(StreamsConfig.producerPrefix("max.in.flight.requests.per.connection"), 1);
            settings = StreamsSettings.defaults(props).withClock(Harness.CLOCK).withBreadthIdle(Duration.ofSeconds(3));
        }

        void start() {
            handle = StreamsApp.start(settings, "localhost", 0, TestModels.models());
            Await.until(() -> handle.streams().state() == KafkaStreams.State.RUNNING, TIMEOUT,
                    () -> "streams state " + handle.streams().state());
        }

        double accepted() {
            return handle.streams().metrics().entrySet().stream()
                    .filter(e -> e.getKey().group().equals(IngestCounters.GROUP)
                            && e.getKey().name().equals("accepted-total"))
                    .mapToDouble(e -> (Double) e.getValue().metricValue()).sum();
        }

        double acceptedBefore() {
            return before;
        }

        /** Waits until this start accepted {@code count} candles and breadth was emitted through the last bar. */
        void awaitAccepted(double count, long lastBar) {
            Await.until(() -> accepted() >= count, TIMEOUT, () -> "accepted " + accepted() + " of " + count);
            Await.until(() -> emittedThrough() >= lastBar, TIMEOUT,
                    () -> "breadth emitted through " + emittedThrough() + ", last bar " + lastBar);
        }

        private long emittedThrough() {
            try {
                ReadOnlyKeyValueStore<String, byte[]> store = handle.streams().store(StoreQueryParameters
                        .fromNameAndType(Names.BREADTH_STORE, QueryableStoreTypes.<String, byte[]>keyValueStore()));
                byte[] value = store.get(BreadthState.EMITTED);
                return value == null ? Long.MIN_VALUE : BreadthState.time(value);
            } catch (RuntimeException e) {
                return Long.MIN_VALUE;
            }
        }

        void close() {
            before = accepted();
            handle.close();
        }

        void wipeLocalState() throws IOException {
            Path dir = Path.of(settings.streams().get(StreamsConfig.STATE_DIR_CONFIG).toString());
            if (Files.exists(dir)) {
                try (Stream<Path> paths = Files.walk(dir)) {
                    for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            }
        }
    }
}
