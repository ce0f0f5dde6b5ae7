package io.edgeloop.core.mining;

/**
 * Thresholds of the archetypes, re-expressed on edgeloop's ranges where the original's could
 * never match (MODEL_REFERENCE "Patterns": HTF and LTF in [-50, 50], phase_pct and completion in
 * 0..1, rank 0..100).
 *
 * @param surgeDelta      HTF change above {@code +surgeDelta} is a surge, below its negative a
 *                        collapse (default 15)
 * @param highHtf         mean lead-up HTF at or above this is "high HTF" (default 25; the
 *                        original's 50 sat on the clamp)
 * @param highCompletion  completion at or above this is "high completion" (default 0.7)
 * @param lowRank         rank at or below this is "low rank" (default 30)
 * @param eliteDays       momentum elite on at least this many lead-up days (default 2)
 * @param multipleFlips   at least this many SuperTrend flip days (default 2)
 * @param clusterKinds    at least this many of the five signal kinds (default 3)
 */
public record ArchetypeConfig(double surgeDelta, double highHtf, double highCompletion, double lowRank,
                              int eliteDays, int multipleFlips, int clusterKinds) {

    public ArchetypeConfig {
        if (!(surgeDelta > 0) || !(highCompletion >= 0 && highCompletion <= 1) || !(lowRank >= 0 && lowRank <= 100)
                || eliteDays < 1 || multipleFlips < 1 || clusterKinds < 1 || clusterKinds > 5
                || !(highHtf >= -50 && highHtf <= 50)) {
            throw new IllegalArgumentException("archetype threshold out of range: surgeDelta > 0, highHtf in "
                    + "[-50, 50], highCompletion in [0, 1], lowRank in [0, 100], counts >= 1, clusterKinds <= 5; got "
                    + surgeDelta + ", " + highHtf + ", " + highCompletion + ", " + lowRank + ", " + eliteDays + ", "
                    + multipleFlips + ", " + clusterKinds);
        }
    }

    public static ArchetypeConfig defaults() {
        return new ArchetypeConfig(15, 25, 0.7, 30, 2, 2, 3);
    }
}
