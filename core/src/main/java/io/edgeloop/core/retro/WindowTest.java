package io.edgeloop.core.retro;

import io.edgeloop.core.stats.RegimeTestResult;

import java.util.Objects;

/**
 * A recent-versus-prior comparison of one rate (a pattern's hit rate, an UP share of moves):
 * the raw counts, each window's design effect, and the test made on the effective counts.
 *
 * @param recentHits hits in the recent window
 * @param recentN    observations in the recent window
 * @param priorHits  hits in the prior window
 * @param priorN     observations in the prior window
 * @param designEffect the pooled Rao-Scott design effect of both windows' weekly clusters
 *                   (>= 1; {@link ClusteredCounts#designEffect})
 * @param effective  {@code RegimeTest} on the effective counts ({@code hits / d} of
 *                   {@code n / d}); its decision is INSUFFICIENT_DATA when a window has
 *                   fewer raw observations than the minimum
 */
public record WindowTest(long recentHits, long recentN, long priorHits, long priorN, double designEffect,
                         RegimeTestResult effective) {

    public WindowTest {
        Objects.requireNonNull(effective, "effective");
    }

    public double recentRate() {
        return recentN == 0 ? Double.NaN : (double) recentHits / recentN;
    }

    public double priorRate() {
        return priorN == 0 ? Double.NaN : (double) priorHits / priorN;
    }

    /** Recent minus prior rate (raw counts). */
    public double difference() {
        return recentRate() - priorRate();
    }

    /** Two-sided p-value on the effective counts; NaN when not tested. */
    public double pValue() {
        return effective.pValue();
    }

    /** True when a window has fewer raw observations than the minimum. */
    public boolean insufficient() {
        return effective.decision() == RegimeTestResult.Decision.INSUFFICIENT_DATA;
    }
}
