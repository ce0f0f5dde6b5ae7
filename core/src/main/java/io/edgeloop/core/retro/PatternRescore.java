package io.edgeloop.core.retro;

import io.edgeloop.core.rules.Direction;
import io.edgeloop.core.rules.PatternStatus;

import java.util.Objects;

/**
 * A library pattern's hit rate in the prior and the recent window, and the verdict of the
 * two-window test.
 *
 * @param patternId  the pattern
 * @param name       its name
 * @param direction  the direction it predicts; hits are counted in it
 * @param status     its library status
 * @param test       recent vs prior hit rate (hits and n per window, design effects, p-value)
 * @param qValue     the test's p-value adjusted over every tested pattern (Benjamini-Hochberg);
 *                   NaN when the pattern was not tested
 * @param unresolved matches in the windows whose horizon reaches past the as-of date
 * @param verdict    what follows
 */
public record PatternRescore(String patternId, String name, Direction direction, PatternStatus status,
                             WindowTest test, double qValue, int unresolved, Verdict verdict) {

    /** What the two-window test means for the pattern. */
    public enum Verdict {
        /** ACTIVE and significantly worse recently: propose DEGRADE. */
        DEGRADE,
        /** DEGRADED or CANDIDATE and significantly better recently: propose PROMOTE. */
        PROMOTE,
        /** Significantly better, but already ACTIVE: nothing to propose. */
        BETTER,
        /** Significantly worse, but not ACTIVE: nothing to propose. */
        WORSE,
        /** No significant change. */
        NO_SHIFT,
        /** A window has fewer matches than the minimum. */
        INSUFFICIENT_DATA
    }

    public PatternRescore {
        Objects.requireNonNull(patternId, "patternId");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(test, "test");
        Objects.requireNonNull(verdict, "verdict");
    }

    /** Recent minus prior hit rate in percentage points (NaN when a window is empty). */
    public double effectPts() {
        return test.difference() * 100;
    }
}
