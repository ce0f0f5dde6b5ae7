package io.edgeloop.core.config;

import java.util.List;

/** Configuration that cannot be used: unknown keys, conflicts or values that do not parse. */
public final class ConfigException extends RuntimeException {

    private final List<String> problems;

    public ConfigException(List<String> problems) {
        super("invalid configuration:\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
