package io.edgeloop.schemas.topics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TopicCatalogJsonTest {

    @Test
    void shouldListEveryTopicWithItsContract() throws Exception {
        JsonNode root = new ObjectMapper().readTree(TopicCatalogJson.render());

        List<String> names = new ArrayList<>();
        root.get("topics").forEach(t -> names.add(t.get("name").asText()));
        assertThat(names).containsExactlyElementsOf(Topics.all().stream().map(Topic::name).toList());
        for (JsonNode topic : root.get("topics")) {
            assertThat(topic.get("key").get("type").asText()).isEqualTo("string");
            if (topic.get("name").asText().endsWith(".control")) {
                assertThat(topic.get("value").get("type").asText()).startsWith("int64");
            } else {
                assertThat(topic.get("value").get("schema").asText()).startsWith("io.edgeloop.schemas.avro.");
            }
            assertThat(topic.get("partitions").asInt()).isPositive();
            assertThat(topic.get("configs").get("cleanup.policy").asText())
                    .isEqualTo(topic.get("cleanupPolicy").asText());
            assertThat(topic.get("description").asText()).isNotBlank();
        }
    }

    @Test
    void shouldDescribeCandlesWithBothReleasedHeaders() throws Exception {
        JsonNode root = new ObjectMapper().readTree(TopicCatalogJson.render());
        JsonNode candles = root.get("topics").get(0);

        assertThat(candles.get("name").asText()).isEqualTo("candles");
        assertThat(candles.get("value").get("schema").asText()).isEqualTo("io.edgeloop.schemas.avro.Candle");
        assertThat(candles.get("retentionMs").asLong()).isEqualTo(30L * 24 * 3600 * 1000);
        JsonNode versions = candles.get("value").get("versions");
        assertThat(versions).hasSize(2);
        assertThat(versions.get(0).get("header").asText()).matches("c301[0-9a-f]{16}")
                .isNotEqualTo(versions.get(1).get("header").asText());
    }
}
