package io.edgeloop.streams;

import io.edgeloop.core.config.AppConfig;
import io.edgeloop.embedded.Directories;
import io.edgeloop.schemas.avro.DeadLetter;
import io.edgeloop.schemas.topics.Topic;
import io.edgeloop.schemas.topics.Topics;
import io.edgeloop.testsupport.Await;
import io.edgeloop.testsupport.ChildJvm;
import io.edgeloop.testsupport.KafkaTestContext;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

/**
 * One application id's run of the app on the test broker (it can be stopped and started again),
 * and reading the outputs two runs wrote, for the integration tests.
 */
final class StreamsRun {

    static final Duration TIMEOUT = Duration.ofMinutes(3);

    private final StreamsSettings settings;
    /** The Kafka settings the run was made with (before the app's defaults), for {@link #startChild}. */
    private final Map<String, Object> kafkaSettings;
    private final String bootstrap;
    StreamsApp.Handle handle;

    /**
     * @param idle {@code signals.breadth.idle}: the wall-clock release of a silent candle partition
     */
    StreamsRun(KafkaTestContext kafka, String prefix, Duration idle) {
        Map<String, Object> props = new HashMap<>();
        kafka.streamsProperties(prefix).forEach((k, v) -> props.put(k.toString(), v));
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 2);
        settings = StreamsSettings.defaults(props).withClock(Harness.CLOCK).withBreadthIdle(idle);
        kafkaSettings = Map.copyOf(props);
        bootstrap = kafka.bootstrapServers();
    }

    /**
     * Starts this run's app in a child JVM, as it is deployed ({@link StreamsApp#main} with
     * {@code --set} flags, on the test's classpath): the same application id, state directory,
     * stream threads and breadth idle as {@link #start}, with {@code kafka} settings over them;
     * its candle validation uses the system clock, not the test's fixed one.
     * Its log goes to {@code log}; the caller ends the process.
     */
    Process startChild(Path log, Map<String, String> kafka) throws IOException {
        List<String> args = new ArrayList<>(List.of("--set", StreamsOptions.HTTP_PORT.name() + "=0",
                "--set", StreamsOptions.BREADTH_IDLE.name() + "=" + settings.breadthIdle()));
        Map<String, Object> merged = new HashMap<>(kafkaSettings);
        merged.putAll(kafka);
        merged.forEach((key, value) -> args.addAll(List.of("--set", AppConfig.KAFKA_PREFIX + key + "=" + value)));
        return ChildJvm.start(StreamsApp.class, args, log);
    }

    void start() {
        handle = StreamsApp.start(settings, "localhost", 0, CoreTickerModels.of(settings));
        Await.until(() -> handle.streams().state() == KafkaStreams.State.RUNNING, TIMEOUT,
                () -> "streams state " + handle.streams().state());
    }

    double accepted() {
        return handle.streams().metrics().entrySet().stream()
                .filter(e -> e.getKey().group().equals(IngestCounters.GROUP)
                        && e.getKey().name().equals("accepted-total"))
                .mapToDouble(e -> (Double) e.getValue().metricValue()).sum();
    }

    /**
     * Waits until the group committed every candle, input mark and breadth vote, and breadth
     * applied every vote (the last ones after every partition's end mark, or the idle release).
     */
    void awaitCaughtUp() {
        Await.until(() -> lag() == 0, TIMEOUT, () -> "lag " + lag());
        Await.until(() -> pendingVotes() == 0, TIMEOUT, () -> pendingVotes() + " breadth votes pending");
        Await.until(() -> lag() == 0, TIMEOUT, () -> "lag after the breadth flush " + lag());
    }

    /** Candles, input marks and breadth votes not yet committed by this run's group. */
    long lag() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(settings.applicationId())
                    .partitionsToOffsetAndMetadata().get();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (Topic<?, ?> input : List.of(Topics.CANDLES, Topics.STREAMS_CONTROL)) {
                for (int p = 0; p < input.partitions(); p++) {
                    latest.put(new TopicPartition(input.name(), p), OffsetSpec.latest());
                }
            }
            latest.put(new TopicPartition(settings.applicationId() + "-" + Names.BREADTH_REPARTITION
                    + "-repartition", 0), OffsetSpec.latest());
            Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
            latest.keySet().forEach(tp -> earliest.put(tp, OffsetSpec.earliest()));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> start = admin.listOffsets(earliest).all().get();
            long lag = 0;
            for (Map.Entry<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> e
                    : admin.listOffsets(latest).all().get().entrySet()) {
                OffsetAndMetadata done = committed.get(e.getKey());
                lag += e.getValue().offset() - (done == null ? start.get(e.getKey()).offset() : done.offset());
            }
            return lag;
        } catch (ExecutionException e) {
            return Long.MAX_VALUE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Long.MAX_VALUE;
        }
    }

    long pendingVotes() {
        try {
            ReadOnlyKeyValueStore<String, byte[]> store = handle.streams().store(StoreQueryParameters
                    .fromNameAndType(Names.BREADTH_STORE, QueryableStoreTypes.<String, byte[]>keyValueStore()));
            long n = 0;
            try (var it = store.range(BreadthState.PENDING, BreadthState.PENDING + BreadthState.END)) {
                while (it.hasNext()) {
                    it.next();
                    n++;
                }
            }
            return n;
        } catch (RuntimeException e) {
            return Long.MAX_VALUE;
        }
    }

    void close() {
        handle.close();
    }

    void wipeLocalState() {
        Directories.deleteRecursively(Path.of(settings.streams().get(StreamsConfig.STATE_DIR_CONFIG).toString()));
    }

    /** The end offsets of every partition of the topics. */
    static Map<TopicPartition, Long> endOffsets(KafkaTestContext kafka, List<Topic<String, ?>> topics) {
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(kafka)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (Topic<String, ?> topic : topics) {
                consumer.partitionsFor(topic.name()).forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
            }
            return consumer.endOffsets(partitions);
        }
    }

    /**
     * Every committed record between two offset maps, as sorted "key value" lines per topic, so
     * two runs compare regardless of how their partitions interleaved.
     */
    static Map<String, List<String>> read(KafkaTestContext kafka, List<Topic<String, ?>> topics,
                                          Map<TopicPartition, Long> from, Map<TopicPartition, Long> to) {
        Map<String, List<String>> out = new HashMap<>();
        topics.forEach(t -> out.put(t.name(), new ArrayList<>()));
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(kafka)) {
            for (Map.Entry<TopicPartition, Long> e : from.entrySet()) {
                TopicPartition tp = e.getKey();
                long end = to.get(tp);
                consumer.assign(List.of(tp));
                consumer.seek(tp, e.getValue());
                Topic<String, ?> topic = topics.stream().filter(t -> t.name().equals(tp.topic())).findFirst().orElseThrow();
                List<String> lines = new ArrayList<>();
                Await.until(() -> {
                    for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                        if (r.offset() < end) {
                            lines.add(line(topic, r));
                        }
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
}
