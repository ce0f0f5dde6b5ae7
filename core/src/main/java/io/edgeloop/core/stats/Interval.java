package io.edgeloop.core.stats;

/**
 * A closed interval estimate of a proportion.
 *
 * @param lower lower bound
 * @param upper upper bound
 * @param level coverage, e.g. 0.95
 */
public record Interval(double lower, double upper, double level) {

    public Interval {
        if (!(lower <= upper)) {
            throw new IllegalArgumentException("interval needs lower <= upper, got [" + lower + ", " + upper + "]");
        }
        checkLevel(level);
    }

    public boolean contains(double x) {
        return x >= lower && x <= upper;
    }

    public double width() {
        return upper - lower;
    }

    static void checkLevel(double level) {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("interval level must be in (0, 1), got " + level);
        }
    }
}
