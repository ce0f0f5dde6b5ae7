package io.edgeloop.stack.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.apache.kafka.connect.runtime.distributed.DistributedConfig;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.edgeloop.schemas.topics.Topic;
import io.edgeloop.schemas.topics.Topics;
import io.edgeloop.stack.deploy.Acl.Operation;
import io.edgeloop.stack.deploy.Acl.Pattern;
import io.edgeloop.stack.deploy.Acl.ResourceType;
import io.edgeloop.stack.deploy.DeployFiles.Resource;

/** The KafkaUser manifests against the topic-ownership table of {@link DeployApp}. */
class AclManifestTest {

    @Test
    void shouldDeclareOneKafkaUserPerProcessNamedByItsPrincipal() {
        assertThat(users().keySet()).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(DeployApp.values()).map(DeployApp::principal).toList());
    }

    @Test
    void shouldLetEachProcessWriteOnlyTheCatalogTopicsItOwns() {
        for (Map.Entry<String, List<Acl>> user : users().entrySet()) {
            DeployApp app = DeployApp.byPrincipal(user.getKey()).orElseThrow();
            for (Topic<?, ?> topic : Topics.all()) {
                Set<Operation> ops = operations(user.getValue(), ResourceType.TOPIC, topic.name());
                boolean writes = ops.stream().anyMatch(Operation.WRITING::contains);
                assertThat(writes).as(app.id() + " may write " + topic.name() + " (ops " + ops + "), the table says "
                        + DeployApp.writersOf(topic)).isEqualTo(DeployApp.writersOf(topic).contains(app));
                if (app.reads().contains(topic)) {
                    assertThat(ops).as(app.id() + " reads " + topic.name()).contains(Operation.READ, Operation.DESCRIBE);
                }
            }
        }
    }

    @Test
    void shouldLetOnlyTheAdminWriteApprovals() {
        List<String> writers = new ArrayList<>();
        users().forEach((principal, acls) -> {
            if (operations(acls, ResourceType.TOPIC, Topics.APPROVALS.name()).stream().anyMatch(Operation.WRITING::contains)) {
                writers.add(principal);
            }
        });

        assertThat(writers).containsExactly(DeployApp.ADMIN.principal());
    }

    @Test
    void shouldLetOnlyTheResolverAndTheAdminWriteResolveRequests() {
        List<String> writers = new ArrayList<>();
        users().forEach((principal, acls) -> {
            if (operations(acls, ResourceType.TOPIC, Topics.RESOLVER_CONTROL.name()).stream()
                    .anyMatch(Operation.WRITING::contains)) {
                writers.add(principal);
            }
        });

        assertThat(writers).containsExactlyInAnyOrder(DeployApp.RESOLVER_APP.principal(), DeployApp.ADMIN.principal());
        assertThat(operations(users().get(DeployApp.RESOLVER_APP.principal()), ResourceType.TOPIC,
                Topics.RESOLVER_CONTROL.name())).contains(Operation.READ, Operation.DESCRIBE);
    }

    @Test
    void shouldGiveEveryCatalogTopicAWriterAndAReader() {
        for (Topic<?, ?> topic : Topics.all()) {
            assertThat(DeployApp.writersOf(topic)).as("writers of " + topic.name()).isNotEmpty();
            assertThat(Arrays.stream(DeployApp.values()).filter(a -> a.reads().contains(topic)))
                    .as("readers of " + topic.name()).isNotEmpty();
        }
    }

    @Test
    void shouldUseNoWildcardsNoClusterOperationsAndNoPrefixThatCoversACatalogTopic() {
        for (Map.Entry<String, List<Acl>> user : users().entrySet()) {
            for (Acl acl : user.getValue()) {
                assertThat(acl.name()).as(user.getKey() + " " + acl).doesNotContain("*").isNotEmpty();
                assertThat(acl.type()).as(user.getKey() + " " + acl).isNotEqualTo(ResourceType.CLUSTER);
                if (acl.type() == ResourceType.TOPIC && acl.pattern() == Pattern.PREFIX) {
                    assertThat(acl.name()).as(user.getKey() + " prefix").startsWith(user.getKey() + "-");
                    assertThat(Topics.all()).as(user.getKey() + " prefix " + acl.name())
                            .noneMatch(t -> t.name().startsWith(acl.name()));
                }
            }
        }
    }

    @Test
    void shouldLetRetroAppReadStreamsAppsCommittedOffsetsAndNothingMoreOfItsGroup() {
        List<Acl> acls = users().get(DeployApp.RETRO_APP.principal());
        String streamsGroup = io.edgeloop.retro.RetroOptions.STREAMS_APPLICATION_ID.defaultValue();
        assertThat(streamsGroup).isEqualTo(DeployApp.STREAMS_APP.principal());
        assertThat(operations(acls, ResourceType.GROUP, streamsGroup)).containsExactly(Operation.DESCRIBE);
        assertThat(operations(users().get(DeployApp.ADMIN.principal()), ResourceType.GROUP, streamsGroup)).isEmpty();
    }

    @Test
    void shouldGiveStreamsAppsTheirInternalTopicsGroupAndTransactionalIdsByApplicationId() {
        for (DeployApp app : DeployApp.values()) {
            if (app.kind() != DeployApp.ClientKind.STREAMS) {
                continue;
            }
            List<Acl> acls = users().get(app.principal());
            String id = app.principal();
            assertThat(operations(acls, ResourceType.TOPIC, id + "-outcome-store-changelog")).contains(Operation.ALL);
            assertThat(operations(acls, ResourceType.TOPIC, id + "-by-ticker-repartition")).contains(Operation.ALL);
            assertThat(operations(acls, ResourceType.GROUP, id)).contains(Operation.READ);
            assertThat(operations(acls, ResourceType.TRANSACTIONAL_ID, id + "-6f1c2a9e-0b6e-4d1f-9a51-3c2f3b1d7e10-1"))
                    .contains(Operation.WRITE, Operation.DESCRIBE);
            assertThat(operations(acls, ResourceType.GROUP, "edgeloop-other")).isEmpty();
        }
    }

    @Test
    void shouldGiveConnectItsKafkaConnectTopicsGroupAndExactlyOnceTransactionalIds() {
        JsonNode connect = DeployFiles.resources("KafkaConnect").get(0).doc().path("spec");
        List<Acl> acls = users().get(DeployApp.CONNECT.principal());
        String group = connect.path("groupId").asText();

        assertThat(connect.path("authentication").path("username").asText()).isEqualTo(DeployApp.CONNECT.principal());
        assertThat(group).isEqualTo(DeployApp.CONNECT.principal());
        for (String field : List.of("configStorageTopic", "offsetStorageTopic", "statusStorageTopic")) {
            assertThat(operations(acls, ResourceType.TOPIC, connect.path(field).asText())).as(field)
                    .contains(Operation.CREATE, Operation.READ, Operation.WRITE, Operation.DESCRIBE);
        }
        assertThat(operations(acls, ResourceType.GROUP, group)).contains(Operation.READ);
        assertThat(operations(acls, ResourceType.TRANSACTIONAL_ID, DistributedConfig.transactionalProducerId(group)))
                .contains(Operation.WRITE, Operation.DESCRIBE);
        assertThat(operations(acls, ResourceType.TRANSACTIONAL_ID, group + "-candle-files-0"))
                .contains(Operation.WRITE, Operation.DESCRIBE);
    }

    @Test
    void shouldAuthenticateEveryWorkloadAsTheUserOfItsProcess() {
        for (Resource workload : DeployFiles.workloads()) {
            DeployApp app = DeployFiles.app(workload).orElseThrow();
            JsonNode container = DeployFiles.podSpec(workload).path("containers").get(0);
            String secret = null;
            for (JsonNode var : container.path("env")) {
                if (var.path("name").asText().equals("KAFKA_SASL_JAAS_CONFIG")) {
                    secret = var.path("valueFrom").path("secretKeyRef").path("name").asText();
                    assertThat(var.path("valueFrom").path("secretKeyRef").path("key").asText()).isEqualTo("sasl.jaas.config");
                }
            }
            assertThat(secret).as(workload + " credentials").isEqualTo(app.principal());
        }
    }

    /** Each KafkaUser's ACLs as parsed from the checked-in manifests. */
    private static Map<String, List<Acl>> users() {
        Map<String, List<Acl>> users = new TreeMap<>();
        for (Resource user : DeployFiles.resources("KafkaUser")) {
            assertThat(user.doc().path("spec").path("authentication").path("type").asText()).isEqualTo("scram-sha-512");
            assertThat(user.doc().path("spec").path("authorization").path("type").asText()).isEqualTo("simple");
            List<Acl> acls = new ArrayList<>();
            for (JsonNode rule : user.doc().path("spec").path("authorization").path("acls")) {
                JsonNode resource = rule.path("resource");
                Set<Operation> ops = EnumSet.noneOf(Operation.class);
                rule.path("operations").forEach(o -> ops.add(operation(o.asText())));
                acls.add(new Acl(resourceType(resource.path("type").asText()), resource.path("name").asText(),
                        resource.path("patternType").asText("literal").equals("prefix") ? Pattern.PREFIX : Pattern.LITERAL,
                        ops));
            }
            users.put(user.name(), acls);
        }
        return users;
    }

    private static Set<Operation> operations(List<Acl> acls, ResourceType type, String name) {
        Set<Operation> ops = EnumSet.noneOf(Operation.class);
        acls.stream().filter(a -> a.covers(type, name)).forEach(a -> ops.addAll(a.operations()));
        return ops;
    }

    private static ResourceType resourceType(String strimzi) {
        return Arrays.stream(ResourceType.values()).filter(t -> t.strimzi().equals(strimzi)).findFirst()
                .orElseThrow(() -> new AssertionError("unknown ACL resource type " + strimzi));
    }

    private static Operation operation(String strimzi) {
        return Arrays.stream(Operation.values()).filter(o -> o.strimzi().equals(strimzi)).findFirst()
                .orElseThrow(() -> new AssertionError("unknown ACL operation " + strimzi));
    }
}
