package io.edgeloop.core.stats;

import org.apache.commons.math3.distribution.BinomialDistribution;

/**
 * Exact binomial test p-values of H0: rate = p0, as R's {@code binom.test}. The two-sided
 * p-value sums the probabilities of every count no more probable than the observed one (R's
 * relative tolerance 1e-7 for ties).
 */
public final class BinomialTests {

    private static final double RELATIVE_TOLERANCE = 1 + 1e-7;

    private BinomialTests() {
    }

    /** P(X &gt;= k) for X ~ Binomial(n, p0): evidence the rate exceeds p0. */
    public static double pValueGreater(long k, long n, double p0) {
        BinomialDistribution b = distribution(k, n, p0);
        return k == 0 ? 1 : 1 - b.cumulativeProbability((int) k - 1);
    }

    /** P(X &lt;= k): evidence the rate is below p0. */
    public static double pValueLess(long k, long n, double p0) {
        return distribution(k, n, p0).cumulativeProbability((int) k);
    }

    /** Two-sided p-value: sum of P(X = i) over every i with P(X = i) &lt;= P(X = k). */
    public static double pValueTwoSided(long k, long n, double p0) {
        BinomialDistribution b = distribution(k, n, p0);
        double bound = b.probability((int) k) * RELATIVE_TOLERANCE;
        double p = 0;
        for (int i = 0; i <= n; i++) {
            double pi = b.probability(i);
            if (pi <= bound) {
                p += pi;
            }
        }
        return Math.min(1, p);
    }

    private static BinomialDistribution distribution(long k, long n, double p0) {
        if (n < 0 || k < 0 || k > n || n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("need 0 <= k <= n <= 2^31 - 1, got k " + k + ", n " + n);
        }
        if (!(p0 >= 0 && p0 <= 1)) {
            throw new IllegalArgumentException("base rate must be in [0, 1], got " + p0);
        }
        return new BinomialDistribution(null, (int) n, p0);
    }
}
