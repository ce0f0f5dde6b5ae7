package io.edgeloop.kstreams;

import io.edgeloop.schemas.topics.CleanupPolicy;
import io.edgeloop.schemas.topics.Topic;
import io.edgeloop.testsupport.Await;
import io.edgeloop.testsupport.KafkaTest;
import io.edgeloop.testsupport.KafkaTestContext;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link ControlTopics} against a real broker: create when missing, check when present, refuse clearly. */
@KafkaTest
class ControlTopicsIT {

    @Test
    void shouldCreateAMissingControlTopicWithThePartitionsOfItsDataTopicAndTheCatalogSettings(KafkaTestContext kafka)
            throws Exception {
        Topic<String, Long> data = topic("created.data", 5);
        Topic<String, Long> control = topic("created.control", 1);
        kafka.createTopics(List.of(data));

        assertThat(ControlTopics.ensure(admin(kafka), control, data.name(), true)).isEqualTo(5);

        // the broker's metadata follows the controller's a moment later
        Await.until(() -> partitions(kafka, control.name()) == 5, Duration.ofSeconds(30),
                () -> control.name() + " has " + partitions(kafka, control.name()) + " partitions");
        try (Admin admin = Admin.create(admin(kafka))) {
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, control.name());
            Config config = admin.describeConfigs(List.of(resource)).all().get().get(resource);
            assertThat(config.get(TopicConfig.RETENTION_MS_CONFIG).value())
                    .isEqualTo(String.valueOf(Duration.ofDays(3).toMillis()));
        }
        // a second start finds it and changes nothing
        assertThat(ControlTopics.ensure(admin(kafka), control, data.name(), true)).isEqualTo(5);
    }

    @Test
    void shouldLeaveAnExistingControlTopicAsItIsAndAnswerThePartitionsOfTheDataTopic(KafkaTestContext kafka)
            throws Exception {
        Topic<String, Long> data = topic("existing.data", 4);
        Topic<String, Long> control = topic("existing.control", 2);
        kafka.createTopics(List.of(data, control));

        assertThat(ControlTopics.ensure(admin(kafka), control, data.name(), true)).isEqualTo(4);

        assertThat(partitions(kafka, control.name())).isEqualTo(2);
    }

    @Test
    void shouldNotCreateTheControlTopicWhenTurnedOff(KafkaTestContext kafka) throws Exception {
        Topic<String, Long> data = topic("off.data", 3);
        Topic<String, Long> control = topic("off.control", 1);
        kafka.createTopics(List.of(data));

        assertThat(ControlTopics.ensure(admin(kafka), control, data.name(), false)).isEqualTo(3);

        try (Admin admin = Admin.create(admin(kafka))) {
            assertThat(admin.listTopics().names().get()).contains(data.name()).doesNotContain(control.name());
        }
    }

    @Test
    void shouldSayWhichTopicIsMissingWhenTheDataTopicDoesNotExist(KafkaTestContext kafka) {
        Topic<String, Long> control = topic("orphan.control", 1);

        assertThatThrownBy(() -> ControlTopics.ensure(admin(kafka), control, "orphan.data", true))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot create orphan.control (does orphan.data exist?)");
        assertThat(ControlTopics.ensure(admin(kafka), control, "orphan.data", false)).isZero();
    }

    private static Topic<String, Long> topic(String name, int partitions) {
        return new Topic<>(name, Serdes.String(), Serdes.Long(), "who", "a test topic", partitions,
                CleanupPolicy.DELETE, Optional.of(Duration.ofDays(3)), Map.of());
    }

    private static Map<String, Object> admin(KafkaTestContext kafka) {
        return Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    }

    /** Partitions of {@code topic} as the broker describes it, 0 while it does not know it. */
    private static int partitions(KafkaTestContext kafka, String topic) {
        try (Admin admin = Admin.create(admin(kafka))) {
            return admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return 0;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
