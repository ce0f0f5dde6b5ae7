package io.edgeloop.core.rules;

/** The move a pattern expects after it matches. */
public enum Direction {
    /** Price expected to rise: a hit is a rise. */
    UP(1),
    /** Price expected to fall: a hit is a fall. */
    DOWN(-1),
    /** No direction expected (e.g. a volatility cluster): a hit is a large move either way. */
    NEUTRAL(0);

    private final int sign;

    Direction(int sign) {
        this.sign = sign;
    }

    /** +1, -1 or 0: multiply a raw return by it to get the return in this direction. */
    public int sign() {
        return sign;
    }

    /**
     * Slack, in percentage points, for the rounding of a return computed in doubles: 2.50 to 2.55
     * is exactly +2 %, but (2.55 - 2.50) / 2.50 x 100 is 1.9999999999999927 (959 of the two-decimal
     * prices from 1 to 1,000 miss an exact 2 % so). Far below any price tick.
     */
    public static final double ROUNDING_PCT = 1e-9;

    /**
     * Whether a move hits in this direction: {@code rawReturnPct} is (exit - entry) / entry x 100;
     * UP hits when it is at least {@code thresholdPct}, DOWN when its negation is, NEUTRAL when its
     * magnitude is (a large move either way), each within {@link #ROUNDING_PCT} of the threshold.
     * The resolver judges predictions and credits patterns by this rule and the dashboard charts
     * their hit rates by it.
     */
    public boolean hit(double rawReturnPct, double thresholdPct) {
        double move = sign == 0 ? Math.abs(rawReturnPct) : sign * rawReturnPct;
        return move >= thresholdPct - ROUNDING_PCT;
    }
}
