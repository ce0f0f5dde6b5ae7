package io.edgeloop.stack.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.edgeloop.schemas.topics.Topic;
import io.edgeloop.schemas.topics.Topics;
import io.edgeloop.stack.deploy.DeployFiles.Resource;

class KafkaTopicManifestTest {

    private static final Pattern CREATE = Pattern.compile("^create --topic (\\S+) --partitions (\\d+)(.*)$");
    private static final Pattern CONFIG = Pattern.compile("--config (\\S+?)=(\\S+)");

    @Test
    void shouldDeclareEveryCatalogTopicAsAKafkaTopicWithItsPartitionsAndConfigs() {
        List<Resource> topics = DeployFiles.resources("KafkaTopic");

        assertThat(topics).extracting(r -> r.doc().path("spec").path("topicName").asText())
                .containsExactlyElementsOf(Topics.all().stream().map(Topic::name).toList());
        for (Resource resource : topics) {
            Topic<?, ?> topic = Topics.byName(resource.doc().path("spec").path("topicName").asText()).orElseThrow();
            JsonNode spec = resource.doc().path("spec");
            assertThat(resource.name()).as(resource.toString()).isEqualTo(topic.name());
            assertThat(resource.doc().path("apiVersion").asText()).isEqualTo(StrimziManifests.API_VERSION);
            assertThat(resource.doc().path("metadata").path("labels").path(StrimziManifests.CLUSTER_LABEL).asText())
                    .as(resource + " cluster label").isEqualTo(StrimziManifests.CLUSTER);
            assertThat(spec.path("partitions").asInt()).as(resource + " partitions").isEqualTo(topic.partitions());
            assertThat(spec.path("replicas").asInt()).as(resource + " replicas").isEqualTo(StrimziManifests.TOPIC_REPLICAS);
            assertThat(configs(spec.path("config"))).as(resource + " configs").isEqualTo(topic.configs());
        }
    }

    @Test
    void shouldCreateEveryCatalogTopicInTheComposeScriptWithItsPartitionsAndConfigs() {
        String script = DeployFiles.text(DeployFiles.file("docker/generated/create-topics.sh")).replace("\\\n", " ");
        Map<String, Topic<?, ?>> created = new LinkedHashMap<>();

        for (String line : script.lines().toList()) {
            Matcher m = CREATE.matcher(line.trim());
            if (!m.matches()) {
                continue;
            }
            Topic<?, ?> topic = Topics.byName(m.group(1)).orElseThrow(() -> new AssertionError("not a catalog topic: " + line));
            Map<String, String> configs = new LinkedHashMap<>();
            Matcher c = CONFIG.matcher(m.group(3));
            while (c.find()) {
                configs.put(c.group(1), c.group(2));
            }
            assertThat(Integer.parseInt(m.group(2))).as(topic + " partitions").isEqualTo(topic.partitions());
            assertThat(configs).as(topic + " configs").isEqualTo(topic.configs());
            created.put(topic.name(), topic);
        }

        assertThat(created.keySet()).containsExactlyElementsOf(Topics.all().stream().map(Topic::name).toList());
    }

    @Test
    void shouldRunTheComposeScriptFromTheOneShotTopicsServiceAgainstTheBroker() {
        JsonNode topics = DeployFiles.compose().path("services").path("topics");

        assertThat(topics.path("image").asText()).isEqualTo(DeployFiles.compose().path("services")
                .path(DeployEnvironments.BROKER_SERVICE).path("image").asText());
        assertThat(topics.path("volumes").get(0).asText())
                .startsWith("./docker/generated/" + DeployRenderer.TOPIC_SCRIPT_FILE + ":");
        assertThat(topics.path("entrypoint").toString()).contains("kafka:19092");
        assertThat(topics.path("depends_on").path("kafka").path("condition").asText()).isEqualTo("service_healthy");
    }

    private static Map<String, String> configs(JsonNode config) {
        Map<String, String> out = new LinkedHashMap<>();
        DeployFiles.fieldNames(config).forEach(k -> out.put(k, config.path(k).asText()));
        return out;
    }
}
