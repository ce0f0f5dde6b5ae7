package io.edgeloop.core.stats;

/**
 * One resolved outcome of a pattern match, as {@link PatternStats} counts it.
 *
 * @param hit       whether the outcome was a hit for the pattern (decided by the resolver, e.g.
 *                  directional close-to-close return &gt;= 2%)
 * @param returnPct close-to-close return in percent in the pattern's expected direction (for a
 *                  DOWN pattern a 3% fall is +3); the raw return for a neutral pattern
 * @param mfePct    maximum favourable excursion in percent, &gt;= 0
 * @param maePct    maximum adverse excursion in percent, as a magnitude &gt;= 0
 */
public record Observation(boolean hit, double returnPct, double mfePct, double maePct) {

    public Observation {
        if (!Double.isFinite(returnPct) || !Double.isFinite(mfePct) || !Double.isFinite(maePct)) {
            throw new IllegalArgumentException("observation needs finite numbers, got return " + returnPct
                    + ", mfe " + mfePct + ", mae " + maePct);
        }
        if (mfePct < 0 || maePct < 0) {
            throw new IllegalArgumentException("MFE and MAE are magnitudes >= 0, got mfe " + mfePct + ", mae " + maePct);
        }
    }
}
