package io.edgeloop.resolver;

import io.edgeloop.schemas.avro.ApprovalDecision;
import io.edgeloop.schemas.avro.Candle;
import io.edgeloop.schemas.avro.DeadLetter;
import io.edgeloop.schemas.avro.ModelChange;
import io.edgeloop.schemas.avro.Outcome;
import io.edgeloop.schemas.avro.PatternDefinition;
import io.edgeloop.schemas.avro.Prediction;
import io.edgeloop.schemas.avro.Trade;
import io.edgeloop.schemas.topics.Topic;
import io.edgeloop.schemas.topics.Topics;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The resolver topology on a {@link TopologyTestDriver}, with a restart that behaves like the
 * real one: the driver wipes its state directory on close, so a restart rebuilds every store
 * from its changelog topic as recorded so far, exactly what Kafka Streams restores after a crash
 * or on another instance (with exactly-once, the changelog holds only committed writes).
 */
final class ResolverDriver implements AutoCloseable {

    static final Instant WALL_CLOCK = Instant.parse("2026-01-05T12:00:00Z");
    /** The keeper's learning topic (the repartition topic the outcome tasks write). */
    static final String LEARNING_TOPIC = StreamsDefaults.APPLICATION_ID + "-learning-repartition";

    private final Topology topology;
    private final Properties props;
    private final List<StoreSpec<?, ?>> stores;
    private final Map<String, Map<Object, Object>> changelogs = new LinkedHashMap<>();
    private final List<Outcome> outcomes = new ArrayList<>();
    private final List<DeadLetter> deadLetters = new ArrayList<>();
    private TopologyTestDriver driver;
    private TestInputTopic<String, Prediction> predictionInput;
    private TestInputTopic<String, Candle> candleInput;
    private TestInputTopic<String, Trade> tradeInput;
    private TestInputTopic<String, Long> controlInput;
    private TestInputTopic<String, byte[]> rawCandleInput;
    private TestInputTopic<String, byte[]> learningInput;
    private TestOutputTopic<String, Outcome> outcomeOutput;
    private TestOutputTopic<String, DeadLetter> deadLetterOutput;
    private TestInputTopic<String, ModelChange> changelogInput;
    private TestInputTopic<String, ApprovalDecision> approvalInput;
    private TestOutputTopic<String, PatternDefinition> libraryOutput;
    private TestOutputTopic<String, ModelChange> changelogOutput;
    private final List<KeyValue<String, PatternDefinition>> libraryRecords = new ArrayList<>();
    private final List<TestRecord<String, ModelChange>> changelogRecords = new ArrayList<>();
    private int restarts;

    ResolverDriver(ResolverConfig config, Path stateDir) {
        this.topology = ResolverTopology.build(config);
        this.stores = ResolverStores.ALL;
        this.props = new Properties();
        props.putAll(StreamsDefaults.all());
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        open();
    }

    private void open() {
        driver = new TopologyTestDriver(topology, props, WALL_CLOCK.plusSeconds(restarts * 3600L));
        predictionInput = input(Topics.PREDICTIONS);
        candleInput = input(Topics.CANDLES);
        tradeInput = input(Topics.TRADES);
        controlInput = input(Topics.RESOLVER_CONTROL);
        rawCandleInput = driver.createInputTopic(Topics.CANDLES.name(), Topics.CANDLES.keySerde().serializer(),
                new org.apache.kafka.common.serialization.ByteArraySerializer());
        learningInput = driver.createInputTopic(LEARNING_TOPIC, Topics.OUTCOMES.keySerde().serializer(),
                new org.apache.kafka.common.serialization.ByteArraySerializer());
        outcomeOutput = driver.createOutputTopic(Topics.OUTCOMES.name(), Topics.OUTCOMES.keySerde().deserializer(),
                Topics.OUTCOMES.valueSerde().deserializer());
        deadLetterOutput = driver.createOutputTopic(Topics.CANDLES_DLQ.name(),
                Topics.CANDLES_DLQ.keySerde().deserializer(), Topics.CANDLES_DLQ.valueSerde().deserializer());
        changelogInput = input(Topics.MODEL_CHANGELOG);
        approvalInput = input(Topics.APPROVALS);
        libraryOutput = output(Topics.PATTERN_LIBRARY);
        changelogOutput = output(Topics.MODEL_CHANGELOG);
        for (StoreSpec<?, ?> spec : stores) {
            restore(spec);
        }
    }

    private <V> TestOutputTopic<String, V> output(Topic<String, V> topic) {
        return driver.createOutputTopic(topic.name(), topic.keySerde().deserializer(), topic.valueSerde().deserializer());
    }

    void propose(ModelChange change) {
        changelogInput.pipeInput(change.getId(), change, change.getProposedAt());
    }

    /** A changelog record as the keeper itself writes it (with its writer header). */
    void echo(TestRecord<String, ModelChange> written) {
        changelogInput.pipeInput(written);
    }

    void decide(ApprovalDecision decision) {
        approvalInput.pipeInput(decision.getChangeId(), decision, decision.getDecidedAt());
    }

