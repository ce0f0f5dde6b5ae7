package io.edgeloop.stack.deploy;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * One rule of a Strimzi {@code KafkaUser}'s simple authorization: the operations allowed on a
 * resource (all hosts).
 *
 * @param type       the kind of resource
 * @param name       resource name, or its prefix when {@code pattern} is {@link Pattern#PREFIX};
 *                   ignored for the cluster
 * @param pattern    literal name or prefix
 * @param operations allowed operations, never empty; iterated in declaration order
 */
public record Acl(ResourceType type, String name, Pattern pattern, Set<Operation> operations) {

    public Acl {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(pattern, "pattern");
        if (operations.isEmpty()) {
            throw new IllegalArgumentException("an ACL on " + type.strimzi() + " " + name + " needs an operation");
        }
        operations = Collections.unmodifiableSet(EnumSet.copyOf(operations));
    }

    /** True when this rule applies to the resource of this type and name. */
    public boolean covers(ResourceType resourceType, String resourceName) {
        return type == resourceType
                && (pattern == Pattern.LITERAL ? name.equals(resourceName) : resourceName.startsWith(name));
    }

    /** Kafka resource types, spelled as Strimzi's {@code acls[].resource.type}. */
    public enum ResourceType {
        TOPIC("topic"), GROUP("group"), TRANSACTIONAL_ID("transactionalId"), CLUSTER("cluster");

        private final String strimzi;

        ResourceType(String strimzi) {
            this.strimzi = strimzi;
        }

        public String strimzi() {
            return strimzi;
        }
    }

    /** Literal name or prefix, spelled as Strimzi's {@code patternType}. */
    public enum Pattern {
        LITERAL("literal"), PREFIX("prefix");

        private final String strimzi;

        Pattern(String strimzi) {
            this.strimzi = strimzi;
        }

        public String strimzi() {
            return strimzi;
        }
    }

    /** Kafka ACL operations, spelled as Strimzi's {@code operations}. */
    public enum Operation {
        ALL("All"), READ("Read"), WRITE("Write"), CREATE("Create"), DELETE("Delete"), ALTER("Alter"),
        DESCRIBE("Describe"), ALTER_CONFIGS("AlterConfigs"), DESCRIBE_CONFIGS("DescribeConfigs");

        /** Operations that change a topic's data or definition. */
        public static final Set<Operation> WRITING = Collections.unmodifiableSet(EnumSet.of(ALL, WRITE, CREATE,
                DELETE, ALTER, ALTER_CONFIGS));

        private final String strimzi;

        Operation(String strimzi) {
            this.strimzi = strimzi;
        }

        public String strimzi() {
            return strimzi;
        }
    }
}
