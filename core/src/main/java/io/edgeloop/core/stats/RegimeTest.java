package io.edgeloop.core.stats;

/**
 * The two-window regime-change test: has a rate (a pattern's hit rate, a sector's UP%) in the
 * recent window moved away from the prior window's? Replaces the original model's "differs by
 * more than 15 points" rule with a significance test: two-sided, at level {@code alpha}, and
 * only when each window has at least {@code minNPerWindow} outcomes.
 *
 * @param minNPerWindow fewest outcomes per window (default 5, the original's minimum)
 * @param alpha         significance level (default 0.05)
 * @param method        which test gives the p-value (default {@link Method#AUTO})
 */
public record RegimeTest(int minNPerWindow, double alpha, Method method) {

    /** At least 5 per window, alpha 0.05, Fisher's exact test when counts are small, else the z-test. */
    public static final RegimeTest DEFAULT = new RegimeTest(5, 0.05, Method.AUTO);

    /** Smallest expected cell count for which AUTO trusts the normal approximation. */
    static final double MIN_EXPECTED_CELL = 5;

    /** Where the p-value comes from. */
    public enum Method {
        /** Pooled two-proportion z-test ({@link TwoProportionZTest}). */
        Z_POOLED,
        /** Fisher's exact test ({@link FisherExactTest}). */
        FISHER_EXACT,
        /** Fisher's exact test when any expected cell count is below 5, else the z-test. */
        AUTO
    }

    public RegimeTest {
        if (minNPerWindow < 1) {
            throw new IllegalArgumentException("minNPerWindow must be >= 1, got " + minNPerWindow);
        }
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must be in (0, 1), got " + alpha);
        }
        if (method == null) {
            throw new IllegalArgumentException("regime test needs a method");
        }
    }

    /** Tests the recent window's {@code recentHits / recentN} against the prior window's. */
    public RegimeTestResult test(long recentHits, long recentN, long priorHits, long priorN) {
        if (recentN < 0 || priorN < 0 || recentHits < 0 || priorHits < 0 || recentHits > recentN || priorHits > priorN) {
            throw new IllegalArgumentException("need 0 <= hits <= n in both windows, got recent " + recentHits + "/"
                    + recentN + ", prior " + priorHits + "/" + priorN);
        }
        double recentRate = recentN == 0 ? Double.NaN : (double) recentHits / recentN;
        double priorRate = priorN == 0 ? Double.NaN : (double) priorHits / priorN;
        if (recentN < minNPerWindow || priorN < minNPerWindow) {
            return new RegimeTestResult(recentHits, recentN, priorHits, priorN, recentRate, priorRate,
                    recentRate - priorRate, Double.NaN, Double.NaN, method, RegimeTestResult.Decision.INSUFFICIENT_DATA);
        }
        Method used = methodFor(recentHits, recentN, priorHits, priorN);
        double z = TwoProportionZTest.z(recentHits, recentN, priorHits, priorN);
        double p = used == Method.FISHER_EXACT
                ? FisherExactTest.pValueProportions(recentHits, recentN, priorHits, priorN)
                : TwoProportionZTest.pValue(recentHits, recentN, priorHits, priorN);
        double difference = recentRate - priorRate;
        RegimeTestResult.Decision decision = p >= alpha || difference == 0 ? RegimeTestResult.Decision.NO_SHIFT
                : difference > 0 ? RegimeTestResult.Decision.SHIFT_UP : RegimeTestResult.Decision.SHIFT_DOWN;
        return new RegimeTestResult(recentHits, recentN, priorHits, priorN, recentRate, priorRate, difference, z, p,
                used, decision);
    }

    /**
     * One-sided p-value of H1: the first rate {@code x1 / n1} is above the second {@code x2 / n2},
     * by the test {@link #test} would use on these counts: Fisher's upper tail P(X &gt;= x1)
     * ({@link FisherExactTest#pValueGreater}) or the z-test's upper normal tail Phi(-z)
     * ({@link TwoProportionZTest#pValueGreater}). NaN when a sample has fewer than
     * {@code minNPerWindow} outcomes.
     */
    public double pValueGreater(long x1, long n1, long x2, long n2) {
        if (n1 < minNPerWindow || n2 < minNPerWindow) {
            return Double.NaN;
        }
        return methodFor(x1, n1, x2, n2) == Method.FISHER_EXACT ? FisherExactTest.pValueGreater(x1, n1, x2, n2)
                : TwoProportionZTest.pValueGreater(x1, n1, x2, n2);
    }

    /** The method for these counts: AUTO resolved by {@link #smallCounts}. */
    private Method methodFor(long x1, long n1, long x2, long n2) {
        if (method != Method.AUTO) {
            return method;
        }
        return smallCounts(x1, n1, x2, n2) ? Method.FISHER_EXACT : Method.Z_POOLED;
    }

    /** True when an expected count (row total x column total / grand total) is below 5. */
    private static boolean smallCounts(long x1, long n1, long x2, long n2) {
        double total = n1 + n2;
        double hits = x1 + x2;
        double misses = total - hits;
        double smallestRow = Math.min(n1, n2);
        return smallestRow * Math.min(hits, misses) / total < MIN_EXPECTED_CELL;
    }
}
