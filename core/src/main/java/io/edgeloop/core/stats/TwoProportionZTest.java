package io.edgeloop.core.stats;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * The pooled two-proportion z-test of H0: p1 = p2 (e.g. Agresti, Categorical Data Analysis,
 * 3rd ed., section 3.1; R's {@code prop.test(correct = FALSE)} gives X-squared = z^2):
 * <pre>
 *   p  = (x1 + x2) / (n1 + n2)
 *   z  = (x1/n1 - x2/n2) / sqrt(p (1 - p) (1/n1 + 1/n2))
 *   p-value (two-sided) = 2 (1 - Phi(|z|))
 *   p-value (one-sided, H1: p1 &gt; p2) = 1 - Phi(z) = Phi(-z)
 * </pre>
 * When p is 0 or 1 both samples agree exactly: z = 0 and both p-values are 1 (nothing is
 * evidence of a difference, as Fisher's exact tails say of such a table). The normal
 * approximation wants about 5 expected hits and misses per sample; below that use
 * {@link FisherExactTest}.
 */
public final class TwoProportionZTest {

    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);

    private TwoProportionZTest() {
    }

    /** The pooled z statistic; positive when sample 1's rate is higher. */
    public static double z(long x1, long n1, long x2, long n2) {
        check(x1, n1);
        check(x2, n2);
        double pooled = (double) (x1 + x2) / (n1 + n2);
        double se = Math.sqrt(pooled * (1 - pooled) * (1.0 / n1 + 1.0 / n2));
        if (se == 0) {
            return 0;
        }
        return ((double) x1 / n1 - (double) x2 / n2) / se;
    }

    /** Two-sided p-value 2 (1 - Phi(|z|)). */
    public static double pValue(long x1, long n1, long x2, long n2) {
        double z = z(x1, n1, x2, n2);
        return 2 * STANDARD_NORMAL.cumulativeProbability(-Math.abs(z));
    }

    /** One-sided p-value Phi(-z) of H1: sample 1's rate is higher (the upper normal tail, without subtraction). */
    public static double pValueGreater(long x1, long n1, long x2, long n2) {
        double z = z(x1, n1, x2, n2);
        if (x1 + x2 == 0 || x1 + x2 == n1 + n2) {
            return 1; // every trial a hit, or none: no difference to test
        }
        return STANDARD_NORMAL.cumulativeProbability(-z);
    }

    static void check(long x, long n) {
        if (n <= 0 || x < 0 || x > n) {
            throw new IllegalArgumentException("need 0 <= hits <= n and n > 0, got hits " + x + ", n " + n);
        }
    }
}
