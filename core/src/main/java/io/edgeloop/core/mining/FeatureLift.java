package io.edgeloop.core.mining;

/**
 * One lead-up feature's hit rate against the base rate.
 *
 * @param feature     feature id
 * @param description what the feature means
 * @param present     stats of the moves with the feature
 * @param absentN     moves without the feature
 * @param absentUpPct UP share of the moves without it (NaN when none)
 * @param baseUpPct   UP share of all scored moves
 */
public record FeatureLift(String feature, String description, GroupStats present, int absentN, double absentUpPct,
                          double baseUpPct) {

    /** {@code present.upPct - baseUpPct}, in percentage points. */
    public double liftPts() {
        return present.upPct() - baseUpPct;
    }

    /** {@code present.upPct - absentUpPct}, in percentage points (the original's "lift"). */
    public double vsAbsentPts() {
        return present.upPct() - absentUpPct;
    }
}
