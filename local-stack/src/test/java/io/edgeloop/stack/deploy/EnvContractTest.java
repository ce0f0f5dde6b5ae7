package io.edgeloop.stack.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;

import io.edgeloop.stack.deploy.EnvContract.ProcessEnv;
import io.edgeloop.stack.deploy.EnvContract.Role;

class EnvContractTest {

    @Test
    void shouldSetOnlyVariablesTheProcessesReadInComposeAndKubernetes(TestReporter reporter) {
        AppOptions options = AppOptions.fromClassPath();
        EnvContract contract = new EnvContract(options);
        List<ProcessEnv> containers = new ArrayList<>(DeployEnvironments.compose());
        containers.addAll(DeployEnvironments.kubernetes());

        List<String> problems = contract.problems(containers);

        String summary = "options classes present for " + options.present().size() + " apps " + options.present()
                + ", absent for " + options.absent().size() + " " + options.absent() + "; APP_* variables: "
                + contract.appVariablesChecked() + " checked against their own app, "
                + contract.appVariablesUnverifiable() + " accepted only because another present app declares them";
        reporter.publishEntry("env check", summary);
        assertThat(options.absent()).as("every app has its options class now, so every APP_* is checked against its own "
                + "app: " + summary).isEmpty();
        assertThat(problems).as("environment variables no process reads").isEmpty();
    }

    @Test
    void shouldBindEveryHttpAppToAllInterfacesOnItsContainerPortInComposeAndKubernetes() {
        List<ProcessEnv> containers = new ArrayList<>(DeployEnvironments.compose());
        containers.addAll(DeployEnvironments.kubernetes());
        int checked = 0;
        for (ProcessEnv container : containers) {
            if (container.app() == null || container.role() != Role.APP) {
                continue;
            }
            if (container.app().appServingHttp()) {
                assertThat(container.env()).as(container.where())
                        .containsEntry("APP_HTTP_HOST", "0.0.0.0")
                        .containsEntry("APP_HTTP_PORT", Integer.toString(container.app().httpPort()));
                checked++;
            } else {
                assertThat(container.env()).as(container.where() + " serves no HTTP")
                        .doesNotContainKeys("APP_HTTP_HOST", "APP_HTTP_PORT");
            }
        }
        assertThat(checked).as("streams-app, resolver-app and admin in compose and k8s").isEqualTo(6);
    }

    @Test
    void shouldDeclareHttpOptionsInEveryAppThatServesHttp() {
        AppOptions options = AppOptions.fromClassPath();
        for (DeployApp app : DeployApp.values()) {
            if (app.appServingHttp()) {
                assertThat(options.of(app).orElseThrow()).as(app.id())
                        .contains("APP_HTTP_HOST", "APP_HTTP_PORT");
            }
        }
        assertThat(options.of(DeployApp.ADMIN).orElseThrow()).contains("APP_OPERATORS_FILE");
    }

    @Test
    void shouldRejectAMisspeltKafkaPropertyForEachKindOfProcess() {
        EnvContract contract = new EnvContract(AppOptions.of(Map.of()));

        List<String> problems = contract.problems(List.of(
                app(DeployApp.STREAMS_APP, Map.of("KAFKA_BOOTSTRAP_SERVER", "kafka:9092", "KAFKA_STATE_DIR", "/s")),
                app(DeployApp.ADMIN, Map.of("KAFKA_APPLICATION_ID", "edgeloop-admin")),
                app(DeployApp.CONNECT, Map.of("KAFKA_GROUP_ID", "g", "KAFKA_CONFIG_STORAGE_TOPICS", "c")),
                new ProcessEnv("broker", Role.BROKER, null, Map.of("KAFKA_NODE_ID", "1", "KAFKA_NODE_IDS", "1"))));

        assertThat(problems).hasSize(4)
                .anySatisfy(p -> assertThat(p).contains("KAFKA_BOOTSTRAP_SERVER").contains("'bootstrap.server'"))
                .anySatisfy(p -> assertThat(p).contains("KAFKA_APPLICATION_ID").contains("admin"))
                .anySatisfy(p -> assertThat(p).contains("'config.storage.topics'"))
                .anySatisfy(p -> assertThat(p).contains("'node.ids'").contains("broker config"));
    }

