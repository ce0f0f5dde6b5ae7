package io.edgeloop.admin.view;

import io.edgeloop.schemas.topics.Topic;

import java.util.Collection;

/**
 * A one-off read of topics into a fresh {@link ModelState}, for the command line: reads each
 * topic from the beginning up to the end it has when the read starts, then stops.
 */
public final class StateLoader {

    private StateLoader() {
    }

    /**
     * The state of the given topics now.
     *
     * @throws BrokerUnavailableException when the cluster does not answer, a topic is missing, or
     *     the read takes longer than the broker timeout
     */
    public static ModelState load(KafkaClients clients, Collection<? extends Topic<String, ?>> topics) {
        ModelState state = new ModelState();
        try (TopicReader reader = TopicReader.open(clients, "edgeloop-admin-cli", topics)) {
            reader.catchUp(clients.brokerTimeout(), state::apply, clients);
        }
        return state;
    }
}
