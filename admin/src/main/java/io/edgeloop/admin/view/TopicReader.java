package io.edgeloop.admin.view;

import io.edgeloop.schemas.topics.Topic;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads whole topics from the beginning with one group-less consumer, decodes each record with the
 * topic's serde from the catalog and hands it to a {@link Sink}. A record that does not decode is
 * skipped and counted (logged once per topic), never fatal: the views must survive a bad record.
 */
final class TopicReader implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TopicReader.class);

    /** Receives decoded records; value is null for a tombstone. */
    @FunctionalInterface
    interface Sink {
        void accept(String topic, String key, Object value, long timestamp);
    }

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Map<String, Topic<String, ?>> topics = new LinkedHashMap<>();
    private final Map<String, Deserializer<?>> deserializers = new HashMap<>();
    private final List<TopicPartition> partitions = new ArrayList<>();
    private final Map<String, Long> skipped = new HashMap<>();

    private TopicReader(KafkaConsumer<byte[], byte[]> consumer) {
        this.consumer = consumer;
    }

    /**
     * Assigns every partition of the topics and seeks to their beginnings.
     *
     * @throws BrokerUnavailableException when the cluster does not answer within the timeout or a
     *     topic does not exist
     */
    static TopicReader open(KafkaClients clients, String clientId, Collection<? extends Topic<String, ?>> topics) {
        TopicReader reader = new TopicReader(clients.consumer(clientId));
        try {
            for (Topic<String, ?> topic : topics) {
                List<PartitionInfo> infos = reader.consumer.partitionsFor(topic.name(), clients.brokerTimeout());
                if (infos == null || infos.isEmpty()) {
                    throw new BrokerUnavailableException("topic " + topic.name() + " does not exist on "
                            + clients.bootstrap() + " (create the catalog topics with the local stack or the deployment)");
                }
                infos.forEach(p -> reader.partitions.add(new TopicPartition(p.topic(), p.partition())));
                reader.topics.put(topic.name(), topic);
                reader.deserializers.put(topic.name(), topic.valueSerde().deserializer());
            }
            reader.consumer.assign(reader.partitions);
            reader.consumer.seekToBeginning(reader.partitions);
            return reader;
        } catch (TimeoutException e) {
            reader.close();
            throw unreachable(clients, e);
        } catch (RuntimeException e) {
            reader.close();
            throw e;
        }
    }

    static BrokerUnavailableException unreachable(KafkaClients clients, Exception cause) {
        return new BrokerUnavailableException("cannot reach the Kafka cluster at " + clients.bootstrap() + " within "
                + clients.brokerTimeout().toSeconds() + " s", cause);
    }

    /** The end offsets (last stable offsets) of every assigned partition now. */
    Map<TopicPartition, Long> endOffsets(Duration timeout) {
        return consumer.endOffsets(partitions, timeout);
    }

    /** True when the reader's position is at or past {@code ends} in every partition. */
    boolean reached(Map<TopicPartition, Long> ends) {
        for (Map.Entry<TopicPartition, Long> e : ends.entrySet()) {
            if (consumer.position(e.getKey()) < e.getValue()) {
                return false;
            }
        }
        return true;
    }

    /** Records between the position and {@code ends}, summed over partitions. */
    long lag(Map<TopicPartition, Long> ends) {
        long lag = 0;
        for (Map.Entry<TopicPartition, Long> e : ends.entrySet()) {
            lag += Math.max(0, e.getValue() - consumer.position(e.getKey()));
        }
        return lag;
    }

    /** Polls once and passes every decodable record to the sink; returns how many records arrived. */
    int poll(Duration timeout, Sink sink) {
        int count = 0;
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(timeout)) {
            count++;
            String topic = record.topic();
            String key = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
            Object value;
            try {
                value = record.value() == null ? null : deserializers.get(topic).deserialize(topic, record.value());
            } catch (RuntimeException e) {
                long n = skipped.merge(topic, 1L, Long::sum);
                if (n == 1) {
                    LOG.warn("skipping a record of {} that does not decode ({}-{}@{}); later ones are only counted",
                            topic, topic, record.partition(), record.offset(), e);
                }
                continue;
            }
            sink.accept(topic, key, value, record.timestamp());
        }
        return count;
    }

    /**
     * Reads until every partition reached the end offsets it had when this call started.
     *
     * @throws BrokerUnavailableException when that takes longer than {@code timeout}
     */
    void catchUp(Duration timeout, Sink sink, KafkaClients clients) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<TopicPartition, Long> ends;
        try {
            ends = endOffsets(timeout);
        } catch (TimeoutException e) {
            throw unreachable(clients, e);
        }
        while (!reached(ends)) {
            if (System.nanoTime() > deadline) {
                throw new BrokerUnavailableException("reading " + String.join(", ", topics.keySet()) + " from "
                        + clients.bootstrap() + " did not finish within " + timeout.toSeconds() + " s (" + lag(ends)
                        + " records behind)");
            }
            poll(Duration.ofMillis(200), sink);
        }
    }

    /** Records skipped so far because they did not decode, all topics together. */
    long skipped() {
        return skipped.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Interrupts a blocking poll from another thread. */
    void wakeup() {
        consumer.wakeup();
    }

    @Override
    public void close() {
        consumer.close(CloseOptions.timeout(Duration.ofSeconds(1)));
    }
}
