package io.edgeloop.stack.deploy;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.connect.runtime.distributed.DistributedConfig;
import org.apache.kafka.server.config.AbstractKafkaConfig;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The configuration keys each kind of Kafka process accepts, from Kafka's own config
 * definitions (4.3.1), so a misspelt {@code KAFKA_*} variable fails a test instead of being
 * ignored with a warning at runtime.
 */
final class KafkaConfigNames {

    /** Producer, consumer and admin client keys. */
    static final Set<String> CLIENT = union(ProducerConfig.configNames(), ConsumerConfig.configNames(),
            AdminClientConfig.configNames());
    /** Kafka Streams keys (without the client keys it also accepts). */
    static final Set<String> STREAMS = Set.copyOf(StreamsConfig.configDef().names());
    /** Topic-level keys ({@code TopicConfig}). */
    static final Set<String> TOPIC = topicConfigNames();
    /** Keys of a Connect distributed worker. */
    static final Set<String> CONNECT_WORKER = connectWorkerNames();
    /** Keys of a KRaft broker or controller. */
    static final Set<String> BROKER = Set.copyOf(AbstractKafkaConfig.CONFIG_DEF.names());

    /** Prefixes Kafka Streams passes on to its clients and internal topics. */
    private static final List<String> STREAMS_CLIENT_PREFIXES = List.of(StreamsConfig.MAIN_CONSUMER_PREFIX,
            StreamsConfig.RESTORE_CONSUMER_PREFIX, StreamsConfig.GLOBAL_CONSUMER_PREFIX, StreamsConfig.CONSUMER_PREFIX,
            StreamsConfig.PRODUCER_PREFIX, StreamsConfig.ADMIN_CLIENT_PREFIX);
    /** Prefixes a Connect worker passes on to the clients of its connectors. */
    private static final List<String> CONNECT_CLIENT_PREFIXES = List.of("producer.", "consumer.", "admin.");

    private KafkaConfigNames() {
    }

    /** True when a process of this kind reads the key. */
    static boolean accepts(DeployApp.ClientKind kind, String key) {
        return switch (kind) {
            case STREAMS -> STREAMS.contains(key) || CLIENT.contains(key)
                    || STREAMS_CLIENT_PREFIXES.stream().anyMatch(p -> key.startsWith(p)
                    && CLIENT.contains(key.substring(p.length())))
                    || key.startsWith(StreamsConfig.TOPIC_PREFIX)
                    && TOPIC.contains(key.substring(StreamsConfig.TOPIC_PREFIX.length()));
            case CLIENTS -> CLIENT.contains(key);
            case CONNECT -> CONNECT_WORKER.contains(key)
                    || CONNECT_CLIENT_PREFIXES.stream().anyMatch(p -> key.startsWith(p)
                    && CLIENT.contains(key.substring(p.length())));
        };
    }

    @SafeVarargs
    private static Set<String> union(Set<String>... sets) {
        Set<String> all = new TreeSet<>();
        for (Set<String> s : sets) {
            all.addAll(s);
        }
        return Set.copyOf(all);
    }

    private static Set<String> topicConfigNames() {
        Set<String> names = new TreeSet<>();
        for (Field f : TopicConfig.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class && f.getName().endsWith("_CONFIG")) {
                try {
                    names.add((String) f.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException("cannot read TopicConfig." + f.getName(), e);
                }
            }
        }
        return Set.copyOf(names);
    }

    /** A worker config with only the required keys; its parsed values name every key it defines. */
    private static Set<String> connectWorkerNames() {
        Map<String, String> required = new HashMap<>();
        required.put(DistributedConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:9092");
        required.put(DistributedConfig.GROUP_ID_CONFIG, "g");
        required.put(DistributedConfig.CONFIG_TOPIC_CONFIG, "c");
        required.put(DistributedConfig.OFFSET_STORAGE_TOPIC_CONFIG, "o");
        required.put(DistributedConfig.STATUS_STORAGE_TOPIC_CONFIG, "s");
        required.put(DistributedConfig.KEY_CONVERTER_CLASS_CONFIG, "org.apache.kafka.connect.storage.StringConverter");
        required.put(DistributedConfig.VALUE_CONVERTER_CLASS_CONFIG, "org.apache.kafka.connect.storage.StringConverter");
        return Set.copyOf(new DistributedConfig(required).values().keySet());
    }
}
