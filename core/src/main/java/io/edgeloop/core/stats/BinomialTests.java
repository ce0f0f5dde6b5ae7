package io.edgeloop.core.stats;

import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.math3.special.Beta;

/**
 * Exact binomial test p-values of H0: rate = p0, as R's {@code binom.test}. The two-sided
 * p-value sums the probabilities of every count no more probable than the observed one (R's
 * relative tolerance 1e-7 for ties).
 *
 * <p>The one-sided tails are each computed as a tail, never as {@code 1 - cdf}: commons-math's
 * binomial CDF is itself {@code 1 - I_p(k + 1, n - k)}, and one minus a value near 1 leaves
 * nothing of a p-value below about 1e-16 (90 of 100 against 0.5 is 1.5e-17, as R gives, not 0).
 * P(X &gt;= k) is the regularized incomplete beta function I_p0(k, n - k + 1), which commons-math
 * evaluates directly where it is small; P(X &lt;= k) is the same tail of the misses.
 */
public final class BinomialTests {

    private static final double RELATIVE_TOLERANCE = 1 + 1e-7;

    private BinomialTests() {
    }

    /** P(X &gt;= k) for X ~ Binomial(n, p0): evidence the rate exceeds p0. */
    public static double pValueGreater(long k, long n, double p0) {
        check(k, n, p0);
        return upperTail(k, n, p0);
    }

    /** P(X &lt;= k): evidence the rate is below p0; the upper tail of the misses, P(n - X &gt;= n - k). */
    public static double pValueLess(long k, long n, double p0) {
        check(k, n, p0);
        return upperTail(n - k, n, 1 - p0);
    }

    /** P(X &gt;= k) = I_p(k, n - k + 1) for X ~ Binomial(n, p), 0 &lt;= k &lt;= n. */
    private static double upperTail(long k, long n, double p) {
        if (k == 0 || p >= 1) {
            return 1;
        }
        if (p <= 0) {
            return 0;
        }
        return Math.min(1, Beta.regularizedBeta(p, k, n - k + 1.0));
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
        check(k, n, p0);
        return new BinomialDistribution(null, (int) n, p0);
    }

    private static void check(long k, long n, double p0) {
        if (n < 0 || k < 0 || k > n || n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("need 0 <= k <= n <= 2^31 - 1, got k " + k + ", n " + n);
        }
        if (!(p0 >= 0 && p0 <= 1)) {
            throw new IllegalArgumentException("base rate must be in [0, 1], got " + p0);
        }
    }
}
