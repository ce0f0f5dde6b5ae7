package io.edgeloop.core.retro;

import io.edgeloop.core.rules.PatternDefinition;

import java.util.Objects;
import java.util.Optional;

/**
 * One change the retrospective proposes; an operator decides. The app publishes it to the
 * model changelog as status PROPOSED, proposed by the retrospective.
 *
 * @param id        deterministic change id ({@link ProposalIds}): the same data and settings
 *                  give the same id, so a re-run finds it on the changelog and publishes nothing again (a
 *                  decided change is never overwritten)
 * @param kind      what it asks for
 * @param patternId the pattern it concerns; null for a regime alert
 * @param summary   one line for the operator: what and why
 * @param severity  by effect size
 * @param evidence  the statistics behind it
 * @param proposed  the pattern as it would be after the change (ADD_PATTERN only)
 */
public record Proposal(String id, ProposalKind kind, String patternId, String summary, Severity severity,
                       Evidence evidence, Optional<PatternDefinition> proposed) {

    public Proposal {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(evidence, "evidence");
        Objects.requireNonNull(proposed, "proposed");
        if ((kind == ProposalKind.REGIME_ALERT) != (patternId == null)) {
            throw new IllegalArgumentException(kind + " proposal " + id
                    + (patternId == null ? " needs a pattern id" : " takes no pattern id"));
        }
        if ((kind == ProposalKind.ADD_PATTERN) != proposed.isPresent()) {
            throw new IllegalArgumentException(kind + " proposal " + id
                    + (proposed.isPresent() ? " carries no pattern" : " needs the proposed pattern"));
        }
    }
}
