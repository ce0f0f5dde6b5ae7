package io.edgeloop.core.stats;

/**
 * The outcome of a {@link RegimeTest}, with its evidence.
 *
 * @param recentHits hits in the recent window
 * @param recentN    outcomes in the recent window
 * @param priorHits  hits in the prior window
 * @param priorN     outcomes in the prior window
 * @param recentRate recentHits / recentN (NaN when empty)
 * @param priorRate  priorHits / priorN (NaN when empty)
 * @param difference effect size: recentRate - priorRate (e.g. -0.40 for 39% vs 79%)
 * @param z          pooled z statistic (NaN with insufficient data)
 * @param pValue     two-sided p-value of the method used (NaN with insufficient data)
 * @param method     the test that gave the p-value
 * @param decision   the verdict at the test's level
 */
public record RegimeTestResult(long recentHits, long recentN, long priorHits, long priorN, double recentRate,
                               double priorRate, double difference, double z, double pValue,
                               RegimeTest.Method method, Decision decision) {

    /** Regime verdicts. */
    public enum Decision {
        /** The recent rate is significantly higher. */
        SHIFT_UP,
        /** The recent rate is significantly lower. */
        SHIFT_DOWN,
        /** No significant difference. */
        NO_SHIFT,
        /** A window has fewer outcomes than the minimum; no test was made. */
        INSUFFICIENT_DATA
    }

    /** True for SHIFT_UP and SHIFT_DOWN. */
    public boolean shifted() {
        return decision == Decision.SHIFT_UP || decision == Decision.SHIFT_DOWN;
    }
}
