package io.edgeloop.core.library;

import java.util.Objects;

/**
 * A model change request: a proposal from the retrospective or the fast loop, or an operator's
 * rollback. Build it with the factories; the constructor checks that the fields fit the kind.
 *
 * @param changeId      unique, deterministic change id (the key of {@code model-changelog} and
 *                      {@code approvals})
 * @param kind          what the change does
 * @param patternId     the pattern it acts on; null for ROLLBACK and SEED
 * @param payload       the new pattern value for ADD_PATTERN and MODIFY_RULE; null otherwise
 * @param addAs         ACTIVE or CANDIDATE for ADD_PATTERN; null otherwise
 * @param targetVersion the library version to restore for ROLLBACK; 0 otherwise. A rollback
 *                      may name a version below 1, so that the keeper can record it as the
 *                      INVALID change it is ({@link InvalidReason#UNKNOWN_VERSION})
 * @param proposer      who proposed it (a service such as {@code retro-app} or an operator)
 * @param rationale     why, with the evidence (free text or JSON); may be empty
 * @param <P> the pattern value type
 */
public record Change<P>(String changeId, ChangeKind kind, String patternId, P payload, PatternStatus addAs,
                        long targetVersion, String proposer, String rationale) {

    public Change {
        if (changeId == null || changeId.isBlank()) {
            throw new IllegalArgumentException("change id must not be blank");
        }
        Objects.requireNonNull(kind, "kind of change " + changeId);
        Objects.requireNonNull(rationale, "rationale of change " + changeId);
        boolean onPattern = kind != ChangeKind.ROLLBACK && kind != ChangeKind.SEED;
        if (onPattern == (patternId == null || patternId.isBlank())) {
            throw new IllegalArgumentException("change " + changeId + ": " + kind
                    + (onPattern ? " needs a pattern id" : " takes no pattern id"));
        }
        boolean carriesPayload = kind == ChangeKind.ADD_PATTERN || kind == ChangeKind.MODIFY_RULE;
        if (carriesPayload == (payload == null)) {
            throw new IllegalArgumentException("change " + changeId + ": " + kind
                    + (carriesPayload ? " needs a pattern value" : " takes no pattern value"));
        }
        if (kind == ChangeKind.ADD_PATTERN
                ? addAs != PatternStatus.ACTIVE && addAs != PatternStatus.CANDIDATE
                : addAs != null) {
            throw new IllegalArgumentException("change " + changeId + ": "
                    + (kind == ChangeKind.ADD_PATTERN ? "a pattern is added as ACTIVE or CANDIDATE, not " + addAs
                    : kind + " takes no initial status"));
        }
        if (kind != ChangeKind.ROLLBACK && targetVersion != 0) {
            throw new IllegalArgumentException("change " + changeId + ": " + kind + " takes no target version");
        }
    }

    /** ACTIVE -> DEGRADED. */
    public static <P> Change<P> degrade(String changeId, String patternId, String proposer, String rationale) {
        return new Change<>(changeId, ChangeKind.DEGRADE, patternId, null, null, 0, proposer, rationale);
    }

    /** DEGRADED or CANDIDATE -> ACTIVE. */
    public static <P> Change<P> promote(String changeId, String patternId, String proposer, String rationale) {
        return new Change<>(changeId, ChangeKind.PROMOTE, patternId, null, null, 0, proposer, rationale);
    }

    /** -> RETIRED. */
    public static <P> Change<P> retire(String changeId, String patternId, String proposer, String rationale) {
        return new Change<>(changeId, ChangeKind.RETIRE, patternId, null, null, 0, proposer, rationale);
    }

    /** A new pattern, added as ACTIVE or CANDIDATE. */
    public static <P> Change<P> addPattern(String changeId, String patternId, P pattern, PatternStatus addAs,
                                           String proposer, String rationale) {
        return new Change<>(changeId, ChangeKind.ADD_PATTERN, patternId, pattern, addAs, 0, proposer, rationale);
    }

    /** A new value (rule) for an existing pattern. */
    public static <P> Change<P> modifyRule(String changeId, String patternId, P pattern, String proposer,
                                           String rationale) {
        return new Change<>(changeId, ChangeKind.MODIFY_RULE, patternId, pattern, null, 0, proposer, rationale);
    }

    /** Restore the content of library version {@code targetVersion} as a new version. */
    public static <P> Change<P> rollback(String changeId, long targetVersion, String proposer, String rationale) {
        return new Change<>(changeId, ChangeKind.ROLLBACK, null, null, null, targetVersion, proposer, rationale);
    }
}
