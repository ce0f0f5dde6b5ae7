package io.edgeloop.resolver;

import io.edgeloop.kstreams.DeadLetterDeserializationHandler;
import io.edgeloop.kstreams.DeadLetterProcessingHandler;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;

import java.util.Map;
import java.util.TreeMap;

/**
 * The resolver's Kafka Streams defaults, below whatever {@code kafka.*} settings the app's
 * configuration gives: exactly-once (v2), the dead-letter handlers, explicit names only, and one
 * in-flight produce request per connection (as streams-app: with more, a batch retried after a
 * NOT_LEADER on a changelog topic Kafka Streams has just created can arrive after the batches
 * behind it, which the broker refuses as out of sequence; seen on Kafka 4.3.1).
 */
public final class StreamsDefaults {

    /** Default {@code application.id}: also the prefix of the resolver's changelog and repartition topics. */
    public static final String APPLICATION_ID = "edgeloop-resolver";

    private StreamsDefaults() {
    }

    /** The defaults as Kafka Streams properties. */
    public static Map<String, Object> all() {
        Map<String, Object> props = new TreeMap<>();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, APPLICATION_ID);
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
                DeadLetterDeserializationHandler.class.getName());
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterProcessingHandler.class.getName());
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
        props.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
        props.put(StreamsConfig.DEFAULT_TIMESTAMP_EXTRACTOR_CLASS_CONFIG, EventTimeExtractor.class.getName());
        props.put(StreamsConfig.producerPrefix(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION), 1);
        return props;
    }
}