    void advanceWallClock(java.time.Duration by) {
        driver.advanceWallClockTime(by);
    }

    /** Every pattern-library record so far (null value = tombstone), across restarts. */
    List<KeyValue<String, PatternDefinition>> library() {
        libraryRecords.addAll(libraryOutput.readKeyValuesToList());
        return List.copyOf(libraryRecords);
    }

    /** Every model-changelog record the keeper wrote so far, with headers, across restarts. */
    List<TestRecord<String, ModelChange>> changelogRecords() {
        changelogRecords.addAll(changelogOutput.readRecordsToList());
        return List.copyOf(changelogRecords);
    }

    /** Every model-changelog value the keeper wrote so far. */
    List<ModelChange> changelog() {
        return changelogRecords().stream().map(TestRecord::value).toList();
    }

    private <V> TestInputTopic<String, V> input(Topic<String, V> topic) {
        return driver.createInputTopic(topic.name(), topic.keySerde().serializer(), topic.valueSerde().serializer());
    }

    void predict(Prediction p) {
        predictionInput.pipeInput(p.getTicker(), p);
    }

    void candle(io.edgeloop.core.candle.Candle c) {
        candleInput.pipeInput(c.ticker(), TestRecords.candle(c));
    }

    void candles(List<io.edgeloop.core.candle.Candle> bars) {
        bars.forEach(this::candle);
    }

    void candle(String key, Candle c) {
        candleInput.pipeInput(key, c);
    }

    void rawCandle(String key, byte[] value) {
        rawCandleInput.pipeInput(key, value);
    }

    void trade(Trade t) {
        tradeInput.pipeInput(t.getTicker(), t);
    }

    void resolveDue(String who, long asOf) {
        controlInput.pipeInput(who, asOf);
    }

    /**
     * A resolve-due request at the current stream time: every outcome task's progress mark moves
     * to it, so the keeper learns every outcome resolved so far.
     */
    void learnAll() {
        resolveDue("learn-all", 0);
    }

    /** A record on the keeper's learning topic as an outcome task would write it (raw bytes, any format). */
    void learning(String key, byte[] value, long timestamp) {
        learningInput.pipeInput(key, value, timestamp);
    }

    /** Every outcome emitted so far, across restarts. */
    List<Outcome> outcomes() {
        outcomes.addAll(outcomeOutput.readValuesToList());
        return List.copyOf(outcomes);
    }

    List<DeadLetter> deadLetters() {
        deadLetters.addAll(deadLetterOutput.readValuesToList());
        return List.copyOf(deadLetters);
    }

    <K, V> KeyValueStore<K, V> store(StoreSpec<K, V> spec) {
        return driver.getKeyValueStore(spec.name());
    }

    <K, V> Map<K, V> contents(StoreSpec<K, V> spec) {
        Map<K, V> out = new LinkedHashMap<>();
        try (var it = store(spec).all()) {
            it.forEachRemaining(kv -> out.put(kv.key, kv.value));
        }
        return out;
    }

    TopologyTestDriver driver() {
        return driver;
    }

    /** Stops the app and starts it again from its changelogs. */
    void restart() {
        outcomes();
        deadLetters();
        library();
        changelogRecords();
        for (StoreSpec<?, ?> spec : stores) {
            capture(spec);
        }
        driver.close();
        restarts++;
        open();
    }

    /**
     * Stops the app and starts it again from its changelogs, with this store new and empty, as
     * after an upgrade that adds it.
     */
    void upgradeAdding(StoreSpec<?, ?> added) {
        restart();
        changelogs.remove(added.name());
        List<Object> keys = new ArrayList<>(contents(added).keySet());
        @SuppressWarnings("unchecked")
        KeyValueStore<Object, ?> store = (KeyValueStore<Object, ?>) store(added);
        keys.forEach(store::delete);
    }

    private <K, V> void capture(StoreSpec<K, V> spec) {
        String topic = props.get(StreamsConfig.APPLICATION_ID_CONFIG) + "-" + spec.name() + "-changelog";
        if (!driver.producedTopicNames().contains(topic)) {
            return;
        }
        TestOutputTopic<K, V> changelog = driver.createOutputTopic(topic, spec.keySerde().deserializer(),
                spec.valueSerde().deserializer());
        Map<Object, Object> latest = changelogs.computeIfAbsent(spec.name(), n -> new LinkedHashMap<>());
        for (KeyValue<K, V> kv : changelog.readKeyValuesToList()) {
            if (kv.value == null) {
                latest.remove(kv.key);
            } else {
                latest.put(kv.key, kv.value);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private <K, V> void restore(StoreSpec<K, V> spec) {
        Map<Object, Object> latest = changelogs.get(spec.name());
        if (latest == null) {
            return;
        }
        KeyValueStore<K, V> store = driver.getKeyValueStore(spec.name());
        latest.forEach((k, v) -> store.put((K) k, (V) v));
    }

    @Override
    public void close() {
        driver.close();
    }
}
