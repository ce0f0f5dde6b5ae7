package io.edgeloop.stack.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.edgeloop.stack.deploy.DeployFiles.Resource;

class ManifestFilesTest {

    @Test
    void shouldParseEveryManifestIntoResourcesWithApiVersionKindAndName() {
        assertThat(DeployFiles.manifestFiles()).isNotEmpty();
        for (Path file : DeployFiles.manifestFiles()) {
            assertThat(DeployFiles.yamlDocuments(file)).as(file + " documents").isNotEmpty();
        }
        for (Resource r : DeployFiles.resources()) {
            assertThat(r.doc().path("apiVersion").asText()).as(r + " apiVersion").isNotEmpty();
            assertThat(r.kind()).as(r + " kind").isNotEmpty();
            assertThat(r.name()).as(r + " name").matches("[a-z0-9]([-a-z0-9.]*[a-z0-9])?");
            assertThat(r.doc().path("metadata").has("namespace")).as(r + " leaves the namespace to the kustomization")
                    .isFalse();
        }
    }

    @Test
    void shouldListEveryManifestInTheKustomizationSoOneApplyStartsEverything() {
        JsonNode kustomization = DeployFiles.kustomization();
        List<Path> listed = new ArrayList<>();
        kustomization.path("resources").forEach(r -> listed.add(DeployFiles.file("k8s/" + r.asText()).normalize()));

        assertThat(kustomization.path("namespace").asText()).isEqualTo("edgeloop");
        assertThat(listed).containsExactlyInAnyOrderElementsOf(DeployFiles.manifestFiles());
        for (JsonNode generator : kustomization.path("secretGenerator")) {
            for (JsonNode file : generator.path("files")) {
                String path = file.asText().substring(file.asText().indexOf('=') + 1);
                assertThat(DeployFiles.file("k8s/" + path)).as("secretGenerator source").isRegularFile();
            }
        }
    }

    @Test
    void shouldNameUniqueResourcesPerKind() {
        List<String> keys = DeployFiles.resources().stream().map(r -> r.kind() + "/" + r.name()).toList();

        assertThat(keys).doesNotHaveDuplicates();
    }

    @Test
    void shouldReferenceOnlySecretsAndConfigMapsThatTheDeploymentCreates() {
        List<String> secrets = new ArrayList<>(List.of(StrimziManifests.CLUSTER + "-cluster-ca-cert"));
        DeployFiles.resources("KafkaUser").forEach(u -> secrets.add(u.name()));
        DeployFiles.kustomization().path("secretGenerator").forEach(g -> secrets.add(g.path("name").asText()));
        for (Resource workload : DeployFiles.workloads()) {
            JsonNode pod = DeployFiles.podSpec(workload);
            for (JsonNode volume : pod.path("volumes")) {
                if (volume.has("secret")) {
                    assertThat(secrets).as(workload + " volume").contains(volume.path("secret").path("secretName").asText());
                }
            }
            for (JsonNode var : pod.path("containers").get(0).path("env")) {
                JsonNode ref = var.path("valueFrom").path("secretKeyRef");
                if (!ref.isMissingNode()) {
                    assertThat(secrets).as(workload + " " + var.path("name").asText()).contains(ref.path("name").asText());
                }
            }
            for (JsonNode from : pod.path("containers").get(0).path("envFrom")) {
                assertThat(DeployFiles.resource("ConfigMap", from.path("configMapRef").path("name").asText()))
                        .as(workload + " envFrom").isPresent();
            }
        }
    }

    @Test
    void shouldKeepTheGeneratedDirectoriesForGeneratedFilesOnly() throws Exception {
        try (var files = Files.list(DeployFiles.file("k8s/generated"))) {
            assertThat(files.map(f -> f.getFileName().toString()))
                    .containsExactlyInAnyOrderElementsOf(DeployRenderer.kubernetesFiles());
        }
    }

    /** docs/DEPLOY.md's resource table counts the resources as the manifests hold them. */
    @Test
    void shouldCountTheResourcesInDeployMdAsTheManifestsHoldThem() throws Exception {
        String deploy = Files.readString(DeployFiles.file("docs/DEPLOY.md"));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("`(Kafka[A-Za-z]+)` x (\\d+)").matcher(deploy);
        java.util.Map<String, Integer> documented = new java.util.TreeMap<>();
        while (m.find()) {
            documented.put(m.group(1), Integer.parseInt(m.group(2)));
        }
        java.util.Map<String, Integer> actual = new java.util.TreeMap<>();
        documented.keySet().forEach(kind -> actual.put(kind, DeployFiles.resources(kind).size()));

        assertThat(documented).containsKeys("KafkaTopic", "KafkaUser", "KafkaConnector");
        assertThat(documented).isEqualTo(actual);
    }
}
