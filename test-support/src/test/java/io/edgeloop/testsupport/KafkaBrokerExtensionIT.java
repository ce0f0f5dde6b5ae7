package io.edgeloop.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;

import io.edgeloop.schemas.topics.Topic;
import io.edgeloop.schemas.topics.Topics;

/**
 * Runs {@link SharedBrokerScenario} (a class the build itself does not pick up) through the JUnit engine and checks what the extension promised: one
 * broker for the class, a different app id per test, catalog topics, and no state left behind.
 */
class KafkaBrokerExtensionIT {

    private static final Map<String, String> BOOTSTRAP = new ConcurrentHashMap<>();
    private static final Map<String, String> APP_IDS = new ConcurrentHashMap<>();
    private static final Map<String, Path> TEMP_DIRS = new ConcurrentHashMap<>();

    @Test
    void shouldShareOneBrokerPerClassGiveEachTestItsOwnAppIdAndCleanUpAfterTheClass() {
        EngineTestKit.engine("junit-jupiter").selectors(selectClass(SharedBrokerScenario.class)).execute()
                .testEvents().assertStatistics(stats -> stats.started(2).succeeded(2).failed(0));

        assertThat(BOOTSTRAP).containsOnlyKeys("first", "second");
        assertThat(BOOTSTRAP.get("first")).isEqualTo(BOOTSTRAP.get("second"));
        assertThat(APP_IDS.get("first")).startsWith("edge-first-").isNotEqualTo(APP_IDS.get("second"));
        assertThat(TEMP_DIRS.get("first")).isNotEqualTo(TEMP_DIRS.get("second"));
        assertThat(TEMP_DIRS.values()).allSatisfy(dir -> assertThat(dir)
                .startsWithRaw(Path.of("target").toAbsolutePath()).doesNotExist());
        assertThat(TEMP_DIRS.get("first").getParent().getParent().resolve("broker")).doesNotExist();
    }

    @KafkaTest
    static class SharedBrokerScenario {

        @Test
        void first(KafkaTestContext kafka) throws Exception {
            record(kafka, "first");
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
                assertThat(admin.listTopics().names().get())
                        .containsAll(Topics.all().stream().map(Topic::name).toList());
            }
        }

        @Test
        void second(KafkaTestContext kafka) {
            record(kafka, "second");
            kafka.produce(Topics.APPROVALS.name(), List.of(Map.entry("change-1", "approve")));

            List<ConsumerRecord<String, String>> records =
                    kafka.consumeUntil(Topics.APPROVALS.name(), 1, Duration.ofSeconds(20));

            assertThat(records).extracting(ConsumerRecord::key, ConsumerRecord::value)
                    .containsExactly(tuple("change-1", "approve"));
        }

        private static void record(KafkaTestContext kafka, String test) {
            BOOTSTRAP.put(test, kafka.bootstrapServers());
            APP_IDS.put(test, kafka.uniqueAppId("edge"));
            TEMP_DIRS.put(test, kafka.tempDir());
            assertThat(kafka.tempDir()).isDirectory();
        }
    }
}
