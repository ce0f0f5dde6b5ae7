package io.edgeloop.streams;

import io.edgeloop.core.candle.Candle;
import io.edgeloop.schemas.avro.DeadLetter;
import io.edgeloop.schemas.avro.MarketSignal;
import io.edgeloop.schemas.avro.PatternDefinition;
import io.edgeloop.schemas.avro.Prediction;
import io.edgeloop.schemas.avro.ScoreSnapshot;
import io.edgeloop.schemas.avro.TickerReference;
import io.edgeloop.schemas.avro.Trade;
import io.edgeloop.schemas.topics.Topic;
import io.edgeloop.schemas.topics.Topics;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.apache.kafka.streams.state.KeyValueStore;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A {@link TopologyTestDriver} around the streams topology with the catalog's topics: pipe the
 * global tables first (reference data, the library), then candles; read every output.
 */
final class Harness implements AutoCloseable {

    /** "Now" of the candle validator: after every bar in the shared data. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-31T00:00:00Z"), ZoneOffset.UTC);

    final StreamsSettings settings;
    final TopologyTestDriver driver;
    private final TestInputTopic<String, io.edgeloop.schemas.avro.Candle> candles;
    private final TestInputTopic<byte[], byte[]> rawCandles;
    private final TestInputTopic<byte[], byte[]> rawControl;
    private final TestInputTopic<String, TickerReference> reference;
    private final TestInputTopic<String, PatternDefinition> library;
    final TestOutputTopic<String, ScoreSnapshot> scores;
    final TestOutputTopic<String, Prediction> predictions;
    final TestOutputTopic<String, Trade> trades;
    final TestOutputTopic<String, MarketSignal> signals;
    final TestOutputTopic<String, DeadLetter> dlq;

    Harness(TickerModels models) {
        this(settings(), models);
    }

    Harness(StreamsSettings settings, TickerModels models) {
        this.settings = settings;
        driver = new TopologyTestDriver(StreamsTopology.build(settings, models), settings.streamsProperties());
        candles = input(Topics.CANDLES);
        rawCandles = driver.createInputTopic(Topics.CANDLES.name(), new ByteArraySerializer(), new ByteArraySerializer());
        rawControl = driver.createInputTopic(Topics.STREAMS_CONTROL.name(), new ByteArraySerializer(),
                new ByteArraySerializer());
        reference = input(Topics.REFERENCE_TICKERS);
        library = input(Topics.PATTERN_LIBRARY);
        scores = output(Topics.SCORES);
        predictions = output(Topics.PREDICTIONS);
        trades = output(Topics.TRADES);
        signals = output(Topics.SIGNALS);
        dlq = output(Topics.CANDLES_DLQ);
    }

    /**
     * Settings of a test: a unique application id, a private state directory, the fixed clock,
     * and one candle partition (the driver reads every topic as one partition).
     */
    static StreamsSettings settings() {
        try {
            Path state = Files.createTempDirectory(Path.of(System.getProperty("basedir", ".")).resolve("target"),
                    "ttd-state-");
            return StreamsSettings.defaults(Map.of(
                    StreamsConfig.APPLICATION_ID_CONFIG, "streams-test-" + UUID.randomUUID().toString().substring(0, 8),
                    StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092",
                    StreamsConfig.STATE_DIR_CONFIG, state.toString())).withClock(CLOCK).withCandlePartitions(1);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    void pipe(Candle candle) {
        candles.pipeInput(candle.ticker(), MarketData.avro(candle), Instant.parse("2026-07-01T00:00:00Z"));
    }

    void pipe(List<Candle> list) {
        list.forEach(this::pipe);
    }

    void pipe(String key, io.edgeloop.schemas.avro.Candle candle) {
        candles.pipeInput(key, candle);
    }

    void pipeRaw(byte[] key, byte[] value) {
        rawCandles.pipeInput(key, value);
    }

    /** Raw bytes on {@code streams.control}, the input marks' topic. */
    void pipeRawControl(byte[] key, byte[] value) {
        rawControl.pipeInput(key, value);
    }

    void reference(TickerReference ref) {
        reference.pipeInput(ref.getTicker(), ref);
    }

    void library(PatternDefinition pattern) {
        library.pipeInput(pattern.getId(), pattern);
    }

    void deletePattern(String id) {
        library.pipeInput(id, null);
    }

    KeyValueStore<String, byte[]> tickerStates() {
        return driver.getKeyValueStore(Names.TICKER_STATE_STORE);
    }

    KeyValueStore<String, ScoreSnapshot> latest() {
        return driver.getKeyValueStore(Names.LATEST_STORE);
    }

    KeyValueStore<String, byte[]> breadth() {
        return driver.getKeyValueStore(Names.BREADTH_STORE);
    }

    /** The value of a candle counter ({@code accepted}, {@code duplicate} ...), summed over tasks. */
    double counter(String outcome) {
        return driver.metrics().entrySet().stream()
                .filter(e -> e.getKey().group().equals(IngestCounters.GROUP)
                        && e.getKey().name().equals(outcome + "-total"))
                .mapToDouble(e -> (Double) e.getValue().metricValue()).sum();
    }

    static <V> List<TestRecord<String, V>> drain(TestOutputTopic<String, V> topic) {
        return topic.readRecordsToList();
    }

    private <V> TestInputTopic<String, V> input(Topic<String, V> topic) {
        return driver.createInputTopic(topic.name(), new StringSerializer(), topic.valueSerde().serializer());
    }

    private <V> TestOutputTopic<String, V> output(Topic<String, V> topic) {
        return driver.createOutputTopic(topic.name(), topic.keySerde().deserializer(), topic.valueSerde().deserializer());
    }

    @Override
    public void close() {
        driver.close();
    }
}
