package io.edgeloop.core.rules;

/** Where a pattern came from. */
public enum PatternOrigin {
    /** One of the 17 patterns of the original model ({@link SeedPatterns}). */
    SEED,
    /** Found by the retrospective's candidate discovery. */
    DISCOVERED,
    /** Written by an operator. */
    OPERATOR
}
