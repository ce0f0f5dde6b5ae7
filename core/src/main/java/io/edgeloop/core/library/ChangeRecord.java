package io.edgeloop.core.library;

import java.util.List;
import java.util.Objects;

/**
 * A change as the changelog holds it: the request, where it stands, who decided and what it
 * did.
 *
 * @param change         the request
 * @param status         PENDING, or the final status
 * @param decidedBy      the approving or rejecting actor (for an auto-applied change its
 *                       proposer; for an invalid one the actor whose approval found it
 *                       invalid, or its proposer); empty while PENDING
 * @param decisionReason the actor's reason, or why the change is invalid; empty while PENDING
 * @param autoApplied    true when the fast loop applied it without approval
 * @param appliedVersion the library version it made; 0 unless APPLIED
 * @param diff           before/after of every pattern it changed; empty unless APPLIED
 * @param <P> the pattern value type
 */
public record ChangeRecord<P>(Change<P> change, ChangeStatus status, String decidedBy, String decisionReason,
                              boolean autoApplied, long appliedVersion, List<EntryDiff<P>> diff) {

    public ChangeRecord {
        Objects.requireNonNull(change, "change");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(decidedBy, "decidedBy");
        Objects.requireNonNull(decisionReason, "decisionReason");
        diff = List.copyOf(diff);
        if ((status == ChangeStatus.APPLIED) != (appliedVersion > 0)) {
            throw new IllegalArgumentException("change " + change.changeId() + ": applied version " + appliedVersion
                    + " does not fit status " + status);
        }
    }

    /** A fresh proposal. */
    static <P> ChangeRecord<P> pending(Change<P> change) {
        return new ChangeRecord<>(change, ChangeStatus.PENDING, "", "", false, 0, List.of());
    }

    public String changeId() {
        return change.changeId();
    }

    public boolean decided() {
        return status != ChangeStatus.PENDING;
    }
}
