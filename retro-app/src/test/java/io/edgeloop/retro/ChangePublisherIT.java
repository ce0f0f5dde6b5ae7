package io.edgeloop.retro;

import io.edgeloop.core.retro.Evidence;
import io.edgeloop.core.retro.Proposal;
import io.edgeloop.core.retro.ProposalKind;
import io.edgeloop.core.retro.Severity;
import io.edgeloop.schemas.avro.ChangeStatus;
import io.edgeloop.schemas.avro.ModelChange;
import io.edgeloop.schemas.topics.Topics;
import io.edgeloop.testsupport.KafkaTest;
import io.edgeloop.testsupport.KafkaTestContext;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** Publishing seeding proposals on a real broker: each change id once, whatever the changelog holds. */
@KafkaTest
class ChangePublisherIT {

    private static final Instant AT = Instant.parse("2025-12-31T21:15:00Z");

    private static Proposal proposal(String pattern, ProposalKind kind) {
        Evidence evidence = new Evidence(120, 0.31, 0.25, 0.38, 1e-4, 1e-3, null, null, null, null, null,
                Map.of("baseRate", "22.0% of 4000 days the pattern did not match"));
        return new Proposal("seed-2025-12-31-" + kind.name().toLowerCase() + "-" + pattern, kind, pattern,
                kind + " " + pattern, Severity.MEDIUM, evidence, Optional.empty());
    }

    @Test
    void shouldPublishEachChangeIdOnceAndNeverOverwriteADecidedChange(KafkaTestContext ctx) throws Exception {
        List<ModelChange> changes = ProposalFiles.records(List.of(proposal("squeeze_release_bull", ProposalKind.PROMOTE),
                proposal("bull_state_dominance", ProposalKind.DEGRADE),
                proposal("momentum_elite", ProposalKind.PROMOTE)), AT);
        ModelChange decided = ModelChange.newBuilder(changes.get(1)).setStatus(ChangeStatus.REJECTED).build();
        ctx.produce(Topics.MODEL_CHANGELOG.name(), new StringSerializer(), Topics.MODEL_CHANGELOG.valueSerde().serializer(),
                List.of(Map.entry(decided.getId(), decided)));
        Properties kafka = new Properties();
        kafka.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, ctx.bootstrapServers());

        ChangePublisher.Result first = ChangePublisher.publish(kafka, changes, Duration.ofSeconds(30));
        ChangePublisher.Result second = ChangePublisher.publish(kafka, changes, Duration.ofSeconds(30));

        assertThat(first.published()).containsExactly(changes.get(0).getId(), changes.get(2).getId());
        assertThat(first.skipped()).containsExactly(decided.getId());
        assertThat(second.published()).isEmpty();
        assertThat(second.skipped()).hasSize(3);
        List<ConsumerRecord<String, ModelChange>> changelog = ctx.consumeUntil(Topics.MODEL_CHANGELOG.name(), 3,
                Duration.ofSeconds(30), new StringDeserializer(), Topics.MODEL_CHANGELOG.valueSerde().deserializer());
        assertThat(changelog).extracting(ConsumerRecord::key).containsExactlyInAnyOrder(changes.get(0).getId(),
                decided.getId(), changes.get(2).getId());
        assertThat(changelog).filteredOn(r -> r.key().equals(decided.getId())).singleElement()
                .satisfies(r -> assertThat(r.value().getStatus()).isEqualTo(ChangeStatus.REJECTED));
    }
}
