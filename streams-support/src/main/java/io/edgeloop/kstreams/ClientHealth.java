package io.edgeloop.kstreams;

import org.apache.kafka.streams.KafkaStreams;

import java.util.Set;

/**
 * What the apps' {@code GET /health} probes call alive: a Kafka Streams client that is starting,
 * rebalancing or running answers 200; one in ERROR, PENDING_SHUTDOWN or NOT_RUNNING answers 503,
 * so an orchestrator restarts it (docs/DEPLOY.md).
 */
public final class ClientHealth {

    private static final Set<KafkaStreams.State> ALIVE = Set.of(KafkaStreams.State.CREATED,
            KafkaStreams.State.REBALANCING, KafkaStreams.State.RUNNING);

    private ClientHealth() {
    }

    /** True for CREATED, REBALANCING and RUNNING. */
    public static boolean alive(KafkaStreams.State state) {
        return ALIVE.contains(state);
    }
}
