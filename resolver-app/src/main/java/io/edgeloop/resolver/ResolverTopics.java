package io.edgeloop.resolver;

import io.edgeloop.schemas.serde.EdgeloopSerdes;
import io.edgeloop.schemas.topics.CleanupPolicy;
import io.edgeloop.schemas.topics.Topic;
import io.edgeloop.schemas.topics.Topics;
import org.apache.kafka.common.serialization.Serdes;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The resolver's own topic, besides the public catalog in {@link Topics}.
 *
 * <p>{@code resolver.control} carries the operator's "resolve due predictions now" requests:
 * key = who asked, value = the stream time (epoch ms) to resolve at. It has as many partitions
 * as the ticker-keyed topics, and a request is written to every partition, so every outcome task
 * receives it in its input, in order with the records around it. That keeps the trigger
 * exactly-once (the request is consumed in the same transaction as the outcomes it causes) and
 * replayable (a replay of the topics meets the request at the same place). The resolver app
 * creates the topic when it is missing; it is not in the public catalog because only the
 * resolver reads it.
 */
public final class ResolverTopics {

    /** Operator requests to resolve due predictions at a given stream time. */
    public static final Topic<String, Long> CONTROL = new Topic<>("resolver.control", EdgeloopSerdes.string(),
            Serdes.Long(), "who asked (operator name)",
            "Operator requests to resolve due and expired predictions at the latest stream time; one record per "
                    + "partition, read by every outcome task of the resolver.",
            Topics.TICKER_PARTITIONS, CleanupPolicy.DELETE, Optional.of(Duration.ofDays(30)), Map.of());

    private ResolverTopics() {
    }
}
