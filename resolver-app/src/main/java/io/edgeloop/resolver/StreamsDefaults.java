package io.edgeloop.resolver;

import io.edgeloop.kstreams.StreamsTuning;
import org.apache.kafka.streams.StreamsConfig;

import java.util.Map;
import java.util.TreeMap;

/**
 * The resolver's Kafka Streams defaults, below whatever {@code kafka.*} settings the app's
 * configuration gives: those both apps share ({@link StreamsTuning#exactlyOnce}: exactly-once
 * v2, the dead-letter handlers, explicit names only, one in-flight produce request per
 * connection, a one-second commit interval, lingering batches; an outcome is days after its
 * prediction, so a second of latency costs nothing) and the event-time extractor.
 */
public final class StreamsDefaults {

    /** Default {@code application.id}: also the prefix of the resolver's changelog and repartition topics. */
    public static final String APPLICATION_ID = "edgeloop-resolver";

    private StreamsDefaults() {
    }

    /** The defaults as Kafka Streams properties. */
    public static Map<String, Object> all() {
        return new TreeMap<>(StreamsTuning.exactlyOnce(APPLICATION_ID, Map.of(
                StreamsConfig.DEFAULT_TIMESTAMP_EXTRACTOR_CLASS_CONFIG, EventTimeExtractor.class.getName())));
    }
}
