package io.edgeloop.resolver;

import io.edgeloop.core.stats.DegradeDecision;
import io.edgeloop.schemas.avro.ApprovalAction;
import io.edgeloop.schemas.avro.ApprovalDecision;
import io.edgeloop.schemas.avro.ChangeDecision;
import io.edgeloop.schemas.avro.ChangeEvidence;
import io.edgeloop.schemas.avro.ChangeKind;
import io.edgeloop.schemas.avro.ChangeStatus;
import io.edgeloop.schemas.avro.ModelChange;
import io.edgeloop.schemas.avro.PatternDefinition;
import io.edgeloop.schemas.avro.PatternStats;
import io.edgeloop.schemas.avro.Severity;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code model-changelog} records the keeper writes: each is the change as proposed with its
 * new status, the decision that led there, and for an applied change the library versions and
 * the pattern before and after. An answer that changes nothing (an approval refused) keeps the
 * change's status and decision and only says why in {@code statusReason}.
 */
final class ChangeAnswers {

    private static final String OPERATOR_PREFIX = "operator:";

    /** Who proposes and decides the fast loop's degrades. */
    static final String FAST_LOOP = "resolver-fast-loop";

    private ChangeAnswers() {
    }

    /** The change applied by an operator's decision. */
    static ModelChange applied(ModelChange base, ApprovalDecision by, long before, long after,
                               PatternDefinition previous, PatternDefinition proposed) {
        return ModelChange.newBuilder(base).setStatus(ChangeStatus.APPLIED).setStatusReason(null)
                .setDecision(decision(by)).setLibraryVersionBefore(before).setLibraryVersionAfter(after)
                .setPrevious(previous).setProposed(proposed == null ? base.getProposed() : proposed)
                .setUpdatedAt(by.getDecidedAt()).build();
    }

    /** The change closed unapplied by an operator's decision. */
    static ModelChange rejected(ModelChange base, ApprovalDecision by) {
        return ModelChange.newBuilder(base).setStatus(ChangeStatus.REJECTED).setStatusReason(by.getReason())
                .setDecision(decision(by)).setUpdatedAt(by.getDecidedAt()).build();
    }

    /** The change found invalid (against the library or the rule validator) by the approval that tried to apply it. */
    static ModelChange invalid(ModelChange base, ApprovalDecision by, String reason) {
        return ModelChange.newBuilder(base).setStatus(ChangeStatus.INVALID).setStatusReason(reason)
                .setDecision(decision(by)).setUpdatedAt(by.getDecidedAt()).build();
    }

    /** A refused approval of a known change: status and decision unchanged, the refusal in statusReason. */
    static ModelChange refused(ModelChange current, ApprovalDecision by, String reason) {
        return ModelChange.newBuilder(current).setStatusReason("approval by " + actor(by) + " refused: " + reason)
                .setUpdatedAt(by.getDecidedAt()).build();
    }

    /** A refused re-proposal of a known change: status and decision unchanged, the refusal in statusReason. */
    static ModelChange refusedProposal(ModelChange current, ModelChange offered, String reason, Instant at) {
        return ModelChange.newBuilder(current).setStatusReason("proposal by " + offered.getProposedBy()
                + " refused: " + reason).setUpdatedAt(at).build();
    }

    /** A proposal refused outright (no keeper change could be made of it). */
    static ModelChange invalidProposal(ModelChange offered, String reason, Instant at) {
        return ModelChange.newBuilder(offered).setStatus(ChangeStatus.INVALID).setStatusReason(reason)
                .setDecision(null).setLibraryVersionBefore(null).setLibraryVersionAfter(null).setUpdatedAt(at).build();
    }

    /**
     * The answer to an approval naming a change nobody proposed: recorded as INVALID so the
     * operator sees it, with kind ROLLBACK for a rollback request, else UNKNOWN (the kind is
     * not known).
     */
    static ModelChange unknown(ApprovalDecision by, String reason) {
        return ModelChange.newBuilder()
                .setId(by.getChangeId())
                .setKind(by.getAction() == ApprovalAction.ROLLBACK ? ChangeKind.ROLLBACK : ChangeKind.UNKNOWN)
                .setPatternId(null)
                .setProposedBy(actor(by))
                .setProposedAt(by.getDecidedAt())
                .setSummary(by.getAction() + " of change " + by.getChangeId() + ", which was never proposed")
                .setEvidence(ChangeEvidence.newBuilder().setN(0).build())
                .setStatus(ChangeStatus.INVALID)
                .setStatusReason("approval by " + actor(by) + " refused: " + reason)
                .setDecision(decision(by))
                .setTargetLibraryVersion(by.getTargetLibraryVersion())
                .setSeverity(Severity.LOW)
                .setUpdatedAt(by.getDecidedAt())
                .build();
    }

    /**
     * How the changelog's {@code proposedBy} names an operator: {@code operator:<name>}. The
     * admin's decisions carry their actor spelled so already; an actor without the prefix gets it.
     */
    static String operator(String actor) {
        return actor.startsWith(OPERATOR_PREFIX) ? actor : OPERATOR_PREFIX + actor;
    }

