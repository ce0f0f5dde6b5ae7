package io.edgeloop.core.model;

/** What happened to the paper position at a bar. */
public enum PositionEvent {
    /** Nothing. */
    NONE,
    /** A position opened (stage ENTER) at the bar's close. */
    OPEN,
    /** The position was halved (first move into stage TRIM) at the bar's close. */
    TRIM,
    /** The position closed (stage EXIT) at the bar's close. */
    CLOSE
}
