package io.edgeloop.core.retro;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The statistics behind a proposal, field for field the changelog's {@code ChangeEvidence}.
 * Optional values are null when they do not apply to the proposal's kind.
 *
 * @param n           observations the evidence rests on
 * @param hitRate     observed hit rate (0..1) in the proposal's direction
 * @param lower       lower end of its Wilson interval
 * @param upper       upper end of its Wilson interval
 * @param pValue      p-value of the deciding test
 * @param qValue      the p-value adjusted for every test of its family (Benjamini-Hochberg or
 *                    -Yekutieli)
 * @param recentRate  two-window tests: rate in the recent window
 * @param priorRate   two-window tests: rate in the prior window
 * @param recentN     two-window tests: observations in the recent window
 * @param priorN      two-window tests: observations in the prior window
 * @param outOfSample walk-forward result in words, discovery only
 * @param details     further named facts (windows, thresholds, methods), in insertion order
 */
public record Evidence(int n, Double hitRate, Double lower, Double upper, Double pValue, Double qValue,
                       Double recentRate, Double priorRate, Integer recentN, Integer priorN, String outOfSample,
                       Map<String, String> details) {

    public Evidence {
        if (n < 0) {
            throw new IllegalArgumentException("evidence n must be >= 0, got " + n);
        }
        details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    /** NaN becomes null, so an undefined statistic is absent rather than a number. */
    static Double orNull(double v) {
        return Double.isNaN(v) ? null : v;
    }
}
