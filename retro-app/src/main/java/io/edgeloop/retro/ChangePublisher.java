package io.edgeloop.retro;

import io.edgeloop.schemas.avro.ModelChange;
import io.edgeloop.schemas.topics.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/**
 * Publishes proposals to {@code model-changelog} as the retrospective service does: the changelog
 * is read to its end first (committed records only), and a change id it already holds (an earlier
 * proposal, a decision) is never written again, so publishing the same seeding twice proposes
 * nothing new. The keeper takes the proposals from there and the operators decide.
 */
public final class ChangePublisher {

    /** What a publication did: the ids written and the ids the changelog already held. */
    public record Result(List<String> published, List<String> skipped) {

        public Result {
            published = List.copyOf(published);
            skipped = List.copyOf(skipped);
        }
    }

    private ChangePublisher() {
    }

    /**
     * Publishes the changes whose ids the changelog does not hold yet.
     *
     * @param kafka   Kafka client properties (at least {@code bootstrap.servers})
     * @param changes the changes, in order
     * @param timeout how long reading the changelog to its end may take
     * @throws TimeoutException   when the changelog could not be read to its end in time
     * @throws ExecutionException when a send failed
     */
    public static Result publish(Properties kafka, List<ModelChange> changes, Duration timeout)
            throws TimeoutException, ExecutionException, InterruptedException {
        Set<String> known = knownIds(kafka, timeout);
        List<String> published = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        Properties p = new Properties();
        p.putAll(kafka);
        p.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "edgeloop-retro-seed");
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        try (KafkaProducer<String, ModelChange> producer = new KafkaProducer<>(p,
                Topics.MODEL_CHANGELOG.keySerde().serializer(), Topics.MODEL_CHANGELOG.valueSerde().serializer())) {
            for (ModelChange change : changes) {
                if (!known.add(change.getId())) {
                    skipped.add(change.getId());
                    continue;
                }
                producer.send(new ProducerRecord<>(Topics.MODEL_CHANGELOG.name(), change.getId(), change)).get();
                published.add(change.getId());
            }
        }
        return new Result(published, skipped);
    }

    /** Every change id on the changelog, read to its end. */
    static Set<String> knownIds(Properties kafka, Duration timeout) throws TimeoutException {
        Properties c = new Properties();
        c.putAll(kafka);
        c.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "edgeloop-retro-seed");
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        c.remove(ConsumerConfig.GROUP_ID_CONFIG);
        Set<String> ids = new HashSet<>();
        Instant deadline = Instant.now().plus(timeout);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(c, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo info : consumer.partitionsFor(Topics.MODEL_CHANGELOG.name(), timeout)) {
                partitions.add(new TopicPartition(info.topic(), info.partition()));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, timeout);
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp))) {
                if (Instant.now().isAfter(deadline)) {
                    throw new TimeoutException("model-changelog not read to its end within " + timeout);
                }
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    ids.add(r.key());
                }
            }
        }
        return ids;
    }
}
