package io.edgeloop.stack.deploy;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.edgeloop.schemas.topics.Topic;

/**
 * The one-shot topic creation of the docker-compose stack: a POSIX shell script of
 * {@code kafka-topics.sh --create --if-not-exists} calls, one per catalog topic with its
 * partitions and every topic config, run in the {@code apache/kafka} image. Usage:
 * {@code create-topics.sh BOOTSTRAP [REPLICATION_FACTOR]} (replication factor 1 by default, for
 * the one-node broker). An existing topic is left as it is.
 */
public final class TopicScript {

    /** Where the apache/kafka image keeps the Kafka command-line tools. */
    public static final String KAFKA_TOPICS = "/opt/kafka/bin/kafka-topics.sh";

    /** Characters that need no shell quoting in a config value. */
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9._:,=/-]+");

    private TopicScript() {
    }

    /** The script for these topics, with a header naming its source. */
    public static String render(List<Topic<?, ?>> topics) {
        StringBuilder s = new StringBuilder();
        s.append("#!/bin/sh\n");
        s.append(DeployRenderer.GENERATED_NOTE.replaceAll("(?m)^", "# ")).append('\n');
        s.append("# Creates every catalog topic with its partitions and configs; existing topics are left as they are.\n");
        s.append("# Usage: create-topics.sh BOOTSTRAP_SERVERS [REPLICATION_FACTOR]\n");
        s.append("set -eu\n");
        s.append("bootstrap=\"${1:?usage: create-topics.sh BOOTSTRAP_SERVERS [REPLICATION_FACTOR]}\"\n");
        s.append("replication=\"${2:-1}\"\n\n");
        s.append("create() {\n");
        s.append("  ").append(KAFKA_TOPICS)
                .append(" --bootstrap-server \"$bootstrap\" --create --if-not-exists --replication-factor \"$replication\" \"$@\"\n");
        s.append("}\n\n");
        for (Topic<?, ?> topic : topics) {
            s.append("create --topic ").append(quote(topic.name())).append(" --partitions ").append(topic.partitions());
            for (Map.Entry<String, String> config : topic.configs().entrySet()) {
                s.append(" \\\n  --config ").append(quote(config.getKey() + "=" + config.getValue()));
            }
            s.append('\n');
        }
        s.append('\n').append(KAFKA_TOPICS).append(" --bootstrap-server \"$bootstrap\" --describe\n");
        return s.toString();
    }

    private static String quote(String text) {
        return PLAIN.matcher(text).matches() ? text : "'" + text.replace("'", "'\\''") + "'";
    }
}
