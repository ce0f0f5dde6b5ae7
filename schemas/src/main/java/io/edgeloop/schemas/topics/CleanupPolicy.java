package io.edgeloop.schemas.topics;

/** A topic's {@code cleanup.policy}. */
public enum CleanupPolicy {
    /** Segments are deleted by age ({@code retention.ms}): an event log. */
    DELETE("delete"),
    /** Only the latest record per key is kept (a tombstone removes the key): a table. */
    COMPACT("compact");

    private final String configValue;

    CleanupPolicy(String configValue) {
        this.configValue = configValue;
    }

    /** The value of the {@code cleanup.policy} topic config. */
    public String configValue() {
        return configValue;
    }
}
