package io.edgeloop.core.mining;

/**
 * Settings of archetype scoring.
 *
 * @param compoundMinN       a pair of archetypes is reported when at least this many moves match
 *                           both (default 5, as the original)
 * @param compoundMinBiasPct ... and the larger of its UP and DOWN shares is at least this, in
 *                           percent (default 55, as the original)
 * @param confidence         two-sided confidence of the Wilson intervals (default 0.95)
 */
public record ScoringConfig(int compoundMinN, double compoundMinBiasPct, double confidence) {

    public ScoringConfig {
        if (compoundMinN < 1) {
            throw new IllegalArgumentException("compoundMinN must be >= 1, got " + compoundMinN);
        }
        if (!(compoundMinBiasPct >= 50 && compoundMinBiasPct <= 100)) {
            throw new IllegalArgumentException("compoundMinBiasPct must be in [50, 100], got " + compoundMinBiasPct);
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be in (0, 1), got " + confidence);
        }
    }

    public static ScoringConfig defaults() {
        return new ScoringConfig(5, 55, 0.95);
    }
}
