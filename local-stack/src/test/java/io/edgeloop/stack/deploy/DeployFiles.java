package io.edgeloop.stack.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * The checked-in deploy files, parsed: the compose file, every Kubernetes manifest under
 * {@code k8s/} and the Connect connector configs. Paths are relative to the repository root,
 * found from the working directory (the module directory under Maven).
 */
final class DeployFiles {

    static final YAMLMapper YAML = new YAMLMapper();
    static final ObjectMapper JSON = new ObjectMapper();

    /** The parsed manifests, read once per test run (the files do not change while tests run). */
    private static List<Resource> resources;

    private DeployFiles() {
    }

    /** A parsed Kubernetes resource and the file it came from. */
    record Resource(Path file, JsonNode doc) {

        String kind() {
            return doc.path("kind").asText();
        }

        String name() {
            return doc.path("metadata").path("name").asText();
        }

        @Override
        public String toString() {
            return kind() + "/" + name() + " (" + root().relativize(file) + ")";
        }
    }

    /** The repository root: the nearest directory above the working directory with the reactor pom. */
    static Path root() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("pom.xml")) && Files.isDirectory(dir.resolve("local-stack"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no repository root (pom.xml beside local-stack/) above "
                + Path.of("").toAbsolutePath());
    }

    static Path file(String relative) {
        return root().resolve(relative);
    }

    /** Every YAML document in a file, skipping empty ones (a comment-only header before {@code ---}). */
    static List<JsonNode> yamlDocuments(Path file) {
        try (MappingIterator<JsonNode> docs = YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
            List<JsonNode> out = new ArrayList<>();
            while (docs.hasNext()) {
                JsonNode doc = docs.next();
                if (doc != null && !doc.isNull() && !doc.isMissingNode() && !doc.isEmpty()) {
                    out.add(doc);
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot parse " + file, e);
        }
    }

    /** The compose file. */
    static JsonNode compose() {
        List<JsonNode> docs = yamlDocuments(file("docker-compose.yml"));
        if (docs.size() != 1) {
            throw new IllegalStateException("docker-compose.yml must hold one YAML document, found " + docs.size());
        }
        return docs.get(0);
    }

    /** Every {@code .yaml} file under {@code k8s/} except the kustomization. */
    static List<Path> manifestFiles() {
        try (Stream<Path> files = Files.walk(file("k8s"))) {
            return files.filter(f -> f.toString().endsWith(".yaml"))
                    .filter(f -> !f.getFileName().toString().equals("kustomization.yaml"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list k8s/", e);
        }
    }

    /** Every resource of every manifest file. */
    static synchronized List<Resource> resources() {
        if (resources == null) {
            List<Resource> out = new ArrayList<>();
            for (Path f : manifestFiles()) {
                yamlDocuments(f).forEach(doc -> out.add(new Resource(f, doc)));
            }
            resources = List.copyOf(out);
        }
        return resources;
    }

    static List<Resource> resources(String kind) {
        return resources().stream().filter(r -> r.kind().equals(kind)).toList();
    }

    static Optional<Resource> resource(String kind, String name) {
        return resources(kind).stream().filter(r -> r.name().equals(name)).findFirst();
    }

    /** The kustomization. */
    static JsonNode kustomization() {
        return yamlDocuments(file("k8s/kustomization.yaml")).get(0);
    }

    /** The workloads (pod templates) of the manifests: Deployments, StatefulSets, Jobs, CronJobs, DaemonSets. */
    static List<Resource> workloads() {
        return resources().stream()
                .filter(r -> List.of("Deployment", "StatefulSet", "DaemonSet", "Job", "CronJob").contains(r.kind()))
                .toList();
    }

    /** The pod spec of a workload. */
    static JsonNode podSpec(Resource workload) {
        JsonNode spec = workload.doc().path("spec");
        if (workload.kind().equals("CronJob")) {
            spec = spec.path("jobTemplate").path("spec");
        }
        return spec.path("template").path("spec");
    }

    /** The pod template metadata of a workload. */
    static JsonNode podMetadata(Resource workload) {
        JsonNode spec = workload.doc().path("spec");
        if (workload.kind().equals("CronJob")) {
            spec = spec.path("jobTemplate").path("spec");
        }
        return spec.path("template").path("metadata");
    }

    /** The app a workload runs, by its {@code app.kubernetes.io/name} label. */
    static Optional<DeployApp> app(Resource workload) {
        return DeployApp.byId(workload.doc().path("metadata").path("labels").path("app.kubernetes.io/name").asText());
    }

    /** The Connect connector configs of the compose stack: name (file name) to the flat config. */
    static List<Path> connectorFiles() {
        try (Stream<Path> files = Files.list(file("docker/connect/connectors"))) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list docker/connect/connectors", e);
        }
    }

    static JsonNode json(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot parse " + file, e);
        }
    }

    static String text(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** The field names of an object node, in order. */
    static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }
}
