package io.edgeloop.core.outcome;

/** How an outcome came about. */
public enum OutcomeStatus {
    /** All horizon bars arrived; every figure is final and the outcome is a learning sample. */
    RESOLVED,
    /**
     * Stream time passed the horizon end plus the grace period without enough daily bars (the
     * ticker stopped trading, was delisted, or its feed broke). Figures cover the bars that did
     * arrive; the outcome is never a hit and is not a learning sample.
     */
    EXPIRED
}
