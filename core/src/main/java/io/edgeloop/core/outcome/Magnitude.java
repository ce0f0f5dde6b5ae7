package io.edgeloop.core.outcome;

/**
 * Size of the move over the horizon, from |directional return| in percent:
 * below {@link OutcomeConfig#smallBelowPct()} (5) SMALL, below
 * {@link OutcomeConfig#mediumBelowPct()} (15) MEDIUM, else LARGE (MODEL_REFERENCE, "Predictions
 * and outcomes").
 */
public enum Magnitude {
    SMALL,
    MEDIUM,
    LARGE
}
