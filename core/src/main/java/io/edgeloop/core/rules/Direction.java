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
     * Whether a move hits in this direction: {@code rawReturnPct} is (exit - entry) / entry x 100;
     * UP hits when it is at least {@code thresholdPct}, DOWN when its negation is, NEUTRAL when its
     * magnitude is (a large move either way). The keeper credits patterns by this rule and the
     * dashboard charts their hit rates by it.
     */
    public boolean hit(double rawReturnPct, double thresholdPct) {
        return sign == 0 ? Math.abs(rawReturnPct) >= thresholdPct : sign * rawReturnPct >= thresholdPct;
    }
}
