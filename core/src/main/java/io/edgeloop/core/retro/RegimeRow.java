package io.edgeloop.core.retro;

import java.util.Objects;

/**
 * The UP share of significant moves in the recent window against the prior window, for the
 * market, one sector or the moves one pattern matched.
 *
 * @param scope   market, sector or pattern
 * @param key     {@code market}, the sector name or the pattern id
 * @param test    UP moves and moves per window (hits = UP), design effects and p-value
 * @param qValue  p adjusted over the scope's family (sectors, patterns) with
 *                Benjamini-Hochberg; the market's own p; NaN when not tested
 * @param shifted true when {@code qValue <= alpha}
 */
public record RegimeRow(Scope scope, String key, WindowTest test, double qValue, boolean shifted) {

    /** What a row is about. */
    public enum Scope { MARKET, SECTOR, PATTERN }

    public RegimeRow {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(test, "test");
    }

    /** Recent minus prior UP share in percentage points. */
    public double effectPts() {
        return test.difference() * 100;
    }
}
