package io.edgeloop.core.stats;

import org.apache.commons.math3.distribution.HypergeometricDistribution;

/**
 * Fisher's exact test of independence in a 2x2 table (R. A. Fisher, 1935), two-sided as R's
 * {@code fisher.test}: conditioning on the margins, the count in the top-left cell is
 * hypergeometric, and the p-value is the total probability of the tables no more probable than
 * the observed one (with R's relative tolerance 1e-7 for ties).
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

    /** Two-sided p-value of the table {@code [[a, b], [c, d]]}. */
    public static double pValueTable(long a, long b, long c, long d) {
        if (a < 0 || b < 0 || c < 0 || d < 0) {
            throw new IllegalArgumentException("table cells must be >= 0, got " + a + ", " + b + ", " + c + ", " + d);
        }
        long total = a + b + c + d;
        if (total > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("table too large for the exact test: " + total);
        }
        int population = (int) total;
        int successes = (int) (a + c);
        int sample = (int) (a + b);
        HypergeometricDistribution h = new HypergeometricDistribution(null, population, successes, sample);
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
}