    @Test
    void shouldAcceptStreamsClientPrefixesAndTopicConfigs() {
        EnvContract contract = new EnvContract(AppOptions.of(Map.of()));

        List<String> problems = contract.problems(List.of(app(DeployApp.RESOLVER_APP, Map.of(
                "KAFKA_PRODUCER_LINGER_MS", "5",
                "KAFKA_MAIN_CONSUMER_MAX_POLL_RECORDS", "500",
                "KAFKA_TOPIC_MIN_INSYNC_REPLICAS", "2",
                "KAFKA_PRODUCER_NO_SUCH_THING", "1"))));

        assertThat(problems).singleElement().asString().contains("'producer.no.such.thing'");
    }

    @Test
    void shouldFailAnAppVariableThatNoPresentAppDeclares() {
        EnvContract contract = new EnvContract(AppOptions.of(Map.of(
                DeployApp.STREAMS_APP, Optional.empty(),
                DeployApp.ADMIN, Optional.of(Set.of("APP_HTTP_PORT")))));

        List<String> problems = contract.problems(List.of(
                app(DeployApp.STREAMS_APP, Map.of("APP_HORIZON_DAYS", "5", "APP_HTTP_PORT", "8080"))));

        assertThat(problems).singleElement().asString()
                .contains("APP_HORIZON_DAYS").contains("no present app declares it").contains("StreamsOptions is absent");
        assertThat(contract.appVariablesUnverifiable()).isEqualTo(1);
    }

    @Test
    void shouldCheckAnAppVariableAgainstItsOwnAppOnceItsOptionsArePresent() {
        EnvContract contract = new EnvContract(AppOptions.of(Map.of(
                DeployApp.RETRO_APP, Optional.of(Set.of("APP_LOOKBACK_DAYS")),
                DeployApp.ADMIN, Optional.of(Set.of("APP_HTTP_PORT")))));

        List<String> problems = contract.problems(List.of(
                app(DeployApp.RETRO_APP, Map.of("APP_LOOKBACK_DAYS", "90", "APP_HTTP_PORT", "8080"))));

        assertThat(problems).singleElement().asString()
                .contains("APP_HTTP_PORT").contains("io.edgeloop.retro.RetroOptions declares no such option");
        assertThat(contract.appVariablesChecked()).isEqualTo(2);
    }

    @Test
    void shouldAllowAHelperVariableOnlyWhenAReferenceUsesIt() {
        EnvContract contract = new EnvContract(AppOptions.of(Map.of()));

        List<String> problems = contract.problems(List.of(app(DeployApp.STREAMS_APP, Map.of(
                "POD_NAME", "<valueFrom>",
                "KAFKA_APPLICATION_SERVER", "$(POD_NAME).streams-app-headless:8080",
                "JAVA_OPTS", "-Xmx1g"))));

        assertThat(problems).singleElement().asString().contains("JAVA_OPTS");
    }

    @Test
    void shouldGiveToolContainersNoEnvironmentAndTheBrokerItsClusterId() {
        EnvContract contract = new EnvContract(AppOptions.of(Map.of()));

        List<String> problems = contract.problems(List.of(
                new ProcessEnv("topics", Role.TOOL, null, Map.of("BOOTSTRAP", "kafka:9092")),
                new ProcessEnv("broker", Role.BROKER, null, Map.of("CLUSTER_ID", "x", "APP_X", "1"))));

        assertThat(problems).hasSize(2)
                .anySatisfy(p -> assertThat(p).contains("topics: BOOTSTRAP"))
                .anySatisfy(p -> assertThat(p).contains("broker: APP_X"));
    }

    @Test
    void shouldMapVariablesAsAppConfigAndTheKafkaImageDo() {
        assertThat(EnvContract.appProperty("KAFKA_BOOTSTRAP_SERVERS")).isEqualTo("bootstrap.servers");
        assertThat(EnvContract.brokerProperty("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP"))
                .isEqualTo("listener.security.protocol.map");
        assertThat(EnvContract.brokerProperty("KAFKA_ABC___DEF__GHI_JKL")).isEqualTo("abc-def_ghi.jkl");
    }

    private static ProcessEnv app(DeployApp app, Map<String, String> env) {
        return new ProcessEnv(app.id(), Role.APP, app, env);
    }
}
