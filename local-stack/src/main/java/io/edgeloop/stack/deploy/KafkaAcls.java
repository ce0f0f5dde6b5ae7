package io.edgeloop.stack.deploy;

import static io.edgeloop.stack.deploy.Acl.Operation.ALL;
import static io.edgeloop.stack.deploy.Acl.Operation.CREATE;
import static io.edgeloop.stack.deploy.Acl.Operation.DESCRIBE;
import static io.edgeloop.stack.deploy.Acl.Operation.DESCRIBE_CONFIGS;
import static io.edgeloop.stack.deploy.Acl.Operation.READ;
import static io.edgeloop.stack.deploy.Acl.Operation.WRITE;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.edgeloop.schemas.topics.Topic;
import io.edgeloop.schemas.topics.Topics;
import io.edgeloop.stack.deploy.Acl.Operation;
import io.edgeloop.stack.deploy.Acl.Pattern;
import io.edgeloop.stack.deploy.Acl.ResourceType;

/**
 * The least ACLs each process needs, from the ownership table in {@link DeployApp}:
 *
 * <ul>
 *   <li>catalog topics it reads: Describe, Read; catalog topics it writes: Describe, Write
 *       (one rule per topic, with the union when it does both);</li>
 *   <li>a Kafka Streams app: every operation on topics prefixed {@code <application.id>-} (its
 *       changelog and repartition topics), Read and Describe on its group (the application.id),
 *       Write and Describe on transactional ids prefixed {@code <application.id>} (exactly-once
 *       v2 producers are {@code <application.id>-<process>-<thread>});</li>
 *   <li>plain clients: Read and Describe on groups and Write and Describe on transactional ids
 *       prefixed with the principal; retro-app also Describe on streams-app's group, whose
 *       committed offsets on {@code candles} hold its data clock back to what is scored;</li>
 *   <li>the Connect worker: Create, Describe, DescribeConfigs, Read and Write on its
 *       {@code <group.id>-configs/offsets/status} topics, Read on its group, and for exactly-once
 *       source support (KIP-618) Write and Describe on the transactional id
 *       {@code connect-cluster-<group.id>} and on ids prefixed {@code <group.id>} (the tasks'
 *       {@code <group.id>-<connector>-<task>}).</li>
 * </ul>
 * No rule names a topic with a wildcard, and no principal gets cluster-level operations.
 */
public final class KafkaAcls {

    /** Kafka Connect's transactional id of the worker leader (KIP-618): {@code connect-cluster-<group.id>}. */
    public static final String CONNECT_LEADER_TRANSACTIONAL_PREFIX = "connect-cluster-";

    private KafkaAcls() {
    }

    /** The ACLs of one process, in a stable order: topics in catalog order, then internal resources. */
    public static List<Acl> of(DeployApp app) {
        List<Acl> acls = new ArrayList<>();
        for (Map.Entry<Topic<?, ?>, Set<Operation>> e : catalogTopicOperations(app).entrySet()) {
            acls.add(new Acl(ResourceType.TOPIC, e.getKey().name(), Pattern.LITERAL, e.getValue()));
        }
        String p = app.principal();
        switch (app.kind()) {
            case STREAMS -> {
                acls.add(new Acl(ResourceType.TOPIC, p + "-", Pattern.PREFIX, EnumSet.of(ALL)));
                acls.add(new Acl(ResourceType.GROUP, p, Pattern.LITERAL, EnumSet.of(READ, DESCRIBE)));
                acls.add(new Acl(ResourceType.TRANSACTIONAL_ID, p + "-", Pattern.PREFIX, EnumSet.of(WRITE, DESCRIBE)));
            }
            case CLIENTS -> {
                acls.add(new Acl(ResourceType.GROUP, p, Pattern.PREFIX, EnumSet.of(READ, DESCRIBE)));
                acls.add(new Acl(ResourceType.TRANSACTIONAL_ID, p, Pattern.PREFIX, EnumSet.of(WRITE, DESCRIBE)));
                if (app == DeployApp.RETRO_APP) {
                    acls.add(new Acl(ResourceType.GROUP, DeployApp.STREAMS_APP.principal(), Pattern.LITERAL,
                            EnumSet.of(DESCRIBE)));
                }
            }
            case CONNECT -> {
                acls.add(new Acl(ResourceType.TOPIC, p + "-", Pattern.PREFIX,
                        EnumSet.of(CREATE, DESCRIBE, DESCRIBE_CONFIGS, READ, WRITE)));
                acls.add(new Acl(ResourceType.GROUP, p, Pattern.LITERAL, EnumSet.of(READ)));
                acls.add(new Acl(ResourceType.TRANSACTIONAL_ID, p + "-", Pattern.PREFIX, EnumSet.of(WRITE, DESCRIBE)));
                acls.add(new Acl(ResourceType.TRANSACTIONAL_ID, CONNECT_LEADER_TRANSACTIONAL_PREFIX + p, Pattern.LITERAL,
                        EnumSet.of(WRITE, DESCRIBE)));
            }
            default -> throw new IllegalStateException("unknown client kind " + app.kind());
        }
        return List.copyOf(acls);
    }

    /** Connect's internal topics: {@code <group.id>-configs}, {@code -offsets}, {@code -status}. */
    public static String connectTopic(String suffix) {
        return DeployApp.CONNECT.principal() + "-" + suffix;
    }

    private static Map<Topic<?, ?>, Set<Operation>> catalogTopicOperations(DeployApp app) {
        Map<Topic<?, ?>, Set<Operation>> ops = new LinkedHashMap<>();
        for (Topic<?, ?> topic : Topics.all()) {
            boolean reads = app.reads().contains(topic);
            boolean writes = app.writes().contains(topic);
            if (!reads && !writes) {
                continue;
            }
            Set<Operation> set = EnumSet.of(DESCRIBE);
            if (reads) {
                set.add(READ);
            }
            if (writes) {
                set.add(WRITE);
            }
            ops.put(topic, set);
        }
        return ops;
    }
}
