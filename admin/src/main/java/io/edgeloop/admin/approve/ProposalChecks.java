package io.edgeloop.admin.approve;

import io.edgeloop.admin.view.ModelState;
import io.edgeloop.schemas.avro.ApprovalAction;
import io.edgeloop.schemas.avro.ApprovalDecision;
import io.edgeloop.schemas.avro.ChangeDecision;
import io.edgeloop.schemas.avro.ChangeStatus;
import io.edgeloop.schemas.avro.ModelChange;

import java.util.List;
import java.util.Map;

/**
 * The admin's early answers to a decision, from its view of the changelog and the approvals
 * topic. Each throws {@link RefusedException} with a message an operator can act on.
 */
final class ProposalChecks {

    private ProposalChecks() {
    }

    /** The change exists, is PROPOSED, and no decision on it waits for the keeper. */
    static void checkDecidable(ModelState state, String changeId) {
        state.read(s -> {
            ModelChange change = changeId == null ? null : s.changes().get(changeId);
            if (change == null) {
                List<String> pending = s.changes().values().stream()
                        .filter(c -> c.getStatus() == ChangeStatus.PROPOSED).map(ModelChange::getId).limit(5).toList();
                throw new RefusedException(RefusedException.Reason.UNKNOWN_CHANGE, "no change '" + changeId
                        + "' in the changelog" + (pending.isEmpty() ? "; nothing is pending"
                        : "; pending: " + String.join(", ", pending) + (pending.size() == 5 ? ", ..." : "")));
            }
            if (change.getStatus() != ChangeStatus.PROPOSED) {
                throw new RefusedException(RefusedException.Reason.ALREADY_DECIDED, "change " + changeId
                        + " is already " + change.getStatus() + describe(change.getDecision()));
            }
            List<ApprovalDecision> sent = s.approvals(changeId);
            if (!sent.isEmpty()) {
                throw new RefusedException(RefusedException.Reason.AWAITING_KEEPER, "a decision on " + changeId
                        + " is already waiting for the keeper: " + describe(sent.get(sent.size() - 1)));
            }
            return null;
        });
    }

    /** The target is an earlier library version and no rollback waits for the keeper. */
    static void checkRollbackTarget(ModelState state, long target) {
        state.read(s -> {
            long current = s.libraryVersion();
            if (current < 2) {
                throw new RefusedException(RefusedException.Reason.BAD_VERSION, "the library is at version " + current
                        + "; there is no earlier version to roll back to");
            }
            if (target < 1 || target >= current) {
                throw new RefusedException(RefusedException.Reason.BAD_VERSION, "the library is at version " + current
                        + "; roll back to a version from 1 to " + (current - 1) + ", not " + target);
            }
            for (Map.Entry<String, List<ApprovalDecision>> e : s.allApprovals().entrySet()) {
                for (ApprovalDecision d : e.getValue()) {
                    if (d.getAction() == ApprovalAction.ROLLBACK && !s.changes().containsKey(e.getKey())) {
                        throw new RefusedException(RefusedException.Reason.AWAITING_KEEPER,
                                "a rollback is already waiting for the keeper: " + describe(d));
                    }
                }
            }
            return null;
        });
    }

    private static String describe(ChangeDecision d) {
        return d == null ? "" : " (" + d.getAction() + " by " + d.getActor() + " at " + d.getDecidedAt() + ": "
                + d.getReason() + ")";
    }

    private static String describe(ApprovalDecision d) {
        return d.getAction() + (d.getTargetLibraryVersion() == null ? "" : " to version " + d.getTargetLibraryVersion())
                + " by " + d.getActor() + " at " + d.getDecidedAt() + " (" + d.getReason() + ")";
    }
}
