package io.edgeloop.stack;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * Where and how the local stack runs.
 *
 * @param dataDir directory for the broker's config, Kafka data and the log file
 * @param port client port on 127.0.0.1 (0 = any free port)
 * @param controllerPort KRaft controller port on 127.0.0.1 (0 = any free port)
 * @param brokerProperties extra broker properties that win over the defaults
 */
public record StackSettings(Path dataDir, int port, int controllerPort, Map<String, String> brokerProperties) {

    /** Validates and freezes. */
    public StackSettings {
        Objects.requireNonNull(dataDir, "dataDir");
        brokerProperties = Map.copyOf(brokerProperties);
    }

    /** Settings with no extra broker properties. */
    public static StackSettings of(Path dataDir, int port) {
        return new StackSettings(dataDir, port, 0, Map.of());
    }
}
