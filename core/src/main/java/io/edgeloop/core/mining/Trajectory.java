package io.edgeloop.core.mining;

/**
 * A score over the lead-up: its value on the first and the last day, mean, range and trend.
 * Statistics use the days where the score is present; NaN when it is never present.
 *
 * @param start value on the first lead-up day (the start day minus {@code days})
 * @param end   value on the start day
 * @param mean  mean over the lead-up days
 * @param min   smallest value
 * @param max   largest value
 * @param trend RISING when {@code end - start > +threshold}, FALLING when below
 *              {@code -threshold}, FLAT otherwise, UNKNOWN when start or end is absent
 */
public record Trajectory(double start, double end, double mean, double min, double max, Trend trend) {

    /** MoveDirection of a score over the lead-up. */
    public enum Trend { RISING, FALLING, FLAT, UNKNOWN }

    /** {@code end - start}, NaN when either is absent. */
    public double delta() {
        return end - start;
    }

    public boolean rising() {
        return trend == Trend.RISING;
    }

    public boolean falling() {
        return trend == Trend.FALLING;
    }

    static Trajectory of(double[] values, double threshold) {
        double sum = 0;
        double min = Double.NaN;
        double max = Double.NaN;
        int present = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                sum += v;
                present++;
                min = Double.isNaN(min) ? v : Math.min(min, v);
                max = Double.isNaN(max) ? v : Math.max(max, v);
            }
        }
        double start = values[0];
        double end = values[values.length - 1];
        double delta = end - start;
        Trend trend = Double.isNaN(delta) ? Trend.UNKNOWN
                : delta > threshold ? Trend.RISING : delta < -threshold ? Trend.FALLING : Trend.FLAT;
        return new Trajectory(start, end, present == 0 ? Double.NaN : sum / present, min, max, trend);
    }
}
