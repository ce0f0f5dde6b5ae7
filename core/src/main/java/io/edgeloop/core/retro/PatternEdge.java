package io.edgeloop.core.retro;

import io.edgeloop.core.rules.Direction;
import io.edgeloop.core.rules.PatternStatus;

import java.util.Objects;

/**
 * A library pattern's edge over the whole history: the hit rate of the days it matched against
 * the hit rate of the days it did not (the base rate), and what that means for its status.
 *
 * @param patternId the pattern
 * @param name      its name
 * @param direction the direction it predicts; hits are counted in it
 * @param status    its library status
 * @param test      matched days ({@code recent*} fields) against unmatched days ({@code prior*}
 *                  fields): hits, n, design effect, p-value
 * @param qValue    the p-value adjusted over every tested pattern (Benjamini-Hochberg); NaN when
 *                  the pattern was not tested
 * @param verdict   what follows
 */
public record PatternEdge(String patternId, String name, Direction direction, PatternStatus status, WindowTest test,
                          double qValue, Verdict verdict) {

    /** What the history says of the pattern. */
    public enum Verdict {
        /** Significantly above the base rate and not ACTIVE: propose PROMOTE. */
        PROMOTE,
        /** ACTIVE and significantly below the base rate: propose DEGRADE. */
        DEGRADE,
        /** Significantly above the base rate and ACTIVE: the history confirms it. */
        CONFIRMED,
        /** Significantly below the base rate, but not ACTIVE: nothing to propose. */
        ADVERSE,
        /** No significant difference from the base rate. */
        NO_EDGE,
        /** Fewer matched (or unmatched) observations than the minimum. */
        INSUFFICIENT_DATA
    }

    public PatternEdge {
        Objects.requireNonNull(patternId, "patternId");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(test, "test");
        Objects.requireNonNull(verdict, "verdict");
    }

    /** Hit rate when matched. */
    public double hitRate() {
        return test.recentRate();
    }

    /** Hit rate when not matched. */
    public double baseRate() {
        return test.priorRate();
    }

    /** Hit rate minus base rate in percentage points (NaN when a side is empty). */
    public double liftPts() {
        return test.difference() * 100;
    }
}
