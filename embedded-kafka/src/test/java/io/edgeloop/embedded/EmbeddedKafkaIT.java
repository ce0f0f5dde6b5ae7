package io.edgeloop.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.edgeloop.schemas.topics.CleanupPolicy;
import io.edgeloop.schemas.topics.Topic;
import io.edgeloop.schemas.topics.Topics;
import org.apache.kafka.common.serialization.Serdes;

class EmbeddedKafkaIT {

    private Path dataDir;

    @BeforeEach
    void newDataDir() {
        dataDir = Path.of("target", "it-data", "embedded-" + UUID.randomUUID());
    }

    @AfterEach
    void deleteDataDir() {
        Directories.deleteRecursively(dataDir);
    }

    @Test
    void shouldCreateEveryCatalogTopicOnceAndLeaveThemAloneTheSecondTime() {
        try (EmbeddedKafka kafka = EmbeddedKafka.builder().dataDir(dataDir).build()) {
            StartupTimes times = kafka.start();
            assertThat(times.freshStorage()).isTrue();
            assertThat(kafka.bootstrapServers()).startsWith("127.0.0.1:");

            List<String> names = Topics.all().stream().map(Topic::name).toList();
            TopicSetup first = kafka.createTopics(Topics.all());
            TopicSetup second = kafka.createTopics(Topics.all());

            assertThat(first.created()).containsExactlyElementsOf(names);
            assertThat(first.existing()).isEmpty();
            assertThat(second.created()).isEmpty();
            assertThat(second.existing()).containsExactlyElementsOf(names);
        }
    }

    @Test
    void shouldRestartOnTheSameDataDirectoryAndKeepItsTopics() {
        try (EmbeddedKafka kafka = EmbeddedKafka.builder().dataDir(dataDir).build()) {
            kafka.start();
            kafka.createTopics(Topics.all());
        }
        try (EmbeddedKafka again = EmbeddedKafka.builder().dataDir(dataDir).build()) {
            StartupTimes times = again.start();
            assertThat(times.freshStorage()).isFalse();
            assertThat(again.createTopics(Topics.all()).created()).isEmpty();
        }
    }

    @Test
    void shouldRefuseAnExistingTopicWhosePartitionsDifferFromTheCatalog() {
        Topic<String, String> narrow = checkTopic(1, CleanupPolicy.DELETE, Optional.of(Duration.ofDays(1)));
        Topic<String, String> wide = checkTopic(3, CleanupPolicy.COMPACT, Optional.empty());
        try (EmbeddedKafka kafka = EmbeddedKafka.builder().dataDir(dataDir).deleteOnClose(true).build()) {
            kafka.start();
            kafka.createTopics(List.of(narrow));

            assertThatThrownBy(() -> kafka.createTopics(List.of(wide)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("edgeloop.check: 1 partitions, catalog says 3")
                    .hasMessageContaining("cleanup.policy=delete, catalog says compact")
                    .hasMessageContaining("delete the data directory");
        }
        assertThat(dataDir).doesNotExist();
    }

    private static Topic<String, String> checkTopic(int partitions, CleanupPolicy cleanup, Optional<Duration> retention) {
        return new Topic<>("edgeloop.check", Serdes.String(), Serdes.String(), "any", "a topic for this test only",
                partitions, cleanup, retention, Map.of());
    }
}
