package io.edgeloop.core.library;

import java.util.List;
import java.util.Objects;

/**
 * The keeper's answer to one request (proposal, approval, rejection, rollback, auto-apply,
 * seeding). Every request gets one, so every approval can be answered on the changelog.
 *
 * @param changeId      the change the request was about
 * @param type          PROPOSED, APPLIED, REJECTED or INVALID
 * @param invalidReason why it was INVALID; null for every other type
 * @param reason        for APPLIED and REJECTED the actor's reason, for INVALID a readable
 *                      explanation, for PROPOSED a note
 * @param actor         who made the request (may be empty when refused as anonymous)
 * @param versionBefore library version before the request
 * @param versionAfter  library version after it: versionBefore + 1 when APPLIED, else equal
 * @param diff          before/after per changed pattern when APPLIED, else empty
 * @param autoApplied   true for a fast-loop degrade applied without approval
 * @param <P> the pattern value type
 */
public record Decision<P>(String changeId, DecisionType type, InvalidReason invalidReason, String reason,
                          String actor, long versionBefore, long versionAfter, List<EntryDiff<P>> diff,
                          boolean autoApplied) {

    public Decision {
        Objects.requireNonNull(changeId, "changeId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(reason, "reason");
        actor = actor == null ? "" : actor;
        diff = List.copyOf(diff);
        if ((type == DecisionType.INVALID) != (invalidReason != null)) {
            throw new IllegalArgumentException("an invalid reason goes with INVALID decisions only");
        }
        if (versionAfter != (type == DecisionType.APPLIED ? versionBefore + 1 : versionBefore)) {
            throw new IllegalArgumentException("decision " + type + " cannot move the library from version "
                    + versionBefore + " to " + versionAfter);
        }
    }

    public boolean applied() {
        return type == DecisionType.APPLIED;
    }

    static <P> Decision<P> invalid(String changeId, InvalidReason why, String reason, String actor, long version) {
        return new Decision<>(changeId, DecisionType.INVALID, why, reason, actor, version, version, List.of(), false);
    }
}