    /** The change an operator's ROLLBACK decision proposes and approves in one request. */
    static ModelChange rollbackRequest(ApprovalDecision by) {
        return ModelChange.newBuilder()
                .setId(by.getChangeId())
                .setKind(ChangeKind.ROLLBACK)
                .setPatternId(null)
                .setProposedBy(operator(by.getActor()))
                .setProposedAt(by.getDecidedAt())
                .setSummary("roll the library back to version " + by.getTargetLibraryVersion() + ": " + by.getReason())
                .setEvidence(ChangeEvidence.newBuilder().setN(0).build())
                .setStatus(ChangeStatus.PROPOSED)
                .setTargetLibraryVersion(by.getTargetLibraryVersion())
                .setSeverity(Severity.HIGH)
                .setUpdatedAt(by.getDecidedAt())
                .build();
    }

    /** A change undone by a later rollback. */
    static ModelChange rolledBack(ModelChange change, String rollbackId, long target, long version, Instant at) {
        return ModelChange.newBuilder(change).setStatus(ChangeStatus.ROLLED_BACK)
                .setStatusReason("rolled back by " + rollbackId + ": library version " + target
                        + " restored as version " + version)
                .setUpdatedAt(at).build();
    }

    /**
     * A change that was ROLLED_BACK and is live again, because a later rollback restored a
     * version that holds it: APPLIED again (AUTO_APPLIED for the fast loop's).
     */
    static ModelChange reapplied(ModelChange change, boolean auto, String rollbackId, long target, long version,
                                 Instant at) {
        return ModelChange.newBuilder(change).setStatus(auto ? ChangeStatus.AUTO_APPLIED : ChangeStatus.APPLIED)
                .setStatusReason("applied again by " + rollbackId + ": library version " + target
                        + " restored as version " + version)
                .setUpdatedAt(at).build();
    }

    /** An informational alert acknowledged: APPLIED without a library change, or REJECTED. */
    static ModelChange acknowledged(ModelChange alert, ApprovalDecision by, long version) {
        if (by.getAction() == ApprovalAction.REJECT) {
            return rejected(alert, by);
        }
        return ModelChange.newBuilder(alert).setStatus(ChangeStatus.APPLIED)
                .setStatusReason("informational alert acknowledged; the library is unchanged")
                .setDecision(decision(by)).setLibraryVersionBefore(version).setLibraryVersionAfter(version)
                .setUpdatedAt(by.getDecidedAt()).build();
    }

    /**
     * The fast loop's degrade, applied without approval: the evidence is the posterior behind
     * the decision (n judged, observed hit rate, credible interval, P(rate &lt; floor) and the
     * policy). n and the posterior count the outcomes after the baseline ({@code baselineN}
     * outcomes of the rule before an operator re-activated the pattern are not judged, detail
     * {@code baselineN}); hit rate and interval are the published statistics of every outcome.
     */
    static ModelChange autoDegrade(String changeId, PatternDefinition before, PatternDefinition after,
                                   DegradeDecision decision, long baselineN, long versionBefore, long versionAfter,
                                   Instant at) {
        PatternStats stats = after.getStats();
        Map<String, String> details = new TreeMap<>();
        details.put("posteriorMean", format(decision.posteriorMean()));
        details.put("probabilityBelowFloor", format(decision.probabilityBelow()));
        details.put("floor", format(decision.policy().rateFloor()));
        details.put("confidence", format(decision.policy().confidence()));
        details.put("minN", Integer.toString(decision.policy().minN()));
        details.put("prior", "Beta(" + format(decision.policy().prior().alpha()) + ", "
                + format(decision.policy().prior().beta()) + ")");
        details.put("revision", Integer.toString(before.getVersion()));
        details.put("baselineN", Long.toString(baselineN));
        // n, hit rate and interval describe one sample, every outcome; the rule judged those after the baseline
        details.put("judgedN", Long.toString(decision.n()));
        ChangeEvidence evidence = ChangeEvidence.newBuilder()
                .setN(stats.getN())
                .setHitRate(stats.getHitRate())
                .setLower(stats.getLower())
                .setUpper(stats.getUpper())
                .setDetails(details)
                .build();
        return ModelChange.newBuilder()
                .setId(changeId)
                .setKind(ChangeKind.DEGRADE)
                .setPatternId(before.getId())
                .setProposedBy(FAST_LOOP)
                .setProposedAt(at)
                .setSummary("auto-degrade " + before.getId() + ": " + decision.reason())
                .setEvidence(evidence)
                .setProposed(after)
                .setPrevious(before)
                .setStatus(ChangeStatus.AUTO_APPLIED)
                .setStatusReason(null)
                .setDecision(null)
                .setLibraryVersionBefore(versionBefore)
                .setLibraryVersionAfter(versionAfter)
                .setSeverity(Severity.HIGH)
                .setUpdatedAt(at)
                .build();
    }

    private static ChangeDecision decision(ApprovalDecision by) {
        return ChangeDecision.newBuilder().setActor(by.getActor() == null ? "" : by.getActor())
                .setReason(by.getReason() == null ? "" : by.getReason()).setDecidedAt(by.getDecidedAt())
                .setAction(by.getAction()).build();
    }

    private static String actor(ApprovalDecision by) {
        return by.getActor() == null || by.getActor().isBlank() ? "an anonymous actor" : by.getActor();
    }

    private static String format(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }
}
