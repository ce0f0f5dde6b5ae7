package io.edgeloop.embedded;

import java.util.List;

/**
 * What {@link EmbeddedKafka#createTopics} did.
 *
 * @param created topics created now, in catalog order
 * @param existing topics that were already there and match the catalog
 */
public record TopicSetup(List<String> created, List<String> existing) {

    /** Freezes the lists. */
    public TopicSetup {
        created = List.copyOf(created);
        existing = List.copyOf(existing);
    }
}
