package io.edgeloop.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

class BrokerConfigTest {

    private static final Path DATA = Path.of("stack-data");

    @Test
    void shouldMakeOneCombinedNodeOnLoopbackWithTheControllerAsItsOnlyVoter() {
        Map<String, String> p = BrokerConfig.properties(DATA, 9092, 9093, Map.of());

        assertThat(p).containsEntry("process.roles", "broker,controller")
                .containsEntry("controller.quorum.voters", "1@127.0.0.1:9093")
                .containsEntry("listeners", "PLAINTEXT://127.0.0.1:9092,CONTROLLER://127.0.0.1:9093")
                .containsEntry("advertised.listeners", "PLAINTEXT://127.0.0.1:9092")
                .containsEntry("log.dirs", DATA.resolve("kafka-logs").toString());
    }

    @Test
    void shouldSizeEveryInternalTopicForASingleNode() {
        Map<String, String> p = BrokerConfig.properties(DATA, 9092, 9093, Map.of());

        assertThat(p).containsEntry("offsets.topic.replication.factor", "1")
                .containsEntry("transaction.state.log.replication.factor", "1")
                .containsEntry("transaction.state.log.min.isr", "1")
                .containsEntry("share.coordinator.state.topic.replication.factor", "1")
                .containsEntry("share.coordinator.state.topic.min.isr", "1")
                .containsEntry("group.initial.rebalance.delay.ms", "0");
    }

    @Test
    void shouldLetCallerPropertiesWinOverDefaults() {
        Map<String, String> p = BrokerConfig.properties(DATA, 9092, 9093,
                Map.of("auto.create.topics.enable", "true", "log.retention.hours", "1"));

        assertThat(p).containsEntry("auto.create.topics.enable", "true")
                .containsEntry("log.retention.hours", "1");
    }
}
