package io.edgeloop.admin.view;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgeloop.schemas.avro.ApprovalDecision;
import io.edgeloop.schemas.avro.ChangeStatus;
import io.edgeloop.schemas.avro.ModelChange;
import io.edgeloop.schemas.json.AvroJson;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The proposals page: pending changes with their evidence, proposed rule and any decision already
 * sent but not yet applied by the keeper; decided changes with who decided and when; and the
 * library versions a rollback can go back to.
 *
 * @param libraryVersion current library version
 * @param pending        changes in status PROPOSED, oldest first
 * @param decided        every other change, most recently updated first
 * @param versions       library versions known from the changelog, oldest first, each named by the
 *                       change that made it
 */
public record Proposals(long libraryVersion, List<Pending> pending, List<Decided> decided,
                        List<LibraryVersion> versions) {

    /**
     * A change that awaits a decision.
     *
     * @param change   the change as plain JSON (evidence included)
     * @param rule     the proposed pattern's rule, readable; null when the change carries no pattern
     * @param awaiting decisions sent for it that the keeper has not applied yet
     */
    public record Pending(ObjectNode change, ReadableRule rule, List<ObjectNode> awaiting) {
    }

    /**
     * A decided change.
     *
     * @param change    the change as plain JSON (status, decision, versions before and after)
     * @param decisions every decision operators sent for it, in order
     */
    public record Decided(ObjectNode change, List<ObjectNode> decisions) {
    }

    /**
     * A library version and the change that produced it (a change applied with
     * {@code libraryVersionAfter > libraryVersionBefore}; an acknowledged alert produces none).
     *
     * @param version   the version
     * @param changeId  the change that produced it
     * @param kind      its kind
     * @param summary   its summary
     * @param appliedAt when it was applied: the decision's time, or the proposal's for an
     *                  auto-applied change; it does not move when the change is rolled back later
     * @param status    its status now (APPLIED, AUTO_APPLIED, ROLLED_BACK)
     */
    public record LibraryVersion(long version, String changeId, String kind, String summary, Instant appliedAt,
                                 String status) {
    }

    /** The page from the state. */
    public static Proposals of(ModelState state) {
        return state.read(Proposals::compute);
    }

    private static Proposals compute(ModelState s) {
        List<Pending> pending = new ArrayList<>();
        List<ModelChange> decided = new ArrayList<>();
        Map<Long, LibraryVersion> versions = new TreeMap<>();
        for (ModelChange c : s.changes().values()) {
            if (c.getStatus() == ChangeStatus.PROPOSED) {
                pending.add(new Pending(AvroJson.toJson(c),
                        c.getProposed() == null ? null : ReadableRule.of(c.getProposed().getRule()),
                        json(s.approvals(c.getId()))));
            } else {
                decided.add(c);
            }
            if (madeVersion(c)) {
                versions.put(c.getLibraryVersionAfter(), new LibraryVersion(c.getLibraryVersionAfter(), c.getId(),
                        c.getKind().name(), c.getSummary(), appliedAt(c), c.getStatus().name()));
            }
        }
        pending.sort(Comparator.comparing(p -> p.change().path("proposedAt").asText()));
        decided.sort(Comparator.comparing(ModelChange::getUpdatedAt).reversed());
        List<Decided> decidedRows = decided.stream()
                .map(c -> new Decided(AvroJson.toJson(c), json(s.approvals(c.getId())))).toList();
        return new Proposals(s.libraryVersion(), pending, decidedRows, List.copyOf(versions.values()));
    }

    /**
     * Whether the change produced a library version: it was applied with a version after above
     * the version before. An acknowledged REGIME_ALERT is APPLIED with both at the version it was
     * acknowledged at (the library is unchanged) and names no version.
     */
    private static boolean madeVersion(ModelChange c) {
        return c.getLibraryVersionAfter() != null && c.getLibraryVersionBefore() != null
                && c.getLibraryVersionAfter() > c.getLibraryVersionBefore();
    }

    /**
     * When the keeper applied the change: the operator's decision time (the keeper stamps the
     * change with it when it applies an approval or a rollback), or the proposal's time for the
     * fast loop's auto-applied changes, which carry no decision. Not {@code updatedAt}, which a
     * later transition (rolled back, applied again, a refused second approval) moves on.
     */
    private static Instant appliedAt(ModelChange c) {
        return c.getDecision() != null ? c.getDecision().getDecidedAt() : c.getProposedAt();
    }

    private static List<ObjectNode> json(List<ApprovalDecision> decisions) {
        return decisions.stream().map(AvroJson::toJson).toList();
    }
}
