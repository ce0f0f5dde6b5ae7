package io.edgeloop.core.library;

/**
 * Why a request was refused. The first group judges the request (the change's record is left
 * as it was); the second judges the change against the library or its validator (the change
 * becomes final with status {@link ChangeStatus#INVALID}).
 */
public enum InvalidReason {
    /** No change with this id was proposed. */
    UNKNOWN_CHANGE,
    /** The change is already APPLIED, REJECTED or INVALID; nothing is applied twice. */
    ALREADY_DECIDED,
    /** Another, different change already has this id. */
    DUPLICATE_CHANGE_ID,
    /** The actor (or proposer) is missing, blank or names no one ({@link Keeper#anonymous}). */
    ANONYMOUS_ACTOR,
    /** SEED changes are made by seeding only. */
    NOT_PROPOSABLE,
    /** Only DEGRADE may be auto-applied; everything else needs an operator's approval. */
    NOT_AUTO_APPLICABLE,
    /** Seeding needs an empty library. */
    LIBRARY_NOT_EMPTY,

    /** The change names a pattern the library does not hold. */
    UNKNOWN_PATTERN,
    /** ADD_PATTERN of an id the library already holds (retired ids included). */
    PATTERN_EXISTS,
    /** The pattern's status does not allow this change, or a rollback would change nothing. */
    ILLEGAL_TRANSITION,
    /** The pattern value fails the injected validator. */
    INVALID_PAYLOAD,
    /**
     * Rollback to a version that does not exist: below 1 (final as soon as proposed or
     * requested), or above the current version when the rollback is decided.
     */
    UNKNOWN_VERSION
}
