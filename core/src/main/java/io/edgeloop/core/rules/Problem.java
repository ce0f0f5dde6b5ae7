package io.edgeloop.core.rules;

import java.util.Objects;

/**
 * One reason a rule is rejected, located by a JSON-path-like address into the rule's JSON form
 * (for example {@code $.all[2].not.value}).
 *
 * @param path    where the problem is
 * @param kind    what sort of problem it is
 * @param message what is wrong and, where possible, how to fix it
 */
public record Problem(String path, Kind kind, String message) {

    /** Problem categories, stable for tools and tests. */
    public enum Kind {
        /** Malformed JSON or a node of the wrong shape. */
        SYNTAX,
        /** A field name that is not in the registry. */
        UNKNOWN_FIELD,
        /** A field the model sets after matching the patterns ({@code stage}, {@code pnl_pct}). */
        NOT_A_RULE_INPUT,
        /** An op or value that does not fit the field's type. */
        WRONG_TYPE,
        /** A value that is malformed for its op (not finite, empty list, lo > hi). */
        BAD_VALUE,
        /** An {@code all} or {@code any} without rules. */
        EMPTY,
        /** A condition that can never be true on the field's range. */
        NEVER_TRUE,
        /** A condition that is true for every value the field can take. */
        ALWAYS_TRUE,
        /** Conditions of one conjunction that cannot hold together. */
        CONTRADICTION
    }

    public Problem {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return path + ": " + message;
    }
}
