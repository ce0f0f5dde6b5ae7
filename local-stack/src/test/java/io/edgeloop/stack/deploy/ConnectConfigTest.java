package io.edgeloop.stack.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import org.apache.kafka.connect.connector.Connector;
import org.apache.kafka.connect.runtime.SourceConnectorConfig;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;

import io.edgeloop.schemas.topics.Topics;
import io.edgeloop.stack.deploy.DeployFiles.Resource;

/** The Connect worker and connector configs of compose and Kubernetes, against each other and the catalog. */
class ConnectConfigTest {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectConfigTest.class);
    private static final Set<String> TOPIC_KEYS = Set.of("topic", "dlq.topic");

    @Test
    void shouldRunTheSameConnectorsWithTheSameConfigsInComposeAndKubernetes() {
        Map<String, Map<String, String>> compose = composeConnectors();
        Map<String, Map<String, String>> kubernetes = new LinkedHashMap<>();
        for (Resource connector : DeployFiles.resources("KafkaConnector")) {
            JsonNode spec = connector.doc().path("spec");
            Map<String, String> config = new LinkedHashMap<>();
            config.put("connector.class", spec.path("class").asText());
            config.put("tasks.max", spec.path("tasksMax").asText());
            DeployFiles.fieldNames(spec.path("config")).forEach(k -> config.put(k, spec.path("config").path(k).asText()));
            assertThat(connector.doc().path("metadata").path("labels").path(StrimziManifests.CLUSTER_LABEL).asText())
                    .isEqualTo(DeployApp.CONNECT.principal());
            kubernetes.put(connector.name(), config);
        }

        assertThat(compose).isNotEmpty().isEqualTo(kubernetes);
    }

    @Test
    void shouldWriteOnlyCatalogTopicsThatConnectOwns() {
        for (Map.Entry<String, Map<String, String>> connector : composeConnectors().entrySet()) {
            for (String key : TOPIC_KEYS) {
                String topic = connector.getValue().get(key);
                if (topic != null) {
                    assertThat(Topics.byName(topic)).as(connector.getKey() + " " + key).isPresent();
                    assertThat(DeployApp.CONNECT.writes()).as(connector.getKey() + " writes " + topic)
                            .contains(Topics.byName(topic).orElseThrow());
                }
            }
        }
    }

    @Test
    void shouldReadDataDirectoriesThatExistInTheMountedMarketData() {
        Path data = Path.of(System.getProperty("edgeloop.data.dir", DeployFiles.root().resolve("../shared/data").toString()));
        for (Map.Entry<String, Map<String, String>> connector : composeConnectors().entrySet()) {
            List<String> paths = new ArrayList<>();
            for (String key : List.of("paths", "sectors.file")) {
                String value = connector.getValue().get(key);
                if (value != null) {
                    paths.addAll(List.of(value.split(",")));
                }
            }
            assertThat(paths).as(connector.getKey() + " paths").isNotEmpty();
            for (String path : paths) {
                assertThat(path).startsWith("/data/");
                assertThat(Files.exists(data.resolve(path.substring("/data/".length()))))
                        .as(connector.getKey() + ": " + path + " under the market data " + data).isTrue();
            }
        }
        assertThat(DeployFiles.resources("KafkaConnect").get(0).doc().path("spec").path("template").toString())
                .contains("\"mountPath\":\"/data\"");
    }

    @Test
    void shouldUseOnlyConnectorKeysThatConnectOrTheConnectorDefine() {
        Set<String> framework = SourceConnectorConfig.configDef().names();
        List<String> absent = new ArrayList<>();
        for (Map.Entry<String, Map<String, String>> connector : composeConnectors().entrySet()) {
            Set<String> known = new TreeSet<>(framework);
            String className = connector.getValue().get("connector.class");
            try {
                Connector instance = (Connector) Class.forName(className).getDeclaredConstructor().newInstance();
                known.addAll(instance.config().names());
            } catch (ClassNotFoundException e) {
                absent.add(className);
                continue;
            } catch (ReflectiveOperationException e) {
                throw new AssertionError(className + " cannot be instantiated as Connect does", e);
            }
            assertThat(known).as(connector.getKey() + " keys").containsAll(connector.getValue().keySet());
        }
        if (!absent.isEmpty()) {
            LOG.warn("connector classes not on the class path yet, their config keys are unchecked: {}", absent);
        }
        assertThat(framework).contains("connector.class", "tasks.max", "key.converter", "value.converter");
    }

    @Test
    void shouldConfigureTheComposeWorkerLikeTheKafkaConnectResource() throws IOException {
        Properties worker = new Properties();
        worker.load(new StringReader(DeployFiles.text(DeployFiles.file("docker/connect/worker.properties"))));
        JsonNode spec = DeployFiles.resources("KafkaConnect").get(0).doc().path("spec");

        assertThat(worker.getProperty("group.id")).isEqualTo(spec.path("groupId").asText());
        assertThat(worker.getProperty("config.storage.topic")).isEqualTo(spec.path("configStorageTopic").asText());
        assertThat(worker.getProperty("offset.storage.topic")).isEqualTo(spec.path("offsetStorageTopic").asText());
        assertThat(worker.getProperty("status.storage.topic")).isEqualTo(spec.path("statusStorageTopic").asText());
        for (String key : List.of("key.converter", "value.converter", "exactly.once.source.support", "plugin.discovery")) {
            assertThat(worker.getProperty(key)).as(key).isEqualTo(spec.path("config").path(key).asText());
        }
        for (String key : worker.stringPropertyNames()) {
            assertThat(KafkaConfigNames.CONNECT_WORKER).as("worker.properties key").contains(key);
        }
        for (String key : DeployFiles.fieldNames(spec.path("config"))) {
            assertThat(KafkaConfigNames.CONNECT_WORKER).as("KafkaConnect config key").contains(key);
        }
    }

    private static Map<String, Map<String, String>> composeConnectors() {
        Map<String, Map<String, String>> connectors = new LinkedHashMap<>();
        for (Path file : DeployFiles.connectorFiles()) {
            JsonNode json = DeployFiles.json(file);
            Map<String, String> config = new LinkedHashMap<>();
            DeployFiles.fieldNames(json).forEach(k -> config.put(k, json.path(k).asText()));
            connectors.put(file.getFileName().toString().replace(".json", ""), config);
        }
        return connectors;
    }

    /**
     * connectors/README.md hands out connectors/config/*.json for a cluster: every setting the
     * deploys' copies set has the same value there, so the handed-out files work on the data mount
     * the deploys ship.
     */
    @Test
    void shouldShipInTheConnectorsModuleTheConnectorConfigsTheDeployRuns() {
        Map<String, Map<String, String>> shipped = new LinkedHashMap<>();
        for (String name : composeConnectors().keySet()) {
            JsonNode json = DeployFiles.json(DeployFiles.file("connectors/config/" + name + ".json"));
            Map<String, String> config = new LinkedHashMap<>();
            DeployFiles.fieldNames(json.path("config")).forEach(k -> config.put(k, json.path("config").path(k).asText()));
            shipped.put(name, config);
        }

        for (Map.Entry<String, Map<String, String>> deployed : composeConnectors().entrySet()) {
            deployed.getValue().forEach((key, value) -> assertThat(shipped.get(deployed.getKey()).get(key))
                    .as(deployed.getKey() + " " + key).isEqualTo(value));
        }
    }
}
