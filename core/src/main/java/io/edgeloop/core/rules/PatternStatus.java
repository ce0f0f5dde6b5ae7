package io.edgeloop.core.rules;

/** Lifecycle of a pattern in the library. */
public enum PatternStatus {
    /** Matched and used for predictions and rank. */
    ACTIVE,
    /** Evidence says it lost its edge: still matched and tracked, not used to raise confidence. */
    DEGRADED,
    /** Withdrawn by an operator: kept for history, not matched. */
    RETIRED,
    /** Proposed (by the retrospective or an operator), awaiting approval: tracked, not used. */
    CANDIDATE
}
