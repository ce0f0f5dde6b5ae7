package io.edgeloop.stack.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

class ComposeTest {

    private static final JsonNode SERVICES = DeployFiles.compose().path("services");

    @Test
    void shouldRunEveryProcessAsAServiceBuiltFromItsDockerfileTarget() {
        for (DeployApp app : DeployApp.values()) {
            JsonNode service = SERVICES.path(app.id());
            assertThat(service.isMissingNode()).as("compose service " + app.id()).isFalse();
            assertThat(service.path("build").path("dockerfile").asText()).isEqualTo("docker/Dockerfile");
            assertThat(service.path("build").path("target").asText()).isEqualTo(app.id());
            assertThat(service.path("image").asText()).startsWith("edgeloop/" + app.id() + ":");
        }
    }

    @Test
    void shouldRunTheOfficialKafkaImageInKraftModeWithoutAutoCreatedTopics() {
        JsonNode kafka = SERVICES.path(DeployEnvironments.BROKER_SERVICE);

        assertThat(kafka.path("image").asText()).isEqualTo("apache/kafka:4.3.1");
        assertThat(kafka.path("environment").path("KAFKA_PROCESS_ROLES").asText()).isEqualTo("broker,controller");
        assertThat(kafka.path("environment").path("KAFKA_AUTO_CREATE_TOPICS_ENABLE").asText()).isEqualTo("false");
        assertThat(kafka.path("healthcheck").path("test").isEmpty()).isFalse();
    }

    @Test
    void shouldWaitOnHealthyServicesAndOnCompletedOneShots() {
        for (String name : DeployFiles.fieldNames(SERVICES)) {
            JsonNode dependsOn = SERVICES.path(name).path("depends_on");
            assertThat(dependsOn.isObject() || dependsOn.isMissingNode()).as(name + " depends_on with conditions").isTrue();
            for (String target : DeployFiles.fieldNames(dependsOn)) {
                JsonNode other = SERVICES.path(target);
                String condition = dependsOn.path(target).path("condition").asText();
                assertThat(other.isMissingNode()).as(name + " depends on unknown " + target).isFalse();
                if (DeployEnvironments.TOOL_SERVICES.contains(target)) {
                    assertThat(condition).as(name + " -> " + target).isEqualTo("service_completed_successfully");
                    assertThat(other.path("restart").asText()).as(target + " runs once").isEqualTo("no");
                } else {
                    assertThat(condition).as(name + " -> " + target).isEqualTo("service_healthy");
                    assertThat(other.path("healthcheck").path("test").isEmpty()).as(target + " health check").isFalse();
                }
            }
        }
        for (DeployApp app : DeployApp.values()) {
            assertThat(DeployFiles.fieldNames(SERVICES.path(app.id()).path("depends_on")))
                    .as(app.id() + " starts after the topics exist")
                    .containsAnyOf("topics", DeployApp.CONNECT.id());
        }
    }

    @Test
    void shouldCheckEveryProcessOnItsHealthEndpoint() {
        for (DeployApp app : DeployApp.values()) {
            JsonNode healthcheck = SERVICES.path(app.id()).path("healthcheck");
            if (app.healthPath().isEmpty()) {
                assertThat(healthcheck.path("disable").asBoolean()).as(app.id() + " serves no HTTP").isTrue();
            } else {
                assertThat(healthcheck.path("test").toString()).as(app.id())
                        .contains("http://localhost:" + app.httpPort() + app.healthPath().orElseThrow() + "\"");
            }
        }
    }

    @Test
    void shouldMountTheAdminsOperatorAccountsFileWhereItsOptionPoints() {
        JsonNode admin = SERVICES.path(DeployApp.ADMIN.id());
        String file = admin.path("environment").path("APP_OPERATORS_FILE").asText();

        assertThat(file).isEqualTo(DeployApp.ADMIN_OPERATORS_FILE);
        assertThat(admin.path("volumes").toString()).contains(":" + file + ":ro");
        String source = admin.path("volumes").get(0).asText().split(":")[0];
        assertThat(DeployFiles.file(source.replaceFirst("^\\./", ""))).exists();
    }

    @Test
    void shouldShareTheRetrospectiveReportsWithTheDashboardOnOneVolume() {
        JsonNode retro = SERVICES.path(DeployApp.RETRO_APP.id());
        JsonNode admin = SERVICES.path(DeployApp.ADMIN.id());
        String written = retro.path("environment").path("APP_RETRO_REPORTS_DIR").asText();

        assertThat(written).isNotEmpty();
        assertThat(admin.path("environment").path("APP_REPORTS_DIR").asText()).isEqualTo(written);
        assertThat(retro.path("volumes").toString()).contains("\"retro-reports:" + written + "\"");
        assertThat(admin.path("volumes").toString()).contains("\"retro-reports:" + written + ":ro\"");
        assertThat(DeployFiles.compose().path("volumes").has("retro-reports")).isTrue();
    }

    @Test
    void shouldConfigureStreamsAppsWithTheirApplicationIdStateVolumeAndQueryAddress() {
        for (DeployApp app : List.of(DeployApp.values())) {
            if (app.kind() != DeployApp.ClientKind.STREAMS) {
                continue;
            }
            JsonNode service = SERVICES.path(app.id());
            JsonNode env = service.path("environment");
            String stateDir = env.path("KAFKA_STATE_DIR").asText();
            assertThat(env.path("KAFKA_APPLICATION_ID").asText()).isEqualTo(app.principal());
            assertThat(env.path("KAFKA_APPLICATION_SERVER").asText()).isEqualTo(app.id() + ":" + app.httpPort());
            assertThat(service.path("volumes").toString()).as(app.id() + " state volume").contains(":" + stateDir + "\"");
        }
    }

    @Test
    void shouldMountTheSharedMarketDataReadOnlyIntoConnect() {
        JsonNode connect = SERVICES.path(DeployApp.CONNECT.id());

        assertThat(connect.path("volumes").toString()).contains("../shared/data:/data:ro");
        assertThat(connect.path("environment").path("KAFKA_GROUP_ID").asText()).isEqualTo(DeployApp.CONNECT.principal());
        assertThat(SERVICES.path("connectors").path("depends_on").path(DeployApp.CONNECT.id()).path("condition").asText())
                .isEqualTo("service_healthy");
    }
}
