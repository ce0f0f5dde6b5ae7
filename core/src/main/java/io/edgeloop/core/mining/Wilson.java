package io.edgeloop.core.mining;

import org.apache.commons.math3.special.Erf;

/**
 * Wilson score interval for a binomial proportion (E. B. Wilson, "Probable inference, the law of
 * succession, and statistical inference", JASA 22, 1927):
 * {@code (p + z^2/2n +- z sqrt(p(1-p)/n + z^2/4n^2)) / (1 + z^2/n)} with {@code p = k/n} and
 * {@code z = sqrt(2) erfinv(confidence)}, the two-sided normal quantile.
 *
 * <p>A local helper until the shared statistics package is on this branch; it should then be
 * replaced by that package's Wilson interval.
 */
final class Wilson {

    private Wilson() {
    }

    /** The two-sided standard normal quantile for a confidence level, e.g. 1.95996 for 0.95. */
    static double z(double confidence) {
        return Math.sqrt(2) * Erf.erfInv(confidence);
    }

    /** {low, high} of the interval for {@code k} successes in {@code n} trials; NaN when n = 0. */
    static double[] interval(int k, int n, double z) {
        if (n == 0) {
            return new double[] {Double.NaN, Double.NaN};
        }
        double p = (double) k / n;
        double z2 = z * z;
        double denominator = 1 + z2 / n;
        double centre = (p + z2 / (2.0 * n)) / denominator;
        double half = z * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / denominator;
        return new double[] {Math.max(0, centre - half), Math.min(1, centre + half)};
    }
}
