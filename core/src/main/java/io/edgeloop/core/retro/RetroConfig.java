package io.edgeloop.core.retro;

import io.edgeloop.core.stats.FdrMethod;

import java.util.Objects;

/**
 * Settings of the weekly retrospective (MODEL_REFERENCE "Study (phase 1) and retrospective";
 * DESIGN "Learning statistics"). All windows are in data time: calendar days back from the
 * as-of date.
 *
 * @param lookbackDays    calendar days the retrospective looks back (default 90)
 * @param recentDays      the last {@code recentDays} of the lookback form the recent window, the
 *                        rest the prior window (default 30, so prior = 60)
 * @param horizonDays     trading days after a pattern's match day within which a significant
 *                        move in its direction counts as a hit (default 5, the prediction horizon)
 * @param minNPerWindow   fewest observations per window for a two-window test (default 5)
 * @param alpha           significance of the two-window tests; within a family (the library's
 *                        patterns, the sectors) it is the Benjamini-Hochberg level (default 0.05)
 * @param fdrLevel        false-discovery rate of candidate discovery over every combination
 *                        tested (default 0.10)
 * @param fdrMethod       Benjamini-Hochberg or Benjamini-Yekutieli (default BH)
 * @param pairMinN        fewest fit-window moves a feature pair needs to be tested (default 10)
 * @param tripleMinN      fewest fit-window moves a feature triple needs (default 8)
 * @param oosAlpha        a survivor holds out of sample when its one-sided binomial p-value in
 *                        the test window is below this (default 0.05)
 * @param coverage        a candidate is covered when at least this share of its moves also
 *                        match one existing pattern (default 0.80)
 * @param maxProposals    most ADD_PATTERN proposals per run (default 5)
 * @param highEffectPts   effect size above which a change is HIGH severity, in percentage
 *                        points (default 25)
 * @param mediumEffectPts effect size above which a change is MEDIUM severity (default 15)
 * @param intervalLevel   coverage of reported Wilson intervals (default 0.95)
 */
public record RetroConfig(int lookbackDays, int recentDays, int horizonDays, int minNPerWindow, double alpha,
                          double fdrLevel, FdrMethod fdrMethod, int pairMinN, int tripleMinN, double oosAlpha,
                          double coverage, int maxProposals, double highEffectPts, double mediumEffectPts,
                          double intervalLevel) {

    public RetroConfig {
        if (recentDays < 1 || lookbackDays <= recentDays) {
            throw new IllegalArgumentException("need 1 <= recentDays < lookbackDays, got recent " + recentDays
                    + ", lookback " + lookbackDays);
        }
        if (horizonDays < 1) {
            throw new IllegalArgumentException("horizonDays must be >= 1, got " + horizonDays);
        }
        if (minNPerWindow < 1 || pairMinN < 1 || tripleMinN < 1 || maxProposals < 0) {
            throw new IllegalArgumentException("minimum counts must be >= 1 and maxProposals >= 0, got minNPerWindow "
                    + minNPerWindow + ", pairMinN " + pairMinN + ", tripleMinN " + tripleMinN + ", maxProposals "
                    + maxProposals);
        }
        for (double level : new double[] {alpha, fdrLevel, oosAlpha, intervalLevel}) {
            if (!(level > 0 && level < 1)) {
                throw new IllegalArgumentException("alpha, fdrLevel, oosAlpha and intervalLevel must be in (0, 1), got "
                        + alpha + ", " + fdrLevel + ", " + oosAlpha + ", " + intervalLevel);
            }
        }
        Objects.requireNonNull(fdrMethod, "fdrMethod");
        if (!(coverage > 0 && coverage <= 1)) {
            throw new IllegalArgumentException("coverage must be in (0, 1], got " + coverage);
        }
        if (!(mediumEffectPts >= 0 && highEffectPts >= mediumEffectPts)) {
            throw new IllegalArgumentException("need 0 <= mediumEffectPts <= highEffectPts, got " + mediumEffectPts
                    + ", " + highEffectPts);
        }
    }

    /** 90 days split 30/60, horizon 5, n >= 5, alpha 0.05, BH at 10%, pairs n >= 10, triples n >= 8. */
    public static RetroConfig defaults() {
        return new RetroConfig(90, 30, 5, 5, 0.05, 0.10, FdrMethod.BENJAMINI_HOCHBERG, 10, 8, 0.05, 0.80, 5, 25, 15,
                0.95);
    }

    /** Severity of an effect in percentage points (absolute value): above high HIGH, above medium MEDIUM. */
    public Severity severity(double effectPts) {
        double e = Math.abs(effectPts);
        return e > highEffectPts ? Severity.HIGH : e > mediumEffectPts ? Severity.MEDIUM : Severity.LOW;
    }
}
