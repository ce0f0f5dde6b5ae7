package io.edgeloop.resolver;

/**
 * The fast loop's settings: how a pattern's hit is judged, its Beta prior, the credible interval
 * it reports, and when evidence is strong enough to degrade it without an operator.
 *
 * @param hitThresholdPct a pattern hits when the close-to-close move in its own direction is at
 *                        least this many percent (a NEUTRAL pattern: the absolute move), default 2
 * @param priorAlpha      Beta prior pseudo-hits (default 1: the uniform prior Beta(1, 1))
 * @param priorBeta       Beta prior pseudo-misses (default 1)
 * @param intervalLevel   coverage of the equal-tailed credible interval (default 0.95)
 * @param degradeMinN     fewest outcomes before an auto-degrade (default 10)
 * @param degradeFloor    the hit rate a pattern must beat (default 0.40)
 * @param degradeConfidence posterior P(rate &lt; floor) above which the pattern is degraded
 *                        (default 0.9)
 */
public record LearningConfig(
        double hitThresholdPct,
        double priorAlpha,
        double priorBeta,
        double intervalLevel,
        int degradeMinN,
        double degradeFloor,
        double degradeConfidence) {

    public LearningConfig {
        if (!(hitThresholdPct >= 0) || Double.isInfinite(hitThresholdPct)) {
            throw new IllegalArgumentException("pattern hit threshold must be a finite number >= 0, was " + hitThresholdPct);
        }
        if (!(priorAlpha > 0) || !(priorBeta > 0) || Double.isInfinite(priorAlpha) || Double.isInfinite(priorBeta)) {
            throw new IllegalArgumentException("Beta prior needs finite alpha > 0 and beta > 0, was Beta("
                    + priorAlpha + ", " + priorBeta + ")");
        }
        if (!(intervalLevel > 0 && intervalLevel < 1)) {
            throw new IllegalArgumentException("credible interval level must be in (0, 1), was " + intervalLevel);
        }
        if (degradeMinN < 1) {
            throw new IllegalArgumentException("auto-degrade minimum n must be >= 1, was " + degradeMinN);
        }
        if (!(degradeFloor > 0 && degradeFloor < 1)) {
            throw new IllegalArgumentException("auto-degrade floor must be in (0, 1), was " + degradeFloor);
        }
        if (!(degradeConfidence > 0 && degradeConfidence < 1)) {
            throw new IllegalArgumentException("auto-degrade confidence must be in (0, 1), was " + degradeConfidence);
        }
    }

    /** Hit at 2%, Beta(1, 1), 95% interval, degrade at n &gt;= 10 and P(rate &lt; 0.40) &gt; 0.9. */
    public static LearningConfig defaults() {
        return new LearningConfig(2.0, 1.0, 1.0, 0.95, 10, 0.40, 0.9);
    }
}
