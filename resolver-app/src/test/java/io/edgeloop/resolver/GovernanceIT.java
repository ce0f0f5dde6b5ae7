package io.edgeloop.resolver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgeloop.schemas.avro.ApprovalDecision;
import io.edgeloop.schemas.avro.ChangeKind;
import io.edgeloop.schemas.avro.ChangeStatus;
import io.edgeloop.schemas.avro.ModelChange;
import io.edgeloop.schemas.avro.PatternDefinition;
import io.edgeloop.schemas.avro.PatternStatus;
import io.edgeloop.schemas.topics.Topics;
import io.edgeloop.testsupport.KafkaTest;
import io.edgeloop.testsupport.KafkaTestContext;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static io.edgeloop.resolver.RunningResolver.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;

/** Propose, approve, and the library on the broker, as the streams app reads it, has the new version. */
@KafkaTest
class GovernanceIT {

    @Test
    void shouldPublishAnApprovedChangeAsANewLibraryVersion(KafkaTestContext kafka) throws Exception {
        try (ResolverApp.Handle resolver = RunningResolver.start(kafka, kafka.uniqueAppId("resolver"),
                kafka.tempDir().resolve("state"))) {
            kafka.consumeUntil(Topics.PATTERN_LIBRARY.name(), 17, TIMEOUT,
                    Topics.PATTERN_LIBRARY.keySerde().deserializer(), Topics.PATTERN_LIBRARY.valueSerde().deserializer());

            ModelChange proposal = Governance.status("chg-degrade-bull", ChangeKind.DEGRADE, "bull_state_dominance");
            kafka.produce(Topics.MODEL_CHANGELOG.name(), Topics.MODEL_CHANGELOG.keySerde().serializer(),
                    Topics.MODEL_CHANGELOG.valueSerde().serializer(), List.of(Map.entry(proposal.getId(), proposal)));
            ApprovalDecision approval = Governance.approve(proposal.getId(), "alice");
            kafka.produce(Topics.APPROVALS.name(), Topics.APPROVALS.keySerde().serializer(),
                    Topics.APPROVALS.valueSerde().serializer(), List.of(Map.entry(approval.getChangeId(), approval)));

            List<ConsumerRecord<String, PatternDefinition>> library = kafka.consumeUntil(Topics.PATTERN_LIBRARY.name(),
                    18, TIMEOUT, Topics.PATTERN_LIBRARY.keySerde().deserializer(),
                    Topics.PATTERN_LIBRARY.valueSerde().deserializer());
            Map<String, PatternDefinition> table = new TreeMap<>();
            library.forEach(r -> table.put(r.key(), r.value()));
            assertThat(table).hasSize(17);
            assertThat(table.get("bull_state_dominance").getStatus()).isEqualTo(PatternStatus.DEGRADED);
            assertThat(table.values().stream().mapToLong(PatternDefinition::getLibraryVersion).max().orElseThrow())
                    .isEqualTo(2);

            List<ConsumerRecord<String, ModelChange>> changes = kafka.consumeUntil(Topics.MODEL_CHANGELOG.name(), 2,
                    TIMEOUT, Topics.MODEL_CHANGELOG.keySerde().deserializer(),
                    Topics.MODEL_CHANGELOG.valueSerde().deserializer());
            ModelChange answer = changes.get(1).value();
            assertThat(answer.getStatus()).isEqualTo(ChangeStatus.APPLIED);
            assertThat(answer.getLibraryVersionAfter()).isEqualTo(2L);
            assertThat(changes.get(1).headers().lastHeader(KeeperProcessor.WRITER_HEADER)).isNotNull();

            HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + resolver.httpPort() + "/model/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode body = new ObjectMapper().readTree(health.body());
            assertThat(body.get("libraryVersion").asLong()).isEqualTo(2);
            assertThat(body.at("/patterns/DEGRADED").asInt()).isEqualTo(1);
            assertThat(body.get("pendingProposals").asInt()).isZero();
        }
    }
}
