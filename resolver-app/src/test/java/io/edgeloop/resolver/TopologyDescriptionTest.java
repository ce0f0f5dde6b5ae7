package io.edgeloop.resolver;

import io.edgeloop.kstreams.DeadLetterProcessingHandler;
import io.edgeloop.kstreams.DeadLetterDeserializationHandler;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TopologyDescription;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pins the topology: a renamed node, store or internal topic changes changelog and repartition
 * topic names, which an upgrade must not do by accident. To accept an intended change, replace
 * {@code resolver-topology.txt} with the printed description.
 */
class TopologyDescriptionTest {

    @Test
    void shouldDescribeTheTopologyAsPinned() throws IOException {
        String actual = ResolverTopology.build(ResolverConfig.defaults()).describe().toString();
        String pinned;
        try (InputStream in = Objects.requireNonNull(getClass().getResourceAsStream("/resolver-topology.txt"),
                "resolver-topology.txt")) {
            pinned = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }

        assertThat(actual.strip()).as("topology description changed; the new one is:%n%s", actual)
                .isEqualTo(pinned.strip());
    }

    @Test
    void shouldRunTheOutcomesByTickerAndTheKeeperInItsOwnSubTopology() {
        TopologyDescription description = ResolverTopology.build(ResolverConfig.defaults()).describe();

        assertThat(description.subtopologies()).hasSize(2);
        Set<String> stores = new TreeSet<>();
        description.subtopologies().forEach(s -> s.nodes().forEach(n -> {
            if (n instanceof TopologyDescription.Processor p) {
                stores.addAll(p.stores());
            }
        }));
        assertThat(stores).containsExactlyInAnyOrderElementsOf(ResolverStores.ALL.stream().map(StoreSpec::name).toList());
        assertThat(description.toString()).contains("learning-repartition");
    }

    @Test
    void shouldRunExactlyOnceWithExplicitNamesAndTheDeadLetterHandlers() {
        assertThat(StreamsDefaults.all())
                .containsEntry(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2)
                .containsEntry(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true)
                .containsEntry(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
                        DeadLetterDeserializationHandler.class.getName())
                .containsEntry(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG,
                        DeadLetterProcessingHandler.class.getName());
    }
}
