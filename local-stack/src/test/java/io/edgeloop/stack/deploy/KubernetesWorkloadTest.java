package io.edgeloop.stack.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.edgeloop.stack.deploy.DeployFiles.Resource;

class KubernetesWorkloadTest {

    @Test
    void shouldRunEveryAppAsOneWorkloadAndConnectAsAKafkaConnect() {
        List<DeployApp> apps = DeployFiles.workloads().stream().map(w -> DeployFiles.app(w).orElseThrow()).toList();

        assertThat(apps).containsExactlyInAnyOrderElementsOf(Arrays.stream(DeployApp.values())
                .filter(a -> a != DeployApp.CONNECT).toList());
        assertThat(DeployFiles.resource("KafkaConnect", DeployApp.CONNECT.principal())).isPresent();
        assertThat(DeployFiles.resource("StatefulSet", DeployApp.STREAMS_APP.id())).isPresent();
        assertThat(DeployFiles.resource("Deployment", DeployApp.RESOLVER_APP.id())).isPresent();
        assertThat(DeployFiles.resource("Deployment", DeployApp.ADMIN.id())).isPresent();
    }

    @Test
    void shouldProbeEveryAppOnItsHealthEndpointAndAdvertiseItsMetricsToPrometheus() {
        for (Resource workload : DeployFiles.workloads()) {
            DeployApp app = DeployFiles.app(workload).orElseThrow();
            JsonNode container = container(workload);
            JsonNode annotations = DeployFiles.podMetadata(workload).path("annotations");
            if (app.healthPath().isEmpty()) {
                for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
                    assertThat(container.path(probe).path("httpGet").isMissingNode())
                            .as(workload + " serves no HTTP, so no HTTP " + probe).isTrue();
                }
            } else {
                assertThat(port(container, "http")).as(workload + " http port").isEqualTo(app.httpPort());
                for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
                    JsonNode get = container.path(probe).path("httpGet");
                    assertThat(get.path("path").asText()).as(workload + " " + probe)
                            .isEqualTo(app.healthPath().orElseThrow());
                    assertThat(get.path("port").asText()).as(workload + " " + probe).isEqualTo("http");
                }
            }
            if (app.metricsPath().isEmpty()) {
                assertThat(annotations.has("prometheus.io/scrape")).as(workload + " has no metrics to scrape").isFalse();
            } else {
                assertThat(annotations.path("prometheus.io/scrape").asText()).as(workload + " scrape").isEqualTo("true");
                assertThat(annotations.path("prometheus.io/port").asText()).isEqualTo(Integer.toString(app.httpPort()));
                assertThat(annotations.path("prometheus.io/path").asText()).isEqualTo(app.metricsPath().orElseThrow());
            }
        }
    }

    @Test
    void shouldRunStreamsAppAsItsReadmeDescribesIt() {
        String readme = DeployFiles.text(DeployFiles.file("streams-app/README.md"));
        Resource streams = DeployFiles.resource("StatefulSet", DeployApp.STREAMS_APP.id()).orElseThrow();

        assertThat(DeployApp.STREAMS_APP.mainClass()).contains("io.edgeloop.streams.StreamsApp");
        assertThat(readme).contains("`StreamsApp.main`")
                .contains("| `GET " + DeployApp.STREAMS_APP.healthPath().orElseThrow() + "` |")
                .contains("| `http.host`, `http.port` | localhost, " + io.edgeloop.streams.StreamsOptions.HTTP_PORT.defaultValue()
                        + " |");
        assertThat(DeployEnvironments.kubernetesValue(container(streams), "APP_HTTP_PORT"))
                .as("the container port, not the README's default " + io.edgeloop.streams.StreamsOptions.HTTP_PORT
                        .defaultValue()).isEqualTo(Integer.toString(DeployApp.STREAMS_APP.httpPort()));
    }

    @Test
    void shouldPointTheAdminAtTheMountedOperatorAccounts() {
        Resource admin = DeployFiles.resource("Deployment", DeployApp.ADMIN.id()).orElseThrow();
        String file = DeployEnvironments.kubernetesValue(container(admin), "APP_OPERATORS_FILE");

        assertThat(file).isEqualTo(DeployApp.ADMIN_OPERATORS_FILE).startsWith(mountPath(container(admin), "operators") + "/");
        assertThat(DeployFiles.kustomization().path("secretGenerator").toString())
                .as("the Secret's key is the file name the option points at")
                .contains("\"" + file.substring(file.lastIndexOf('/') + 1) + "=");
    }

    @Test
    void shouldRequestAndLimitCpuAndMemoryAndRunAsAnUnprivilegedUser() {
        for (Resource workload : DeployFiles.workloads()) {
            JsonNode container = container(workload);
            for (String bound : List.of("requests", "limits")) {
                for (String resource : List.of("cpu", "memory")) {
                    assertThat(container.path("resources").path(bound).path(resource).asText())
                            .as(workload + " " + bound + "." + resource).isNotEmpty();
                }
            }
            JsonNode pod = DeployFiles.podSpec(workload).path("securityContext");
            assertThat(pod.path("runAsNonRoot").asBoolean()).as(workload + " runAsNonRoot").isTrue();
            assertThat(pod.path("runAsUser").asInt()).as(workload + " user").isPositive();
            assertThat(container.path("securityContext").path("allowPrivilegeEscalation").asBoolean(true)).isFalse();
            assertThat(container.path("image").asText()).startsWith("edgeloop/" + DeployFiles.app(workload).orElseThrow().id() + ":");
        }
    }

    @Test
    void shouldKeepStreamsStateOnAPersistentVolumeAndAdvertiseEachPodByItsDnsName() {
        Resource set = DeployFiles.resource("StatefulSet", DeployApp.STREAMS_APP.id()).orElseThrow();
        JsonNode container = container(set);
        String stateDir = DeployEnvironments.kubernetesValue(container, "KAFKA_STATE_DIR");
        String serviceName = set.doc().path("spec").path("serviceName").asText();
        JsonNode claim = set.doc().path("spec").path("volumeClaimTemplates").get(0);

        assertThat(mountPath(container, claim.path("metadata").path("name").asText())).isEqualTo(stateDir);
        assertThat(claim.path("spec").path("resources").path("requests").path("storage").asText()).isNotEmpty();
        assertThat(DeployEnvironments.kubernetesValue(container, "KAFKA_APPLICATION_SERVER"))
                .isEqualTo("$(POD_NAME)." + serviceName + ".$(POD_NAMESPACE).svc:" + DeployApp.STREAMS_APP.httpPort());
        assertThat(envNames(container).indexOf("POD_NAME"))
                .as("POD_NAME is defined before the variable that references it")
                .isLessThan(envNames(container).indexOf("KAFKA_APPLICATION_SERVER"));
        JsonNode headless = DeployFiles.resource("Service", serviceName).orElseThrow().doc().path("spec");
        assertThat(headless.path("clusterIP").asText()).isEqualTo("None");
        assertThat(headless.path("publishNotReadyAddresses").asBoolean()).isTrue();
        assertThat(Integer.parseInt(DeployEnvironments.kubernetesValue(container, "KAFKA_NUM_STANDBY_REPLICAS")))
                .isPositive();
    }

    @Test
    void shouldSetEachStreamsAppsApplicationIdToItsPrincipal() {
        for (Resource workload : DeployFiles.workloads()) {
            DeployApp app = DeployFiles.app(workload).orElseThrow();
            if (app.kind() == DeployApp.ClientKind.STREAMS) {
                assertThat(DeployEnvironments.kubernetesValue(container(workload), "KAFKA_APPLICATION_ID"))
                        .as(workload.toString()).isEqualTo(app.principal());
                assertThat(mountPath(container(workload), "state"))
                        .isEqualTo(DeployEnvironments.kubernetesValue(container(workload), "KAFKA_STATE_DIR"));
            }
        }
    }

    @Test
    void shouldSelectAWorkloadWithEveryService() {
        for (Resource service : DeployFiles.resources("Service")) {
            String selected = service.doc().path("spec").path("selector").path("app.kubernetes.io/name").asText();
            assertThat(DeployFiles.workloads()).as(service + " selects " + selected)
                    .anyMatch(w -> DeployFiles.podMetadata(w).path("labels").path("app.kubernetes.io/name").asText()
                            .equals(selected));
        }
    }

    @Test
    void shouldShareTheRetrospectiveReportsWithTheDashboardOnOneVolume() {
        JsonNode retro = container(DeployFiles.resource("Deployment", DeployApp.RETRO_APP.id()).orElseThrow());
        JsonNode admin = container(DeployFiles.resource("Deployment", DeployApp.ADMIN.id()).orElseThrow());
        String written = DeployEnvironments.kubernetesValue(retro, "APP_RETRO_REPORTS_DIR");

        assertThat(mountPath(retro, "reports")).isEqualTo(written);
        assertThat(DeployEnvironments.kubernetesValue(admin, "APP_REPORTS_DIR")).isEqualTo(written);
        assertThat(mountPath(admin, "reports")).isEqualTo(written);
        for (Resource workload : List.of(DeployFiles.resource("Deployment", DeployApp.RETRO_APP.id()).orElseThrow(),
                DeployFiles.resource("Deployment", DeployApp.ADMIN.id()).orElseThrow())) {
            assertThat(DeployFiles.podSpec(workload).path("volumes").toString()).as(workload.toString())
                    .contains("\"claimName\":\"retro-reports\"");
        }
        JsonNode claim = DeployFiles.resource("PersistentVolumeClaim", "retro-reports").orElseThrow().doc().path("spec");
        assertThat(claim.path("accessModes").toString()).as("two pods mount it").contains("ReadWriteMany");
    }

    @Test
    void shouldMountTheOperatorAccountsSecretIntoTheAdmin() {
        Resource admin = DeployFiles.resource("Deployment", DeployApp.ADMIN.id()).orElseThrow();

        assertThat(DeployFiles.podSpec(admin).path("volumes").toString()).contains("edgeloop-admin-operators");
        assertThat(mountPath(container(admin), "operators")).isEqualTo("/etc/edgeloop/admin");
    }

    private static JsonNode container(Resource workload) {
        return DeployFiles.podSpec(workload).path("containers").get(0);
    }

    private static int port(JsonNode container, String name) {
        for (JsonNode port : container.path("ports")) {
            if (port.path("name").asText().equals(name)) {
                return port.path("containerPort").asInt();
            }
        }
        throw new AssertionError("no port " + name + " in " + container.path("name"));
    }

    private static String mountPath(JsonNode container, String volume) {
        for (JsonNode mount : container.path("volumeMounts")) {
            if (mount.path("name").asText().equals(volume)) {
                return mount.path("mountPath").asText();
            }
        }
        throw new AssertionError("no mount of " + volume + " in " + container.path("name"));
    }

    private static List<String> envNames(JsonNode container) {
        List<String> names = new ArrayList<>();
        container.path("env").forEach(var -> names.add(var.path("name").asText()));
        return names;
    }
}
