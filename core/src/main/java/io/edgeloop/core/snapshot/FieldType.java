package io.edgeloop.core.snapshot;

/** The value kinds a snapshot field can hold; rules are type-checked against these. */
public enum FieldType {
    /** A real number within the field's documented range. */
    NUMBER,
    /** True or false, stored as 1 or 0. */
    BOOLEAN,
    /** -1 (bear / down), 0 (none), +1 (bull / up). */
    DIRECTION,
    /** One of a fixed list of names, stored as its position in that list. */
    CATEGORY
}
