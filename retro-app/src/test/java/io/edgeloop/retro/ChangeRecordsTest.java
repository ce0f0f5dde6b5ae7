package io.edgeloop.retro;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgeloop.core.retro.Evidence;
import io.edgeloop.core.retro.Proposal;
import io.edgeloop.core.retro.ProposalKind;
import io.edgeloop.core.retro.Severity;
import io.edgeloop.core.stats.BetaPrior;
import io.edgeloop.schemas.avro.ChangeStatus;
import io.edgeloop.schemas.avro.ModelChange;
import io.edgeloop.schemas.json.AvroJson;
import io.edgeloop.schemas.topics.Topics;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ChangeRecordsTest {

    private static final Instant AT = Instant.parse("2020-02-28T21:15:00Z");

    @Test
    void shouldWriteARegimeAlertAsAProposedChangeByTheRetrospective() throws Exception {
        Evidence e = new Evidence(393, 0.26, 0.2, 0.33, 0.0016, 0.0016, 0.26, 0.69, 165, 228, null,
                Map.of("scope", "market", "asOf", "2020-02-28"));
        Proposal p = new Proposal("retro-2020-02-28-regime_alert-market", ProposalKind.REGIME_ALERT, null,
                "Market regime shift down", Severity.HIGH, e, Optional.empty());

        ModelChange change = ChangeRecords.toAvro(p, AT, BetaPrior.UNIFORM);
        byte[] bytes = Topics.MODEL_CHANGELOG.valueSerde().serializer().serialize("model-changelog", change);
        ModelChange back = Topics.MODEL_CHANGELOG.valueSerde().deserializer().deserialize("model-changelog", bytes);
        JsonNode json = new ObjectMapper().readTree(AvroJson.toLine(change));

        assertThat(back).isEqualTo(change);
        assertThat(change.getStatus()).isEqualTo(ChangeStatus.PROPOSED);
        assertThat(change.getProposedBy()).isEqualTo("retrospective");
        assertThat(change.getProposed()).isNull();
        assertThat(json.get("kind").asText()).isEqualTo("REGIME_ALERT");
        assertThat(json.get("proposedAt").asText()).isEqualTo("2020-02-28T21:15:00Z");
        assertThat(json.get("evidence").get("recentN").asInt()).isEqualTo(165);
        assertThat(json.get("evidence").get("outOfSample").isNull()).isTrue();
        assertThat(json.get("evidence").get("details").get("scope").asText()).isEqualTo("market");
        assertThat(json.get("severity").asText()).isEqualTo("HIGH");
    }
}
