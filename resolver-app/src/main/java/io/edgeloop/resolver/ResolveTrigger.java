package io.edgeloop.resolver;

import io.edgeloop.schemas.topics.Topics;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.serialization.LongSerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Publishes an operator's "resolve due predictions now" to {@code resolver.control}: one record
 * per partition (key = who asked, value and timestamp = the stream time to resolve at), so every
 * outcome task reads it in order with its other input and resolves in the same transaction as
 * any other record. Anyone with a producer can do the same; this class is the resolver's own.
 */
public final class ResolveTrigger implements AutoCloseable {

    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);

    private final KafkaProducer<String, Long> producer;

    /** @param clientProps Kafka settings; the producer takes the producer settings among them (servers, security) */
    public ResolveTrigger(Map<String, Object> clientProps) {
        Map<String, Object> props = new HashMap<>();
        clientProps.forEach((k, v) -> {
            if (ProducerConfig.configNames().contains(k)) {
                props.put(k, v);
            }
        });
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "edgeloop-resolver-trigger");
        this.producer = new KafkaProducer<>(props, new StringSerializer(), new LongSerializer());
    }

    /**
     * Asks every outcome task to resolve at {@code asOf} (epoch ms of stream time).
     *
     * @return how many partitions were asked
     */
    public int request(String actor, long asOf) {
        Objects.requireNonNull(actor, "actor");
        if (actor.isBlank()) {
            throw new IllegalArgumentException("a resolve request must name who asks");
        }
        String topic = Topics.RESOLVER_CONTROL.name();
        List<PartitionInfo> partitions = producer.partitionsFor(topic);
        List<Future<?>> sent = new ArrayList<>();
        for (PartitionInfo p : partitions) {
            sent.add(producer.send(new ProducerRecord<>(topic, p.partition(), asOf, actor, asOf)));
        }
        producer.flush();
        for (Future<?> f : sent) {
            try {
                f.get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while sending the resolve request", e);
            } catch (ExecutionException | TimeoutException e) {
                throw new IllegalStateException("could not send the resolve request to " + topic, e);
            }
        }
        return partitions.size();
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
