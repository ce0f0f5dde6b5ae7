package io.edgeloop.core.mining;

import java.util.Objects;
import java.util.function.Predicate;

/**
 * A named lead-up pattern of the original study: a predicate over {@link LeadUpFeatures} with
 * the direction it is expected to precede.
 */
public final class Archetype {

    private final String id;
    private final String name;
    private final Bias bias;
    private final String rule;
    private final Predicate<LeadUpFeatures> test;

    Archetype(String id, String name, Bias bias, String rule, Predicate<LeadUpFeatures> test) {
        this.id = Objects.requireNonNull(id, "id");
        this.name = Objects.requireNonNull(name, "name");
        this.bias = Objects.requireNonNull(bias, "bias");
        this.rule = Objects.requireNonNull(rule, "rule");
        this.test = Objects.requireNonNull(test, "test");
    }

    /** Stable identifier, snake case: {@code pullback_entry}. */
    public String id() {
        return id;
    }

    /** Human name: {@code Pullback entry}. */
    public String name() {
        return name;
    }

    public Bias bias() {
        return bias;
    }

    /** The predicate in words, with its thresholds. */
    public String rule() {
        return rule;
    }

    public boolean matches(LeadUpFeatures features) {
        return test.test(features);
    }

    @Override
    public String toString() {
        return id;
    }
}
