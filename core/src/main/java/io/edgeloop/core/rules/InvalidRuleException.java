package io.edgeloop.core.rules;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown when a rule (or its JSON) is rejected; carries every problem found, not just the first. */
public final class InvalidRuleException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final transient List<Problem> problems;

    public InvalidRuleException(List<Problem> problems) {
        this(problems, null);
    }

    public InvalidRuleException(List<Problem> problems, Throwable cause) {
        super(problems.stream().map(Problem::toString).collect(Collectors.joining("; ", "invalid rule: ", "")), cause);
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
