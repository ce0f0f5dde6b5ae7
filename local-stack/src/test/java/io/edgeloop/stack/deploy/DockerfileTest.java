package io.edgeloop.stack.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** docker/Dockerfile, read as text: one build stage per process, each run as the jar's main class. */
class DockerfileTest {

    private static final Logger LOG = LoggerFactory.getLogger(DockerfileTest.class);
    private static final Map<String, List<String>> STAGES = stages(DeployFiles.text(DeployFiles.file("docker/Dockerfile")));

    @Test
    void shouldBuildEveryAppFromTheSharedJreStageAndStartItsMainClassFromTheShadedJar() {
        assertThat(STAGES.get("jre").get(0)).isEqualTo("FROM eclipse-temurin:17-jre AS jre");
        assertThat(STAGES.get("app").get(0)).isEqualTo("FROM jre AS app");
        List<String> absent = new ArrayList<>();
        for (DeployApp app : DeployApp.values()) {
            if (app.mainClass().isEmpty()) {
                continue;
            }
            String mainClass = app.mainClass().get();
            List<String> stage = STAGES.get(app.id());
            assertThat(stage).as("Dockerfile target " + app.id()).isNotNull();
            assertThat(stage.get(0)).isEqualTo("FROM app AS " + app.id());
            assertThat(String.join("\n", stage)).as(app.id() + " entrypoint")
                    .contains("\"-cp\", \"/opt/edgeloop/edgeloop.jar\", \"" + mainClass + "\"]");
            try {
                Method main = mainMethod(Class.forName(mainClass));
                assertThat(Modifier.isStatic(main.getModifiers())).as(mainClass + ".main is static").isTrue();
            } catch (ClassNotFoundException e) {
                absent.add(mainClass);
            }
        }
        if (!absent.isEmpty()) {
            LOG.warn("main classes not on the class path yet, their images cannot start: {}", absent);
        }
    }

    @Test
    void shouldRunAsANonRootUserWithAHealthCheckOnEachProcesssHealthEndpoint() {
        String app = String.join("\n", STAGES.get("app"));
        String connect = String.join("\n", STAGES.get(DeployApp.CONNECT.id()));

        assertThat(app).contains("USER 10001:10001")
                .contains("curl -fsS -o /dev/null http://localhost:" + DeployApp.APP_HTTP_PORT + "/health");
        assertThat(connect).contains("USER 10001:10001").contains("FROM jre AS connect")
                .contains("curl -fsS -o /dev/null http://localhost:" + DeployApp.CONNECT_REST_PORT
                        + DeployApp.CONNECT.healthPath().orElseThrow());
        assertThat(String.join("\n", STAGES.get("jre"))).contains("useradd --system --uid 10001");
    }

    @Test
    void shouldBindEveryHttpAppToAllInterfacesOnThePortTheHealthCheckUsesAndDropItForRetro() {
        for (DeployApp app : DeployApp.values()) {
            if (app == DeployApp.CONNECT) {
                continue;
            }
            String stage = String.join("\n", STAGES.get(app.id()));
            if (app.appServingHttp()) {
                assertThat(stage).as(app.id()).contains("ENV APP_HTTP_HOST=0.0.0.0 APP_HTTP_PORT=" + app.httpPort());
            } else {
                assertThat(stage).as(app.id()).contains("HEALTHCHECK NONE").doesNotContain("APP_HTTP");
            }
        }
    }

    @Test
    void shouldPutTheJarOnTheConnectPluginPathOfBothConnectImages() {
        String worker = DeployFiles.text(DeployFiles.file("docker/connect/worker.properties"));

        assertThat(String.join("\n", STAGES.get("connect")))
                .contains("local-stack/target/edgeloop.jar /opt/edgeloop/connect-plugins/edgeloop/edgeloop.jar");
        assertThat(worker).contains("plugin.path=/opt/edgeloop/connect-plugins");
        assertThat(String.join("\n", STAGES.get("connect-strimzi")))
                .contains("local-stack/target/edgeloop.jar /opt/kafka/plugins/edgeloop/edgeloop.jar");
        assertThat(DeployFiles.resources("KafkaConnect").get(0).doc().path("spec").path("image").asText())
                .startsWith("edgeloop/connect-strimzi:");
    }

    private static Method mainMethod(Class<?> type) {
        try {
            return type.getMethod("main", String[].class);
        } catch (NoSuchMethodException e) {
            throw new AssertionError(type.getName() + " has no public static void main(String[])", e);
        }
    }

    /** Each build stage's lines (continuations joined), by stage name. */
    private static Map<String, List<String>> stages(String dockerfile) {
        Map<String, List<String>> stages = new LinkedHashMap<>();
        List<String> current = null;
        for (String line : dockerfile.replace("\\\n", " ").lines().map(String::strip).toList()) {
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("FROM ")) {
                current = new ArrayList<>();
                stages.put(line.substring(line.lastIndexOf(' ') + 1), current);
            }
            if (current != null) {
                current.add(line.replaceAll(" +", " "));
            }
        }
        return stages;
    }
}
