package io.edgeloop.core.rules;

import java.util.List;
import java.util.Objects;

/**
 * A pattern rule: an immutable expression over named snapshot fields, built from {@link All},
 * {@link Any}, {@link Not} and {@link Condition}. A rule says nothing about whether it is valid:
 * {@link RuleValidator} checks it against the field registry and {@link CompiledRule} refuses
 * an invalid one, so no rule is ever silently false at match time.
 *
 * <p>The JSON form ({@link RuleJson}) is
 * {@code {"all":[{"field":"htf_score","op":"gte","value":25},{"any":[...]},{"not":{...}}]}}.
 */
public sealed interface Rule permits Rule.All, Rule.Any, Rule.Not, Rule.Condition {

    /**
     * The deepest nesting a valid rule may have (a condition alone is depth 1, {@code all} of
     * conditions 2). Far above any rule a person writes or discovery builds; it bounds the
     * recursion of everything that walks a rule read from a topic.
     */
    int MAX_DEPTH = 32;

    /** The nesting depth: 1 for a condition, one more than the deepest child for the others. */
    default int depth() {
        if (this instanceof All all) {
            return 1 + all.rules().stream().mapToInt(Rule::depth).max().orElse(0);
        }
        if (this instanceof Any any) {
            return 1 + any.rules().stream().mapToInt(Rule::depth).max().orElse(0);
        }
        if (this instanceof Not not) {
            return 1 + not.rule().depth();
        }
        return 1;
    }

    /** True when every child rule is true. */
    record All(List<Rule> rules) implements Rule {
        public All {
            rules = List.copyOf(rules);
        }
    }

    /** True when at least one child rule is true. */
    record Any(List<Rule> rules) implements Rule {
        public Any {
            rules = List.copyOf(rules);
        }
    }

    /** True when the child rule is false (and unknown when it is unknown: see {@link CompiledRule}). */
    record Not(Rule rule) implements Rule {
        public Not {
            Objects.requireNonNull(rule, "not needs a rule");
        }
    }

    /** One comparison of a named snapshot field with a value. */
    record Condition(String field, Op op, Value value) implements Rule {
        public Condition {
            Objects.requireNonNull(field, "condition field");
            Objects.requireNonNull(op, "condition op");
            Objects.requireNonNull(value, "condition value");
        }

        /** Human spelling, e.g. {@code htf_score >= 25} or {@code state in [A, B]}. */
        public String describe() {
            String v = value.describe();
            return v.isEmpty() ? field + " " + op.symbol() : field + " " + op.symbol() + " " + v;
        }
    }

    static Rule all(Rule... rules) {
        return new All(List.of(rules));
    }

    static Rule any(Rule... rules) {
        return new Any(List.of(rules));
    }

    static Rule not(Rule rule) {
        return new Not(rule);
    }

    static Condition eq(String field, double value) {
        return new Condition(field, Op.EQ, Value.of(value));
    }

    static Condition eq(String field, String category) {
        return new Condition(field, Op.EQ, Value.of(category));
    }

    static Condition eq(String field, boolean value) {
        return new Condition(field, Op.EQ, Value.of(value));
    }

    static Condition neq(String field, double value) {
        return new Condition(field, Op.NEQ, Value.of(value));
    }

    static Condition neq(String field, String category) {
        return new Condition(field, Op.NEQ, Value.of(category));
    }

    static Condition gt(String field, double value) {
        return new Condition(field, Op.GT, Value.of(value));
    }

    static Condition gte(String field, double value) {
        return new Condition(field, Op.GTE, Value.of(value));
    }

    static Condition lt(String field, double value) {
        return new Condition(field, Op.LT, Value.of(value));
    }

    static Condition lte(String field, double value) {
        return new Condition(field, Op.LTE, Value.of(value));
    }

    static Condition between(String field, double lo, double hi) {
        return new Condition(field, Op.BETWEEN, Value.range(lo, hi));
    }

    static Condition in(String field, String... categories) {
        return new Condition(field, Op.IN, Value.names(categories));
    }

    static Condition in(String field, double... values) {
        return new Condition(field, Op.IN, Value.numbers(values));
    }

    static Condition truthy(String field) {
        return new Condition(field, Op.TRUTHY, Value.none());
    }

    static Condition falsy(String field) {
        return new Condition(field, Op.FALSY, Value.none());
    }
}
