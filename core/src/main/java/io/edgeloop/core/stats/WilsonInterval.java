package io.edgeloop.core.stats;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * The Wilson score interval for a binomial proportion (E. B. Wilson, "Probable inference, the
 * law of succession, and statistical inference", JASA 22, 1927), for reporting next to n:
 * <pre>
 *   centre = (p + z^2 / 2n) / (1 + z^2 / n)
 *   half   = z / (1 + z^2 / n) * sqrt(p (1 - p) / n + z^2 / 4n^2)
 * </pre>
 * with p = hits / n and z the standard normal quantile at (1 + level) / 2. Unlike the Wald
 * interval it stays inside [0, 1] and is sound for small n and rates near 0 or 1.
 */
public final class WilsonInterval {

    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);

    private WilsonInterval() {
    }

    /** The interval for {@code hits} out of {@code n}; [0, 1] when n is 0. */
    public static Interval of(long hits, long n, double level) {
        Interval.checkLevel(level);
        if (n < 0 || hits < 0 || hits > n) {
            throw new IllegalArgumentException("need 0 <= hits <= n, got hits " + hits + ", n " + n);
        }
        if (n == 0) {
            return new Interval(0, 1, level);
        }
        double z = STANDARD_NORMAL.inverseCumulativeProbability((1 + level) / 2);
        double p = (double) hits / n;
        double z2 = z * z;
        double denominator = 1 + z2 / n;
        double centre = (p + z2 / (2.0 * n)) / denominator;
        double half = z / denominator * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
        return new Interval(Math.max(0, centre - half), Math.min(1, centre + half), level);
    }
}
