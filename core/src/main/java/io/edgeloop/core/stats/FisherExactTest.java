package io.edgeloop.core.stats;

import org.apache.commons.math3.distribution.HypergeometricDistribution;

/**
 * Fisher's exact test of independence in a 2x2 table (R. A. Fisher, 1935), two-sided as R's
 * {@code fisher.test}: conditioning on the margins, the count in the top-left cell is
 * hypergeometric, and the p-value is the total probability of the tables no more probable than
 * the observed one (with R's relative tolerance 1e-7 for ties).
 *
 * <p>One-sided, as {@code fisher.test(alternative = "greater")} and {@code "less"}: the upper
 * tail P(X &gt;= a) and the lower tail P(X &lt;= a) of the same hypergeometric count, each a
 * sum of the table probabilities (no subtraction). Halving the two-sided p-value is not the
 * one-sided one: the distribution is not symmetric (6/6 against 2/8: one-sided 28/3003 =
 * 0.00932, two-sided 0.00966).
 *
 * <p>For the regime test the rows are the two windows and the columns hits and misses:
 * {@code [[x1, n1 - x1], [x2, n2 - x2]]}.
 */
public final class FisherExactTest {

    /** R's {@code relErr}: tables within this relative distance of the observed probability count as ties. */
    private static final double RELATIVE_TOLERANCE = 1 + 1e-7;

    private FisherExactTest() {
    }

    /** Two-sided p-value for hits {@code x1} of {@code n1} against {@code x2} of {@code n2}. */
    public static double pValueProportions(long x1, long n1, long x2, long n2) {
        TwoProportionZTest.check(x1, n1);
        TwoProportionZTest.check(x2, n2);
        return pValueTable(x1, n1 - x1, x2, n2 - x2);
    }

    /**
     * One-sided p-value of H1: the rate of hits {@code x1 / n1} exceeds {@code x2 / n2} (the odds
     * ratio is above 1): P(X &gt;= x1), R's {@code fisher.test(alternative = "greater")}.
     */
    public static double pValueGreater(long x1, long n1, long x2, long n2) {
        TwoProportionZTest.check(x1, n1);
        TwoProportionZTest.check(x2, n2);
        return Math.min(1, hypergeometric(x1, n1 - x1, x2, n2 - x2).upperCumulativeProbability((int) x1));
    }

    /**
     * One-sided p-value of H1: the rate of hits {@code x1 / n1} is below {@code x2 / n2}:
     * P(X &lt;= x1), R's {@code fisher.test(alternative = "less")}.
     */
    public static double pValueLess(long x1, long n1, long x2, long n2) {
        TwoProportionZTest.check(x1, n1);
        TwoProportionZTest.check(x2, n2);
        return Math.min(1, hypergeometric(x1, n1 - x1, x2, n2 - x2).cumulativeProbability((int) x1));
    }

    /** Two-sided p-value of the table {@code [[a, b], [c, d]]}. */
    public static double pValueTable(long a, long b, long c, long d) {
        HypergeometricDistribution h = hypergeometric(a, b, c, d);
        double observed = h.probability((int) a);
        double bound = observed * RELATIVE_TOLERANCE;
        double p = 0;
        for (int k = h.getSupportLowerBound(); k <= h.getSupportUpperBound(); k++) {
            double pk = h.probability(k);
            if (pk <= bound) {
                p += pk;
            }
        }
        return Math.min(1, p);
    }

    /** The distribution of the top-left count of {@code [[a, b], [c, d]]} given its margins. */
    private static HypergeometricDistribution hypergeometric(long a, long b, long c, long d) {
        if (a < 0 || b < 0 || c < 0 || d < 0) {
            throw new IllegalArgumentException("table cells must be >= 0, got " + a + ", " + b + ", " + c + ", " + d);
        }
        long total = a + b + c + d;
        if (total > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("table too large for the exact test: " + total);
        }
        return new HypergeometricDistribution(null, (int) total, (int) (a + c), (int) (a + b));
    }
}
