package io.edgeloop.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import io.edgeloop.embedded.TopicSetup;
import io.edgeloop.schemas.topics.Topic;

/**
 * What one test gets from {@link KafkaBrokerExtension}: the class's broker address, application
 * ids no other test uses, its own temporary directory, and produce/consume helpers that wait on
 * a condition (with a diagnostic message) instead of sleeping.
 */
public final class KafkaTestContext {

    private final ClassBroker broker;
    private final String testName;
    private Path tempDir;

    KafkaTestContext(ClassBroker broker, String testName) {
        this.broker = broker;
        this.testName = testName;
    }

    /** {@code host:port} of the broker, for {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return broker.kafka().bootstrapServers();
    }

    /**
     * A new {@code application.id} (or {@code group.id}) on every call:
     * {@code prefix-testMethod-xxxxxxxx}.
     *
     * @param prefix letters, digits, {@code . _ -}
     */
    public String uniqueAppId(String prefix) {
        return AppIds.unique(prefix, testName);
    }

    /**
     * Kafka Streams settings for a fresh app: a unique {@code application.id}, this broker, and a
     * {@code state.dir} inside {@link #tempDir()}. Callers add serdes and the rest.
     */
    public Properties streamsProperties(String appIdPrefix) {
        String appId = uniqueAppId(appIdPrefix);
        Properties props = new Properties();
        props.put("application.id", appId);
        props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        props.put("state.dir", tempDir().resolve("state-" + appId).toString());
        return props;
    }

    /** Creates topics that are missing (the catalog topics exist already) and checks existing ones. */
    public TopicSetup createTopics(Collection<? extends Topic<?, ?>> topics) {
        return broker.kafka().createTopics(topics);
    }

    /**
     * This test's own directory under the module's {@code target/}; the same one on every call,
     * deleted with the broker after the class.
     */
    public synchronized Path tempDir() {
        if (tempDir == null) {
            try {
                Files.createDirectories(broker.testsDir());
                tempDir = Files.createTempDirectory(broker.testsDir(), testName + "-");
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create a test directory in " + broker.testsDir(), e);
            }
        }
        return tempDir;
    }

    /** Sends string records (key, value; a null value is a tombstone) and waits for every ack. */
    public void produce(String topic, List<Map.Entry<String, String>> records) {
        produce(topic, new StringSerializer(), new StringSerializer(), records);
    }

    /**
     * Sends records with the given serializers (acks=all, idempotent, so each partition keeps the
     * order of the list) and waits for every ack. All are sent before the first wait: waiting for
     * each ack in turn costs a linger and a round trip per record (Kafka's {@code linger.ms} is 5 ms
     * by default, so 20,000 candles took over a minute and a half).
     */
    public <K, V> void produce(String topic, Serializer<K> keySerializer, Serializer<V> valueSerializer,
                               List<Map.Entry<K, V>> records) {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 15_000);
        try (KafkaProducer<K, V> producer = new KafkaProducer<>(config, keySerializer, valueSerializer)) {
            List<Future<RecordMetadata>> acks = new ArrayList<>(records.size());
            for (Map.Entry<K, V> record : records) {
                acks.add(producer.send(new ProducerRecord<>(topic, record.getKey(), record.getValue())));
            }
            for (Future<RecordMetadata> ack : acks) {
                ack.get();
            }
        } catch (ExecutionException e) {
            throw new AssertionError("producing to " + topic + " failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while producing to " + topic, e);
        }
    }

    /**
     * The sum over a topic's partitions of their end offsets: the high watermark
     * ({@code READ_UNCOMMITTED}: records of open and aborted transactions and transaction markers
     * counted), or the last stable offset ({@code READ_COMMITTED}: up to the first record of the
     * oldest open transaction).
     */
    public long endOffsetSum(Topic<?, ?> topic, IsolationLevel isolation) {
        return endOffsetSum(topic.name(), topic.partitions(), isolation);
    }

    /** {@link #endOffsetSum(Topic, IsolationLevel)} of a topic outside the catalog (an app's internal topic). */
    public long endOffsetSum(String topic, int partitions, IsolationLevel isolation) {
        return endOffsets(topic, partitions, isolation).values().stream().mapToLong(Long::longValue).sum();
    }

    /** Each partition's end offset, as {@link #endOffsetSum(Topic, IsolationLevel)} takes them. */
    public Map<TopicPartition, Long> endOffsets(Topic<?, ?> topic, IsolationLevel isolation) {
        return endOffsets(topic.name(), topic.partitions(), isolation);
    }

    private Map<TopicPartition, Long> endOffsets(String topic, int partitions, IsolationLevel isolation) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (int p = 0; p < partitions; p++) {
                latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
            }
            Map<TopicPartition, Long> ends = new HashMap<>();
            admin.listOffsets(latest, new ListOffsetsOptions(isolation)).all().get()
                    .forEach((tp, info) -> ends.put(tp, info.offset()));
            return ends;
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot list the end offsets of " + topic, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while listing the end offsets of " + topic, e);
        }
    }

    /** {@link #consumeUntil(String, int, Duration, Deserializer, Deserializer)} with string keys and values. */
    public List<ConsumerRecord<String, String>> consumeUntil(String topic, int count, Duration timeout) {
        return consumeUntil(topic, count, timeout, new StringDeserializer(), new StringDeserializer());
    }

    /**
     * Reads {@code topic} from the beginning of every partition (no consumer group, committed
     * records only) until at least {@code count} records arrived, then on to the partitions' end
     * offsets at that moment, so a caller that expects exactly {@code count} sees any extra
     * (duplicate) record too.
     *
     * @return the records in arrival order (per-partition order is kept)
     * @throws AssertionError after {@code timeout}, naming how many records arrived and their keys
     */
    public <K, V> List<ConsumerRecord<K, V>> consumeUntil(String topic, int count, Duration timeout,
                                                          Deserializer<K> keyDeserializer,
                                                          Deserializer<V> valueDeserializer) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<ConsumerRecord<K, V>> received = new ArrayList<>();
        try (KafkaConsumer<K, V> consumer = new KafkaConsumer<>(config, keyDeserializer, valueDeserializer)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, timeout).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            if (partitions.isEmpty()) {
                throw new AssertionError("topic " + topic + " does not exist on " + bootstrapServers());
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Await.until(() -> {
                consumer.poll(Duration.ofMillis(100)).forEach(received::add);
                return received.size() >= count;
            }, timeout, () -> "expected " + count + " records on " + topic + ", got " + received.size()
                    + (received.isEmpty() ? "" : " with keys " + received.stream()
                    .limit(20).map(r -> String.valueOf(r.key())).collect(Collectors.joining(", ", "[", "]"))));
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, timeout);
            Await.until(() -> {
                if (partitions.stream().allMatch(p -> consumer.position(p, timeout) >= ends.get(p))) {
                    return true;
                }
                consumer.poll(Duration.ofMillis(100)).forEach(received::add);
                return false;
            }, timeout, () -> "records of " + topic + " up to its end offsets " + ends + ": got " + received.size());
        }
        return received;
    }
}
