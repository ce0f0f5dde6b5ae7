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
}
