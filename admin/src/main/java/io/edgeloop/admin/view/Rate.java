package io.edgeloop.admin.view;

import io.edgeloop.core.stats.Interval;
import io.edgeloop.core.stats.WilsonInterval;

/**
 * A hit rate with its 95% Wilson score interval ({@link WilsonInterval}; E. B. Wilson, JASA 1927):
 * hits / n, and [lower, upper]; rate null and the interval [0, 1] when n is 0.
 *
 * @param n     resolved outcomes
 * @param hits  of them, hits
 * @param rate  hits / n, or null when n = 0
 * @param lower lower bound of the 95% interval
 * @param upper upper bound
 */
public record Rate(int n, int hits, Double rate, double lower, double upper) {

    /** Coverage of the interval. */
    public static final double LEVEL = 0.95;

    /** The rate of {@code hits} out of {@code n}. */
    public static Rate of(int hits, int n) {
        Interval interval = WilsonInterval.of(hits, n, LEVEL);
        return new Rate(n, hits, n == 0 ? null : (double) hits / n, interval.lower(), interval.upper());
    }
}
