package io.edgeloop.kstreams;

import io.edgeloop.core.config.ConfigException;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which keys a Kafka Streams client reads: its own settings and the consumer, producer and admin
 * settings, bare or behind the prefix of one of its clients ({@code consumer.},
 * {@code main.consumer.}, {@code restore.consumer.}, {@code global.consumer.}, {@code producer.},
 * {@code admin.}); {@code topic.*} settings go to the internal topics and are not checked. Kafka
 * Streams itself only logs a warning for a key it does not know, so a typo would change nothing
 * without a word.
 */
public final class KafkaSettingNames {

    private static final List<String> CLIENT_PREFIXES = List.of(StreamsConfig.CONSUMER_PREFIX,
            StreamsConfig.MAIN_CONSUMER_PREFIX, StreamsConfig.RESTORE_CONSUMER_PREFIX,
            StreamsConfig.GLOBAL_CONSUMER_PREFIX, StreamsConfig.PRODUCER_PREFIX, StreamsConfig.ADMIN_CLIENT_PREFIX);
    private static final Set<String> KNOWN = known();

    private KafkaSettingNames() {
    }

    /**
     * Refuses an app configuration's {@code kafka.*} settings (given without the prefix) when one
     * is read by no Kafka Streams client, so a typo fails the start instead of being ignored.
     *
     * @throws ConfigException naming every unknown key
     */
    public static void requireKnown(Collection<String> kafkaKeys) {
        List<String> unknown = unknown(kafkaKeys).stream().map(k -> "kafka." + k).toList();
        if (!unknown.isEmpty()) {
            throw new ConfigException(List.of("unknown Kafka settings " + unknown
                    + " (not a Kafka Streams, consumer, producer or admin config)"));
        }
    }

    /** The keys no Kafka Streams client reads, in the given order. */
    public static List<String> unknown(Collection<String> keys) {
        List<String> unknown = new ArrayList<>();
        for (String key : keys) {
            if (!key.startsWith(StreamsConfig.TOPIC_PREFIX) && !KNOWN.contains(bare(key))) {
                unknown.add(key);
            }
        }
        return unknown;
    }

    private static String bare(String key) {
        for (String prefix : CLIENT_PREFIXES) {
            if (key.startsWith(prefix)) {
                return key.substring(prefix.length());
            }
        }
        return key;
    }

    private static Set<String> known() {
        Set<String> names = new HashSet<>(StreamsConfig.configDef().names());
        names.addAll(ConsumerConfig.configNames());
        names.addAll(ProducerConfig.configNames());
        names.addAll(AdminClientConfig.configNames());
        return Set.copyOf(names);
    }
}
