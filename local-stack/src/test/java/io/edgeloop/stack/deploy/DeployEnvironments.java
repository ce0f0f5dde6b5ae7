package io.edgeloop.stack.deploy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import io.edgeloop.stack.deploy.DeployFiles.Resource;
import io.edgeloop.stack.deploy.EnvContract.ProcessEnv;
import io.edgeloop.stack.deploy.EnvContract.Role;

/** The environment of every container that docker-compose.yml and the k8s/ workloads start. */
final class DeployEnvironments {

    /** The compose service that runs the broker. */
    static final String BROKER_SERVICE = "kafka";
    /** The compose services that run once and exit. */
    static final Set<String> TOOL_SERVICES = Set.of("topics", "connectors");

    private DeployEnvironments() {
    }

    /** Every compose service's environment. */
    static List<ProcessEnv> compose() {
        List<ProcessEnv> out = new ArrayList<>();
        JsonNode services = DeployFiles.compose().path("services");
        for (String service : DeployFiles.fieldNames(services)) {
            String where = "docker-compose.yml service " + service;
            Map<String, String> env = composeEnvironment(services.path(service).path("environment"), where);
            if (service.equals(BROKER_SERVICE)) {
                out.add(new ProcessEnv(where, Role.BROKER, null, env));
            } else if (TOOL_SERVICES.contains(service)) {
                out.add(new ProcessEnv(where, Role.TOOL, null, env));
            } else {
                DeployApp app = DeployApp.byId(service).orElseThrow(() -> new AssertionError(
                        where + " is neither an edgeloop process (" + List.of(DeployApp.values()) + "), the broker nor a tool"));
                out.add(new ProcessEnv(where, Role.APP, app, env));
            }
        }
        return out;
    }

    /** Every container's environment in the Kubernetes workloads. */
    static List<ProcessEnv> kubernetes() {
        List<ProcessEnv> out = new ArrayList<>();
        for (Resource workload : DeployFiles.workloads()) {
            DeployApp app = DeployFiles.app(workload).orElseThrow(() -> new AssertionError(
                    workload + " has no app.kubernetes.io/name label naming an edgeloop process"));
            JsonNode pod = DeployFiles.podSpec(workload);
            for (String list : List.of("initContainers", "containers")) {
                for (JsonNode container : pod.path(list)) {
                    String where = workload + " container " + container.path("name").asText();
                    out.add(new ProcessEnv(where, Role.APP, app, kubernetesEnvironment(container, where)));
                }
            }
        }
        return out;
    }

    private static Map<String, String> composeEnvironment(JsonNode environment, String where) {
        Map<String, String> env = new LinkedHashMap<>();
        if (environment.isObject()) {
            for (String name : DeployFiles.fieldNames(environment)) {
                env.put(name, environment.path(name).asText());
            }
        } else if (environment.isArray()) {
            for (JsonNode entry : environment) {
                String[] kv = entry.asText().split("=", 2);
                env.put(kv[0], kv.length > 1 ? kv[1] : "");
            }
        } else if (!environment.isMissingNode() && !environment.isNull()) {
            throw new AssertionError(where + ": environment must be a map or a list");
        }
        return env;
    }

    private static Map<String, String> kubernetesEnvironment(JsonNode container, String where) {
        Map<String, String> env = new LinkedHashMap<>();
        for (JsonNode from : container.path("envFrom")) {
            if (from.has("configMapRef")) {
                String name = from.path("configMapRef").path("name").asText();
                JsonNode data = DeployFiles.resource("ConfigMap", name)
                        .orElseThrow(() -> new AssertionError(where + ": envFrom ConfigMap " + name + " is not in k8s/"))
                        .doc().path("data");
                DeployFiles.fieldNames(data).forEach(k -> env.put(k, data.path(k).asText()));
            } else {
                throw new AssertionError(where + ": envFrom other than a ConfigMap of k8s/ cannot be checked: " + from);
            }
        }
        for (JsonNode var : container.path("env")) {
            String value = var.has("value") ? var.path("value").asText() : "<valueFrom " + var.path("valueFrom") + ">";
            env.put(var.path("name").asText(), value);
        }
        return env;
    }

    /** The value of a variable in an env list of a container, or null. */
    static String kubernetesValue(JsonNode container, String name) {
        for (JsonNode var : container.path("env")) {
            if (var.path("name").asText().equals(name)) {
                return var.has("value") ? var.path("value").asText() : null;
            }
        }
        return null;
    }
}
