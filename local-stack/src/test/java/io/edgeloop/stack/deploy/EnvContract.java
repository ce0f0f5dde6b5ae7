package io.edgeloop.stack.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.edgeloop.core.config.AppConfig;

/**
 * The rule every environment variable in docker-compose.yml and k8s/ must follow: it is one the
 * process reads.
 *
 * <ul>
 *   <li>An edgeloop app or the Connect worker: {@code KAFKA_FOO_BAR} is the Kafka property
 *       {@code foo.bar} ({@link AppConfig}'s mapping), which must be a key the process's Kafka
 *       clients know (Streams, client or Connect worker configs); {@code APP_*} must be declared
 *       by the app's options class, or, while that class is absent, by some present app's.</li>
 *   <li>The Kafka broker (apache/kafka image): {@code KAFKA_*} maps by the image's rule
 *       ({@code ___} is '-', {@code __} is '_', {@code _} is '.') to a broker config; besides,
 *       {@code CLUSTER_ID}.</li>
 *   <li>A one-shot tool container (topic creation, connector submission) takes no variables.</li>
 *   <li>Anywhere, another name is allowed only as a Kubernetes helper that a {@code $(NAME)}
 *       reference in the same container uses (e.g. {@code POD_NAME} in application.server).</li>
 * </ul>
 */
final class EnvContract {

    /** What runs in a container. */
    enum Role { APP, BROKER, TOOL }

    /**
     * One container's environment.
     *
     * @param where where it is set, for messages ("docker-compose.yml service streams-app")
     * @param role  what runs there
     * @param app   the app, for {@link Role#APP}; null otherwise
     * @param env   variable to value, as written
     */
    record ProcessEnv(String where, Role role, DeployApp app, Map<String, String> env) {
        ProcessEnv {
            Objects.requireNonNull(where, "where");
            Objects.requireNonNull(role, "role");
            if ((role == Role.APP) != (app != null)) {
                throw new IllegalArgumentException(where + ": an app container names its app, others do not");
            }
            env = Map.copyOf(env);
        }
    }

    /** Variables the apache/kafka image reads besides KAFKA_*. */
    private static final Set<String> BROKER_IMAGE_VARIABLES = Set.of("CLUSTER_ID");

    private final AppOptions options;
    private int appVariablesChecked;
    private int appVariablesUnverifiable;

    EnvContract(AppOptions options) {
        this.options = options;
    }

    /** Every broken rule in these containers, one message each. */
    List<String> problems(List<ProcessEnv> containers) {
        List<String> problems = new ArrayList<>();
        for (ProcessEnv c : containers) {
            for (Map.Entry<String, String> e : c.env().entrySet()) {
                check(c, e.getKey(), problems);
            }
        }
        return problems;
    }

    /** APP_* variables checked against a present options class of their own app. */
    int appVariablesChecked() {
        return appVariablesChecked;
    }

    /** APP_* variables whose app's options class is absent (accepted because another present app declares them). */
    int appVariablesUnverifiable() {
        return appVariablesUnverifiable;
    }

    private void check(ProcessEnv c, String name, List<String> problems) {
        String at = c.where() + ": " + name;
        if (c.role() == Role.TOOL) {
            problems.add(at + ": a one-shot tool container takes no environment");
        } else if (name.startsWith("KAFKA_")) {
            checkKafka(c, name, at, problems);
        } else if (name.startsWith("APP_")) {
            if (c.role() != Role.APP) {
                problems.add(at + ": APP_* variables are for edgeloop apps");
            } else {
                checkApp(c.app(), name, at, problems);
            }
        } else if (c.role() == Role.BROKER && BROKER_IMAGE_VARIABLES.contains(name)) {
            return;
        } else if (!referenced(c, name)) {
            problems.add(at + ": not a KAFKA_* or APP_* variable, and no $(" + name + ") reference uses it");
        }
    }

    private void checkKafka(ProcessEnv c, String name, String at, List<String> problems) {
        if (c.role() == Role.BROKER) {
            String key = brokerProperty(name);
            if (!KafkaConfigNames.BROKER.contains(key)) {
                problems.add(at + ": '" + key + "' is not a Kafka broker config");
            }
            return;
        }
        String key = appProperty(name);
        if (!KafkaConfigNames.accepts(c.app().kind(), key)) {
            problems.add(at + ": '" + key + "' is not a config that " + c.app().id() + "'s Kafka "
                    + c.app().kind().name().toLowerCase(Locale.ROOT) + " clients read");
        }
    }

    private void checkApp(DeployApp app, String name, String at, List<String> problems) {
        var own = options.of(app);
        if (own.isPresent()) {
            appVariablesChecked++;
            if (!own.get().contains(name)) {
                problems.add(at + ": " + app.optionsClass().orElseThrow() + " declares no such option (it declares "
                        + own.get() + ")");
            }
        } else if (options.declaredByAnyPresentApp(name)) {
            appVariablesUnverifiable++;
        } else {
            problems.add(at + ": no present app declares it (" + app.id() + "'s options class "
                    + app.optionsClass().map(n -> n + " is absent").orElse("does not exist") + ")");
        }
    }

    private static boolean referenced(ProcessEnv c, String name) {
        String ref = "$(" + name + ")";
        return c.env().entrySet().stream().anyMatch(e -> !e.getKey().equals(name) && e.getValue().contains(ref));
    }

    /** AppConfig's mapping: KAFKA_FOO_BAR is foo.bar. */
    static String appProperty(String variable) {
        return variable.substring("KAFKA_".length()).toLowerCase(Locale.ROOT).replace('_', '.');
    }

    /** The apache/kafka image's mapping: '___' is '-', '__' is '_', '_' is '.'. */
    static String brokerProperty(String variable) {
        return variable.substring("KAFKA_".length()).toLowerCase(Locale.ROOT)
                .replace("___", "\u0000").replace("__", "\u0001").replace('_', '.')
                .replace('\u0000', '-').replace('\u0001', '_');
    }
}
