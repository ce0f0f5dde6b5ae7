package io.edgeloop.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.edgeloop.schemas.topics.Topic;
import io.edgeloop.schemas.topics.Topics;

class EmbeddedKafkaIT {

    private Path dataDir;

    @BeforeEach
    void newDataDir() {
        dataDir = Path.of("target", "it-data", "embedded-" + UUID.randomUUID());
    }

    @AfterEach
    void deleteDataDir() {
        EmbeddedKafka.deleteRecursively(dataDir);
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
        Topic<String, String> narrow = new Topic<>("edgeloop.check", 1, Map.of("cleanup.policy", "delete"));
        Topic<String, String> wide = new Topic<>("edgeloop.check", 3, Map.of("cleanup.policy", "compact"));
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
}
