package io.edgeloop.admin.view;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Client settings of the admin: the user's {@code kafka.*} settings (security, bootstrap) plus
 * the admin's own: group-less readers of committed records only, an idempotent producer whose
 * every wait is bounded by the broker timeout.
 *
 * @param settings      the user's Kafka client settings, bootstrap.servers included
 * @param brokerTimeout the longest the admin waits for the cluster in one step
 */
public record KafkaClients(Map<String, Object> settings, Duration brokerTimeout) {

    public KafkaClients {
        settings = Map.copyOf(settings);
        Objects.requireNonNull(settings.get("bootstrap.servers"), "bootstrap.servers");
        Objects.requireNonNull(brokerTimeout, "brokerTimeout");
    }

    /** The bootstrap servers, for messages. */
    public String bootstrap() {
        return String.valueOf(settings.get("bootstrap.servers"));
    }

    /** A consumer of raw bytes that never joins a group or creates topics. */
    public KafkaConsumer<byte[], byte[]> consumer(String clientId) {
        Map<String, Object> config = new HashMap<>(settings);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) brokerTimeout.toMillis());
        config.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(brokerTimeout.toMillis(), 30_000));
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /** Producer settings: acks from every replica, idempotent, each wait at most the broker timeout. */
    public Map<String, Object> producerConfig(String clientId) {
        Map<String, Object> config = new HashMap<>(settings);
        int timeout = (int) brokerTimeout.toMillis();
        config.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeout);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, timeout);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, timeout);
        return config;
    }
}
