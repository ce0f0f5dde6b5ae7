package io.edgeloop.kstreams;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Kafka Streams settings both apps (streams-app, resolver-app) start from, below whatever
 * {@code kafka.*} settings their configuration gives:
 * <ul>
 *   <li>exactly-once v2, the dead-letter handlers ({@link DeadLetterDeserializationHandler},
 *       {@link DeadLetterProcessingHandler}, the latter also for punctuations), and explicit names
 *       for every internal resource (which no override can turn off);</li>
 *   <li>one in-flight produce request per connection: with more, a retry of a batch refused while
 *       a new partition's leader is elected can arrive after the batches behind it, which the
 *       broker then refuses as out of sequence (seen on Kafka 4.3 with the internal topics Kafka
 *       Streams has just created);</li>
 *   <li>{@code commit.interval.ms} {@value #COMMIT_INTERVAL_MS} (Kafka Streams' default under
 *       exactly-once is 100): each commit ends a transaction, which costs round trips to the
 *       coordinators and a marker in every partition written (outputs, changelogs, repartitions),
 *       so fewer commits leave more of the machine to the model. The price is latency: a
 *       read_committed consumer sees an output up to a second after its input (a bar is an hour
 *       or a day), and a crash redoes up to a second of work;</li>
 *   <li>producer {@code linger.ms} {@value #LINGER_MS} (Kafka's default is 5): under exactly-once
 *       no reader sees a record before its transaction commits, so waiting to fill a batch adds no
 *       visible latency and sends far fewer, larger produce requests; and {@code batch.size}
 *       {@value #BATCH_SIZE} bytes (Kafka's default is 16 KB), so lingering batches can fill.</li>
 * </ul>
 */
public final class StreamsTuning {

    /** Default {@code commit.interval.ms}. */
    public static final int COMMIT_INTERVAL_MS = 1_000;
    /** Default producer {@code linger.ms}. */
    public static final int LINGER_MS = 100;
    /** Default producer {@code batch.size}. */
    public static final int BATCH_SIZE = 256 * 1024;

    private StreamsTuning() {
    }

    /**
     * The shared settings with the app's id, then {@code overrides} (which win, except that
     * explicit naming cannot be turned off).
     */
    public static Map<String, Object> exactlyOnce(String applicationId, Map<String, ?> overrides) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        p.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterDeserializationHandler.class.getName());
        p.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterProcessingHandler.class.getName());
        p.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
        p.put(StreamsConfig.producerPrefix(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION), 1);
        p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, COMMIT_INTERVAL_MS);
        p.put(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG), LINGER_MS);
        p.put(StreamsConfig.producerPrefix(ProducerConfig.BATCH_SIZE_CONFIG), BATCH_SIZE);
        p.putAll(overrides);
        p.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
        return p;
    }
}
