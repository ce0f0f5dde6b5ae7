package io.edgeloop.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.edgeloop.schemas.topics.Topic;
import io.edgeloop.schemas.topics.Topics;

class TopicsCommandTest {

    @Test
    void shouldPrintOneTableRowPerCatalogTopicWithPartitionsAndCleanup() {
        Cli cli = Cli.run("topics");

        assertThat(cli.exitCode()).isZero();
        List<String> lines = Arrays.asList(cli.out().split("\\R"));
        assertThat(lines.get(0)).startsWith("TOPIC").contains("PARTITIONS").contains("CLEANUP");
        assertThat(lines).hasSize(Topics.all().size() + 1);
        for (Topic<?, ?> topic : Topics.all()) {
            String cleanup = topic.configs().getOrDefault("cleanup.policy", "delete");
            assertThat(lines).anySatisfy(line -> assertThat(line.split("\\s+"))
                    .startsWith(topic.name(), Integer.toString(topic.partitions()), cleanup));
        }
    }

    @Test
    void shouldPrintTheCatalogAsJsonThatProgramsCanRead() throws Exception {
        Cli cli = Cli.run("topics", "--json");

        assertThat(cli.exitCode()).isZero();
        List<Map<String, Object>> topics = new ObjectMapper().convertValue(
                new ObjectMapper().readTree(cli.out()).get("topics"), new TypeReference<>() {
                });
        assertThat(topics).extracting(t -> t.get("name"))
                .containsExactlyElementsOf(Topics.all().stream().map(Topic::name).toList());
        Map<String, Object> signals = topics.stream().filter(t -> t.get("name").equals("signals")).findFirst().orElseThrow();
        assertThat(signals).containsEntry("cleanupPolicy", "compact")
                .containsEntry("partitions", Topics.SIGNALS.partitions())
                .containsEntry("configs", Topics.SIGNALS.configs());
    }
}
