package io.edgeloop.schemas.topics;

import io.edgeloop.schemas.Samples;
import io.edgeloop.schemas.avro.Candle;
import io.edgeloop.schemas.avro.DeadLetter;
import io.edgeloop.schemas.avro.PatternDefinition;
import io.edgeloop.schemas.serde.EdgeloopSchemaStore;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TopicsTest {

    /** The topic table of the design document (DESIGN.md, "Topics"), name by name, then the two control topics. */
    private static final List<String> DESIGN_TOPICS = List.of("candles", "candles.dlq", "reference.tickers", "scores",
            "predictions", "trades", "outcomes", "signals", "pattern-library", "model-changelog", "approvals",
            "resolver.control", "streams.control");

    @Test
    void shouldListEveryDesignTopicOnceUnderUniqueNames() {
        List<String> names = Topics.all().stream().map(Topic::name).toList();

        assertThat(names).doesNotHaveDuplicates().containsExactlyElementsOf(DESIGN_TOPICS);
    }

    @Test
    void shouldCompactExactlyTheTables() {
        List<String> compacted = Topics.all().stream().filter(t -> t.cleanupPolicy() == CleanupPolicy.COMPACT)
                .map(Topic::name).toList();

        assertThat(compacted).containsExactlyInAnyOrder("reference.tickers", "signals", "pattern-library",
                "model-changelog");
    }

    @Test
    void shouldGiveEveryValueTypeWithHistoryATopicAndTheDlqDeadLetters() {
        assertThat(Topics.all()).filteredOn(t -> t != Topics.RESOLVER_CONTROL && t != Topics.STREAMS_CONTROL)
                .extracting(t -> t.valueSchema().orElseThrow().getName())
                .containsAll(EdgeloopSchemaStore.recordTypes().stream().map(Class::getSimpleName).toList());
        assertThat(Topics.CANDLES_DLQ.valueSchema()).contains(DeadLetter.getClassSchema());
        assertThat(Topics.all()).allSatisfy(t -> assertThat(t.keySerde()).isInstanceOf(Serdes.StringSerde.class));
    }

    @Test
    void shouldSpreadResolveRequestsOverEveryTickerPartitionAsLongValues() {
        assertThat(Topics.RESOLVER_CONTROL.partitions()).isEqualTo(Topics.PREDICTIONS.partitions());
        assertThat(Topics.RESOLVER_CONTROL.valueSchema()).isEmpty();
        assertThat(Topics.RESOLVER_CONTROL.valueSerde().deserializer().deserialize("resolver.control",
                Topics.RESOLVER_CONTROL.valueSerde().serializer().serialize("resolver.control", 1_745_798_400_000L)))
                .isEqualTo(1_745_798_400_000L);
        assertThat(Topics.RESOLVER_CONTROL.configs()).containsEntry("cleanup.policy", "delete")
                .containsEntry("retention.ms", Long.toString(Duration.ofDays(30).toMillis()));
    }

    @Test
    void shouldSpreadCandleInputMarksOverTheCandlePartitionsAsLongValues() {
        assertThat(Topics.STREAMS_CONTROL.partitions()).isEqualTo(Topics.CANDLES.partitions());
        assertThat(Topics.STREAMS_CONTROL.valueSchema()).isEmpty();
        assertThat(Topics.STREAMS_CONTROL.valueSerde().deserializer().deserialize("streams.control",
                Topics.STREAMS_CONTROL.valueSerde().serializer().serialize("streams.control", Long.MAX_VALUE)))
                .isEqualTo(Long.MAX_VALUE);
        assertThat(Topics.STREAMS_CONTROL.configs()).containsEntry("cleanup.policy", "delete");
    }

    @Test
    void shouldOrderGovernanceTopicsTotallyWithOnePartition() {
        assertThat(List.of(Topics.PATTERN_LIBRARY, Topics.MODEL_CHANGELOG, Topics.APPROVALS))
                .allSatisfy(t -> assertThat(t.partitions()).isEqualTo(1));
        assertThat(List.of(Topics.CANDLES, Topics.REFERENCE_TICKERS, Topics.SCORES, Topics.PREDICTIONS, Topics.TRADES,
                Topics.OUTCOMES)).allSatisfy(t -> assertThat(t.partitions()).isEqualTo(Topics.TICKER_PARTITIONS));
    }

    @Test
    void shouldRenderTopicConfigs() {
        assertThat(Topics.CANDLES.configs()).containsExactly(
                Map.entry("cleanup.policy", "delete"), Map.entry("retention.ms", "2592000000"));
        assertThat(Topics.PREDICTIONS.configs()).containsEntry("retention.ms", "-1");
        assertThat(Topics.PATTERN_LIBRARY.configs()).containsExactly(
                Map.entry("cleanup.policy", "compact"), Map.entry("retention.ms", "-1"),
                Map.entry("delete.retention.ms", "604800000"), Map.entry("min.compaction.lag.ms", "604800000"));
    }

    @Test
    void shouldFindTopicsByName() {
        assertThat(Topics.byName("pattern-library")).contains(Topics.PATTERN_LIBRARY);
        assertThat(Topics.byName("patterns")).isEmpty();
    }

    @Test
    void shouldCarryWorkingSerdes() {
        Topic<String, Candle> topic = Topics.CANDLES;
        byte[] key = topic.keySerde().serializer().serialize(topic.name(), "SPY");
        byte[] value = topic.valueSerde().serializer().serialize(topic.name(), Samples.candle());

        assertThat(topic.keySerde().deserializer().deserialize(topic.name(), key)).isEqualTo("SPY");
        assertThat(topic.valueSerde().deserializer().deserialize(topic.name(), value)).isEqualTo(Samples.candle());
    }

    @Test
    void shouldBuildAdminRequestWithPartitionsAndConfigs() {
        NewTopic request = Topics.MODEL_CHANGELOG.newTopic((short) 3);

        assertThat(request.name()).isEqualTo("model-changelog");
        assertThat(request.numPartitions()).isEqualTo(1);
        assertThat(request.replicationFactor()).isEqualTo((short) 3);
        assertThat(request.configs()).isEqualTo(Topics.MODEL_CHANGELOG.configs());
    }

    @Test
    void shouldRejectInvalidTopicDefinitions() {
        assertThatThrownBy(() -> topic("bad name", CleanupPolicy.DELETE, Optional.empty(), Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("illegal topic name 'bad name'");
        assertThatThrownBy(() -> topic("t", CleanupPolicy.COMPACT, Optional.of(Duration.ofDays(1)), Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("retention must be empty");
        assertThatThrownBy(() -> topic("t", CleanupPolicy.DELETE, Optional.of(Duration.ZERO), Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("retention must be positive");
        assertThatThrownBy(() -> topic("t", CleanupPolicy.DELETE, Optional.empty(), Map.of("cleanup.policy", "compact")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cleanup.policy is set by");
    }

    private static Topic<String, PatternDefinition> topic(String name, CleanupPolicy policy, Optional<Duration> retention,
                                                          Map<String, String> extra) {
        return new Topic<>(name, Serdes.String(), Topics.PATTERN_LIBRARY.valueSerde(), "k", "d", 1, policy, retention,
                extra);
    }
}
