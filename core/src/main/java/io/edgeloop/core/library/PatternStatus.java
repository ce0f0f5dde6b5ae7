package io.edgeloop.core.library;

/** The life-cycle status of a pattern in the library. */
public enum PatternStatus {
    /** Matched, and boosts predictions. */
    ACTIVE,
    /** Matched (its statistics keep learning) but does not boost: its edge looks gone. */
    DEGRADED,
    /** Ignored. No change brings a retired pattern back, except a rollback to a version before it retired. */
    RETIRED,
    /** Proposed by discovery and added for observation; promoted to ACTIVE by approval. */
    CANDIDATE
}
