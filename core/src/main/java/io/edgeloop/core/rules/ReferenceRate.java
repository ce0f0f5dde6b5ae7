package io.edgeloop.core.rules;

/**
 * A hit rate the original model reported for a pattern, kept as documentation and prior
 * information only: it is never counted as outcomes of this system.
 *
 * @param hitRate the reported hit rate in [0, 1]
 * @param n       the number of outcomes it was measured on
 */
public record ReferenceRate(double hitRate, int n) {

    public ReferenceRate {
        if (!(hitRate >= 0 && hitRate <= 1)) {
            throw new IllegalArgumentException("reference hit rate must be in [0, 1], got " + hitRate);
        }
        if (n < 1) {
            throw new IllegalArgumentException("reference n must be >= 1, got " + n);
        }
    }
}
