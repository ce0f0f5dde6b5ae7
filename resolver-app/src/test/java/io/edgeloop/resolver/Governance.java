package io.edgeloop.resolver;

import io.edgeloop.core.stats.BetaPrior;
import io.edgeloop.schemas.avro.ApprovalAction;
import io.edgeloop.schemas.avro.ApprovalDecision;
import io.edgeloop.schemas.avro.ChangeEvidence;
import io.edgeloop.schemas.avro.ChangeKind;
import io.edgeloop.schemas.avro.ChangeStatus;
import io.edgeloop.schemas.avro.ModelChange;
import io.edgeloop.schemas.avro.PatternDefinition;
import io.edgeloop.schemas.avro.Severity;

import io.edgeloop.schemas.mapping.PatternMapping;
import java.time.Instant;

/** Proposals and decisions as the retrospective and the operators write them. */
final class Governance {

    static final Instant PROPOSED_AT = Instant.parse("2026-01-05T08:00:00Z");
    static final Instant DECIDED_AT = Instant.parse("2026-01-05T14:30:00Z");

    private Governance() {
    }

    static ModelChange proposal(String id, ChangeKind kind, String patternId, PatternDefinition proposed) {
        return ModelChange.newBuilder().setId(id).setKind(kind).setPatternId(patternId).setProposedBy("retrospective")
                .setProposedAt(PROPOSED_AT).setSummary(kind + " " + patternId + " (" + id + ")")
                .setEvidence(ChangeEvidence.newBuilder().setN(40).setHitRate(0.31).build())
                .setProposed(proposed).setStatus(ChangeStatus.PROPOSED).setSeverity(Severity.MEDIUM)
                .setUpdatedAt(PROPOSED_AT).build();
    }

    static ModelChange status(String id, ChangeKind kind, String patternId) {
        return proposal(id, kind, patternId, null);
    }

    static ModelChange rollbackProposal(String id, long target) {
        return ModelChange.newBuilder(proposal(id, ChangeKind.ROLLBACK, null, null)).setTargetLibraryVersion(target)
                .build();
    }

    /** The Avro form of a core pattern, as a proposer would write it. */
    static PatternDefinition avro(io.edgeloop.core.rules.PatternDefinition p) {
        return PatternMapping.toAvro(p, 0, BetaPrior.UNIFORM, 0.95, null);
    }

    static ApprovalDecision approve(String id, String actor) {
        return decision(id, ApprovalAction.APPROVE, actor, null);
    }

    static ApprovalDecision reject(String id, String actor) {
        return decision(id, ApprovalAction.REJECT, actor, null);
    }

    static ApprovalDecision rollback(String id, String actor, long target) {
        return decision(id, ApprovalAction.ROLLBACK, actor, target);
    }

    static ApprovalDecision decision(String id, ApprovalAction action, String actor, Long target) {
        return ApprovalDecision.newBuilder().setChangeId(id).setAction(action).setActor(actor)
                .setReason(action + " by " + actor).setDecidedAt(DECIDED_AT).setTargetLibraryVersion(target).build();
    }
}
