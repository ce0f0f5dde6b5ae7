package io.edgeloop.core.library;

/** Where a change stands. Every status but PENDING is final. */
public enum ChangeStatus {
    PENDING,
    APPLIED,
    REJECTED,
    /** Found invalid against its payload validator or the library when proposed or approved. */
    INVALID
}
