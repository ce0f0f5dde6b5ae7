package io.edgeloop.core.outcome;

/**
 * The direction a prediction or a pattern expects the price to move in.
 *
 * <p>{@link #NEUTRAL} expects no large move either way (for example a cluster of opposing
 * signals); see {@link OutcomeConfig#neutralBandPct()} for how its outcome is judged.
 */
public enum Direction {
    UP(1),
    DOWN(-1),
    NEUTRAL(0);

    private final int sign;

    Direction(int sign) {
        this.sign = sign;
    }

    /** +1 for UP, -1 for DOWN, 0 for NEUTRAL. */
    public int sign() {
        return sign;
    }
}
