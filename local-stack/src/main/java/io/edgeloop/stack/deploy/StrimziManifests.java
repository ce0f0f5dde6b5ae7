package io.edgeloop.stack.deploy;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.edgeloop.schemas.topics.Topic;

/**
 * Strimzi custom resources rendered from the topic catalog and the ownership table, as ordered
 * maps ready for a YAML writer: a {@code KafkaTopic} per catalog topic and a {@code KafkaUser}
 * per process. API {@code kafka.strimzi.io/v1} (Strimzi 0.49 and later; 1.0 serves only v1).
 */
public final class StrimziManifests {

    /** API version of every Strimzi resource. */
    public static final String API_VERSION = "kafka.strimzi.io/v1";
    /** Name of the {@code Kafka} resource; the bootstrap Service is {@code <name>-kafka-bootstrap}. */
    public static final String CLUSTER = "edgeloop";
    /** Label that ties a topic or user to its cluster. */
    public static final String CLUSTER_LABEL = "strimzi.io/cluster";
    /** Replicas of every catalog topic on the three-node cluster (with min.insync.replicas 2). */
    public static final int TOPIC_REPLICAS = 3;
    /** Annotation on a KafkaTopic listing the processes that write it. */
    public static final String WRITERS_ANNOTATION = "edgeloop.io/writers";

    private static final String PART_OF = "app.kubernetes.io/part-of";

    private StrimziManifests() {
    }

    /** The {@code KafkaTopic} of a catalog topic: name, partitions, replicas and every topic config. */
    public static Map<String, Object> kafkaTopic(Topic<?, ?> topic) {
        Map<String, Object> annotations = new LinkedHashMap<>();
        annotations.put("edgeloop.io/key", topic.keyDoc());
        annotations.put(WRITERS_ANNOTATION, DeployApp.writersOf(topic).stream().map(DeployApp::id)
                .collect(Collectors.joining(",")));
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("topicName", topic.name());
        spec.put("partitions", topic.partitions());
        spec.put("replicas", TOPIC_REPLICAS);
        spec.put("config", new LinkedHashMap<>(topic.configs()));
        return resource("KafkaTopic", topic.name(), Map.of(), annotations, spec);
    }

    /** The {@code KafkaUser} of a process: SCRAM-SHA-512 credentials and its ACLs. */
    public static Map<String, Object> kafkaUser(DeployApp app) {
        Map<String, Object> authorization = new LinkedHashMap<>();
        authorization.put("type", "simple");
        authorization.put("acls", KafkaAcls.of(app).stream().map(StrimziManifests::acl).toList());
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("authentication", Map.of("type", "scram-sha-512"));
        spec.put("authorization", authorization);
        return resource("KafkaUser", app.principal(), Map.of("app.kubernetes.io/name", app.id()), Map.of(), spec);
    }

    private static Map<String, Object> acl(Acl acl) {
        Map<String, Object> resource = new LinkedHashMap<>();
        resource.put("type", acl.type().strimzi());
        if (acl.type() != Acl.ResourceType.CLUSTER) {
            resource.put("name", acl.name());
            resource.put("patternType", acl.pattern().strimzi());
        }
        Map<String, Object> rule = new LinkedHashMap<>();
        rule.put("resource", resource);
        rule.put("operations", acl.operations().stream().map(Acl.Operation::strimzi).toList());
        return rule;
    }

    private static Map<String, Object> resource(String kind, String name, Map<String, String> extraLabels,
                                                Map<String, Object> annotations, Map<String, Object> spec) {
        Map<String, Object> labels = new LinkedHashMap<>();
        labels.put(CLUSTER_LABEL, CLUSTER);
        labels.put(PART_OF, "edgeloop");
        labels.putAll(extraLabels);
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("name", name);
        metadata.put("labels", labels);
        if (!annotations.isEmpty()) {
            metadata.put("annotations", annotations);
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("apiVersion", API_VERSION);
        doc.put("kind", kind);
        doc.put("metadata", metadata);
        doc.put("spec", spec);
        return doc;
    }

    /** Every KafkaTopic, in catalog order. */
    public static List<Map<String, Object>> kafkaTopics(List<Topic<?, ?>> topics) {
        return topics.stream().map(StrimziManifests::kafkaTopic).toList();
    }

    /** Every KafkaUser, in table order. */
    public static List<Map<String, Object>> kafkaUsers() {
        return Arrays.stream(DeployApp.values()).map(StrimziManifests::kafkaUser).toList();
    }
}
