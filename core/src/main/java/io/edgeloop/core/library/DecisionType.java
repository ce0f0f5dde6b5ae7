package io.edgeloop.core.library;

/** The keeper's answer to a request. */
public enum DecisionType {
    /** The proposal is recorded and waits for an operator. */
    PROPOSED,
    /** The change was applied: a new library version exists. */
    APPLIED,
    /** The operator rejected the change; it is final. */
    REJECTED,
    /** The request was refused; {@link Decision#invalidReason()} says why. Nothing changed in the library. */
    INVALID
}
