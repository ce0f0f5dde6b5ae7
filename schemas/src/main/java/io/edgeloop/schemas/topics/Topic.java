package io.edgeloop.schemas.topics;

import java.util.Map;
import java.util.Objects;

/**
 * TEMP stub of a catalog entry: name, partitions and topic configs. The schemas module's real
 * catalog (with key/value serdes) replaces this file.
 *
 * @param <K> key type
 * @param <V> value type
 * @param name topic name
 * @param partitions partition count
 * @param configs topic-level configs such as {@code cleanup.policy}
 */
public record Topic<K, V>(String name, int partitions, Map<String, String> configs) {

    /** Validates and freezes the configs. */
    public Topic {
        Objects.requireNonNull(name, "name");
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be >= 1 for " + name);
        }
        configs = Map.copyOf(configs);
    }
}
