package io.edgeloop.resolver;

import io.edgeloop.core.config.ConfigException;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The Kafka Streams properties of the app: {@link StreamsDefaults} below the configuration's
 * {@code kafka.*} settings. A {@code kafka.*} key that no Kafka client knows is an error (core's
 * configuration passes them through unchecked), so a typo fails the start instead of being
 * ignored with a warning; {@code topic.*} settings go to the internal topics unchecked.
 */
final class KafkaSettings {

    private static final List<String> CLIENT_PREFIXES = List.of(StreamsConfig.CONSUMER_PREFIX,
            StreamsConfig.MAIN_CONSUMER_PREFIX, StreamsConfig.RESTORE_CONSUMER_PREFIX,
            StreamsConfig.GLOBAL_CONSUMER_PREFIX, StreamsConfig.PRODUCER_PREFIX, StreamsConfig.ADMIN_CLIENT_PREFIX,
            StreamsConfig.TOPIC_PREFIX);

    private KafkaSettings() {
    }

    static Map<String, Object> streams(Map<String, String> kafka) {
        List<String> unknown = new ArrayList<>();
        Set<String> known = known();
        for (String key : kafka.keySet()) {
            if (key.startsWith(StreamsConfig.TOPIC_PREFIX)) {
                continue;
            }
            String bare = key;
            for (String prefix : CLIENT_PREFIXES) {
                if (key.startsWith(prefix)) {
                    bare = key.substring(prefix.length());
                    break;
                }
            }
            if (!known.contains(bare)) {
                unknown.add("kafka." + key);
            }
        }
        if (!unknown.isEmpty()) {
            throw new ConfigException(List.of("unknown Kafka settings " + unknown
                    + " (not a Kafka Streams, consumer, producer or admin config)"));
        }
        Map<String, Object> props = new TreeMap<>(StreamsDefaults.all());
        props.putAll(kafka);
        return props;
    }

    private static Set<String> known() {
        Set<String> names = new HashSet<>(StreamsConfig.configDef().names());
        names.addAll(ConsumerConfig.configNames());
        names.addAll(ProducerConfig.configNames());
        names.addAll(AdminClientConfig.configNames());
        return names;
    }
}
