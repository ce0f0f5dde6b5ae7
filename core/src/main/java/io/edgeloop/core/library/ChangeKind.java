package io.edgeloop.core.library;

/** What a model change does to the library. */
public enum ChangeKind {
    /** Publishes the seed set as version 1 of an empty library; made by {@link Keeper#seed}, never proposed. */
    SEED,
    /** ACTIVE -> DEGRADED; the only kind the fast loop may auto-apply. */
    DEGRADE,
    /** DEGRADED or CANDIDATE -> ACTIVE. */
    PROMOTE,
    /** any status but RETIRED -> RETIRED. */
    RETIRE,
    /** A new pattern id, added as ACTIVE or CANDIDATE. */
    ADD_PATTERN,
    /** A new pattern value (rule) for an existing, non-retired pattern; status unchanged. */
    MODIFY_RULE,
    /** A new version whose content equals an earlier version's. */
    ROLLBACK
}
