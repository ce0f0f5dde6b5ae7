package io.edgeloop.resolver;

import io.edgeloop.core.library.Change;
import io.edgeloop.core.library.LibraryEntry;
import io.edgeloop.core.rules.PatternDefinition;
import io.edgeloop.core.rules.PatternStatus;
import io.edgeloop.core.stats.PatternStats;
import io.edgeloop.schemas.avro.ModelChange;
import io.edgeloop.schemas.mapping.PatternMapping;

/**
 * Translation between the governance records and core's keeper: a proposed {@link ModelChange}
 * becomes a {@link Change}, and a library entry becomes the pattern the library publishes.
 *
 * <p>The keeper's pattern value is core's {@link PatternDefinition} without the parts the keeper
 * owns: status (the entry's), revision (the entry's version: the library version in which the
 * entry last changed) and statistics (the fast loop's store). {@link #payload} fixes those parts
 * to ACTIVE, 1 and empty, so a re-delivered proposal compares equal to the recorded one and a
 * statistics update never looks like a change of the pattern.
 */
final class ChangeMapping {

    private ChangeMapping() {
    }

    /** The keeper's value of a pattern: status, revision and statistics left to the keeper. */
    static PatternDefinition payload(PatternDefinition p) {
        return new PatternDefinition(p.id(), p.name(), p.description(), p.direction(), PatternStatus.ACTIVE, 1,
                p.origin(), p.rule(), PatternStats.EMPTY, p.reference());
    }

    /** The pattern a library entry publishes: its value with the entry's status and revision, and its statistics. */
    static PatternDefinition published(LibraryEntry<PatternDefinition> entry, PatternStats stats) {
        return entry.pattern().withStatus(PatternStatus.valueOf(entry.status().name()))
                .withVersion(Math.toIntExact(entry.version())).withStats(stats);
    }

    /**
     * The keeper's change of a proposal.
     *
     * @throws IllegalArgumentException with a reason when the proposal cannot be a change: a kind
     *                                  the keeper does not apply (REGIME_ALERT, UNKNOWN), a
     *                                  missing pattern id or pattern, a pattern whose id is not
     *                                  the change's, a rule without an Avro-to-core form, a
     *                                  rollback without a target version
     */
    static Change<PatternDefinition> toChange(ModelChange mc) {
        String id = mc.getId();
        String proposer = mc.getProposedBy();
        String why = mc.getSummary();
        return switch (mc.getKind()) {
            case DEGRADE -> Change.degrade(id, mc.getPatternId(), proposer, why);
            case PROMOTE -> Change.promote(id, mc.getPatternId(), proposer, why);
            case RETIRE -> Change.retire(id, mc.getPatternId(), proposer, why);
            case ADD_PATTERN -> Change.addPattern(id, mc.getPatternId(), pattern(mc),
                    io.edgeloop.core.library.PatternStatus.valueOf(mc.getProposed().getStatus().name()), proposer, why);
            case MODIFY_RULE -> Change.modifyRule(id, mc.getPatternId(), pattern(mc), proposer, why);
            case ROLLBACK -> {
                if (mc.getTargetLibraryVersion() == null) {
                    throw new IllegalArgumentException("a ROLLBACK proposal needs targetLibraryVersion");
                }
                yield Change.rollback(id, mc.getTargetLibraryVersion(), proposer, why);
            }
            case REGIME_ALERT, UNKNOWN -> throw new IllegalArgumentException(mc.getKind()
                    + " is not a change the keeper applies");
        };
    }

    private static PatternDefinition pattern(ModelChange mc) {
        io.edgeloop.schemas.avro.PatternDefinition proposed = mc.getProposed();
        if (proposed == null) {
            throw new IllegalArgumentException(mc.getKind() + " needs the proposed pattern");
        }
        if (!proposed.getId().equals(mc.getPatternId())) {
            throw new IllegalArgumentException("the proposed pattern is " + proposed.getId() + " but the change is about "
                    + mc.getPatternId());
        }
        io.edgeloop.schemas.avro.PatternDefinition revision1 =
                io.edgeloop.schemas.avro.PatternDefinition.newBuilder(proposed).setVersion(1).build();
        return payload(PatternMapping.toDomain(revision1));
    }
}
