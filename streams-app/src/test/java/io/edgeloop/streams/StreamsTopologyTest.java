package io.edgeloop.streams;

import io.edgeloop.schemas.topics.Topics;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TopologyDescription;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** The topology's shape is pinned: names of processors, stores and internal topics are a contract. */
class StreamsTopologyTest {

    private final StreamsSettings settings = Harness.settings();
    private final TopologyDescription description = StreamsTopology.build(settings, ScriptedModels.cycle()).describe();

    @Test
    void shouldKeepThePinnedShape() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/topology-description.txt")) {
            assertThat(in).as("pinned description resource").isNotNull();
            String pinned = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(description.toString().strip()).isEqualTo(pinned.strip());
        }
    }

    @Test
    void shouldReadAndWriteOnlyCatalogTopicsAndItsOwnRepartitionTopic() {
        Set<String> topics = new TreeSet<>();
        for (TopologyDescription.Subtopology sub : description.subtopologies()) {
            for (TopologyDescription.Node node : sub.nodes()) {
                if (node instanceof TopologyDescription.Source source) {
                    topics.addAll(source.topicSet());
                } else if (node instanceof TopologyDescription.Sink sink) {
                    topics.add(sink.topic());
                }
            }
        }
        description.globalStores().forEach(g -> topics.addAll(g.source().topicSet()));
        assertThat(topics).containsExactlyInAnyOrder(Topics.CANDLES.name(), Topics.STREAMS_CONTROL.name(), Topics.SCORES.name(),
                Topics.PREDICTIONS.name(), Topics.TRADES.name(), Topics.SIGNALS.name(), Topics.REFERENCE_TICKERS.name(),
                Topics.PATTERN_LIBRARY.name(), Names.BREADTH_REPARTITION + "-repartition");
    }

    @Test
    void shouldRunWithExactlyOnceAndRefuseGeneratedNames() {
        Map<String, Object> streams = settings.streams();
        assertThat(streams).containsEntry(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2)
                .containsEntry(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
        StreamsSettings relaxed = settings.withStreams(Map.of(
                StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, false));
        assertThat(relaxed.streams())
                .containsEntry(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
    }
}
