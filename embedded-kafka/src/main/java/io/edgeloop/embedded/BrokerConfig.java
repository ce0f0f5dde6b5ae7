package io.edgeloop.embedded;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The broker properties of a single combined KRaft node (broker and controller in one process)
 * on the loopback interface, sized for one machine: every internal topic (consumer offsets,
 * transactions, share-group state) has replication factor 1 and min ISR 1, so transactions and
 * exactly-once work on one node.
 */
final class BrokerConfig {

    static final int NODE_ID = 1;
    static final String HOST = "127.0.0.1";
    static final String LOG_DIR_NAME = "kafka-logs";

    private BrokerConfig() {
    }

    /**
     * Builds the properties; {@code overrides} win over every default.
     *
     * @param dataDir directory that holds the log directory
     * @param brokerPort port of the PLAINTEXT client listener
     * @param controllerPort port of the CONTROLLER listener (the single KRaft voter)
     * @param overrides extra broker properties from the caller
     */
    static Map<String, String> properties(Path dataDir, int brokerPort, int controllerPort,
                                          Map<String, String> overrides) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("process.roles", "broker,controller");
        p.put("node.id", Integer.toString(NODE_ID));
        p.put("controller.quorum.voters", NODE_ID + "@" + HOST + ":" + controllerPort);
        p.put("listeners", "PLAINTEXT://" + HOST + ":" + brokerPort + ",CONTROLLER://" + HOST + ":" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://" + HOST + ":" + brokerPort);
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("log.dirs", logDir(dataDir).toString());

        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "5");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "5");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("share.coordinator.state.topic.num.partitions", "1");
        p.put("default.replication.factor", "1");
        p.put("min.insync.replicas", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        // Topics come from the catalog; a producer that names an unknown topic fails loudly.
        p.put("auto.create.topics.enable", "false");
        // One node on a developer machine: a small cleaner buffer instead of 128 MiB.
        p.put("log.cleaner.dedupe.buffer.size", Integer.toString(2 * 1024 * 1024));
        p.put("num.network.threads", "2");
        p.put("num.io.threads", "4");
        p.putAll(overrides);
        return p;
    }

    /** The Kafka log directory (topic data and the KRaft metadata log) inside the data dir. */
    static Path logDir(Path dataDir) {
        return dataDir.resolve(LOG_DIR_NAME);
    }
}
