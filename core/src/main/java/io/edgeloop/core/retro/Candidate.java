package io.edgeloop.core.retro;

import io.edgeloop.core.rules.Direction;
import io.edgeloop.core.rules.Rule;
import io.edgeloop.core.stats.Interval;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A feature combination that survived the false-discovery control, and how it fared at the
 * later gates. Rates are shares (0..1) in the candidate's own direction: the UP share for an UP
 * candidate, the DOWN share for a DOWN one.
 *
 * @param features     feature ids, in feature order
 * @param direction    UP when its fit-window UP share is above the fit base rate, else DOWN
 * @param fitN         fit-window moves with every feature
 * @param fitHits      of those, moves in {@code direction}
 * @param fitRate      {@code fitHits / fitN}
 * @param interval     Wilson interval of {@code fitRate}
 * @param fitBase      share of all fit-window moves in {@code direction}
 * @param pValue       two-sided exact binomial p-value of {@code fitHits} against {@code fitBase}
 * @param qValue       the p-value adjusted over every combination
 * @param incrementP   the largest one-sided p-value of "this feature adds to the others" over
 *                     the combination's features, fit window ({@code CandidateGates}), adjusted
 *                     over every survivor's such test with the discovery's FDR method: the value
 *                     the gate compares with alpha
 * @param testN        test-window moves with every feature
 * @param testHits     of those, moves in {@code direction}
 * @param testBase     share of all test-window moves in {@code direction}
 * @param oosP         one-sided exact binomial p-value of {@code testHits} above {@code testBase}
 *                     (NaN with fewer than the minimum n)
 * @param holdsOutOfSample true when {@code oosP} is below the out-of-sample level
 * @param coverage     largest share of the candidate's lookback moves that one existing pattern of
 *                     the same direction (or a neutral one) also matches (0 when none matches any)
 * @param coveredBy    that pattern's id, null when none
 * @param rule         the rule form (all features' conditions), when every feature has one and
 *                     the conjunction is valid
 * @param noRule       why there is no rule, null when there is one
 * @param status       where the candidate stopped
 */
public record Candidate(List<String> features, Direction direction, int fitN, int fitHits, double fitRate,
                        Interval interval, double fitBase, double pValue, double qValue, double incrementP, int testN,
                        int testHits, double testBase, double oosP, boolean holdsOutOfSample, double coverage,
                        String coveredBy, Optional<Rule> rule, String noRule, Status status) {

    /** The gates in order; a candidate stops at the first it fails. */
    public enum Status {
        /**
         * Some feature does not add to the others: among their moves it does not shift the share
         * (p-value adjusted over the survivors) at alpha.
         */
        REDUNDANT,
        /** Fewer than the minimum test-window moves, or not better than the test base rate at the level. */
        FAILED_OUT_OF_SAMPLE,
        /** At least the coverage share of its moves also match one existing pattern. */
        COVERED,
        /** A feature has no snapshot-field form, or the conjunction is not a valid rule. */
        NO_RULE_FORM,
        /** Its moves are covered by a better candidate proposed in the same run. */
        DUPLICATE,
        /** Passed every gate but ranked below the proposal limit. */
        NOT_IN_TOP,
        /** Proposed as a new pattern. */
        PROPOSED
    }

    public Candidate {
        features = List.copyOf(features);
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(status, "status");
    }

    /** Test-window share in {@code direction}, NaN when there were no test moves. */
    public double testRate() {
        return testN == 0 ? Double.NaN : (double) testHits / testN;
    }

    /** {@code (fitRate - fitBase) x 100}: the edge over the base rate in percentage points. */
    public double liftPts() {
        return (fitRate - fitBase) * 100;
    }

    /** {@code htf_rising + start_bull_bull}. */
    public String name() {
        return String.join(" + ", features);
    }

    /** The walk-forward result in words, for the evidence. */
    public String outOfSampleText() {
        String rates = String.format(java.util.Locale.ROOT, "test window %d/%d %s (%.1f%%) vs base %.1f%%", testHits,
                testN, direction, 100 * testRate(), 100 * testBase);
        return Double.isNaN(oosP) ? rates + ": too few moves to test"
                : String.format(java.util.Locale.ROOT, "%s, one-sided binomial p = %.4f: %s", rates, oosP,
                holdsOutOfSample() ? "holds" : "does not hold");
    }
}
