package io.edgeloop.retro;

import io.edgeloop.core.retro.Evidence;
import io.edgeloop.core.retro.Proposal;
import io.edgeloop.core.stats.BetaPrior;
import io.edgeloop.schemas.avro.ChangeEvidence;
import io.edgeloop.schemas.avro.ChangeKind;
import io.edgeloop.schemas.avro.ChangeStatus;
import io.edgeloop.schemas.avro.ModelChange;
import io.edgeloop.schemas.avro.Severity;

import io.edgeloop.schemas.mapping.PatternMapping;
import java.time.Instant;
import java.util.TreeMap;

/** Retrospective proposals as {@code model-changelog} records: status PROPOSED, proposed by the retrospective. */
public final class ChangeRecords {

    /** The {@code proposedBy} of every record the retrospective writes. */
    public static final String PROPOSED_BY = "retrospective";

    private ChangeRecords() {
    }

    /**
     * The changelog record of a proposal.
     *
     * @param proposedAt stream time of the run (the scheduled instant it ran for), also its
     *                   {@code updatedAt}
     * @param prior      Beta prior of the proposed pattern's (empty) statistics
     */
    public static ModelChange toAvro(Proposal p, Instant proposedAt, BetaPrior prior) {
        Evidence e = p.evidence();
        ChangeEvidence evidence = ChangeEvidence.newBuilder()
                .setN(e.n())
                .setHitRate(e.hitRate())
                .setLower(e.lower())
                .setUpper(e.upper())
                .setPValue(e.pValue())
                .setQValue(e.qValue())
                .setRecentRate(e.recentRate())
                .setPriorRate(e.priorRate())
                .setRecentN(e.recentN())
                .setPriorN(e.priorN())
                .setOutOfSample(e.outOfSample())
                .setDetails(new TreeMap<>(e.details()))
                .build();
        return ModelChange.newBuilder()
                .setId(p.id())
                .setKind(ChangeKind.valueOf(p.kind().name()))
                .setPatternId(p.patternId())
                .setProposedBy(PROPOSED_BY)
                .setProposedAt(proposedAt)
                .setSummary(p.summary())
                .setEvidence(evidence)
                .setProposed(p.proposed().map(d -> PatternMapping.toAvro(d, 0, prior, 0.95, null)).orElse(null))
                .setPrevious(null)
                .setStatus(ChangeStatus.PROPOSED)
                .setStatusReason(null)
                .setDecision(null)
                .setLibraryVersionBefore(null)
                .setLibraryVersionAfter(null)
                .setTargetLibraryVersion(null)
                .setSeverity(Severity.valueOf(p.severity().name()))
                .setUpdatedAt(proposedAt)
                .build();
    }
}
