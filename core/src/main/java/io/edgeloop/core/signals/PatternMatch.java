package io.edgeloop.core.signals;

import io.edgeloop.core.rules.Direction;

import java.util.Objects;

/**
 * A pattern that matched a ticker's snapshot, as the signal sees it.
 *
 * @param direction  the pattern's own expected direction
 * @param confidence the pattern's confidence in [0, 1] (its posterior hit rate)
 */
public record PatternMatch(Direction direction, double confidence) {

    public PatternMatch {
        Objects.requireNonNull(direction, "direction");
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("pattern confidence must be in [0, 1], was " + confidence);
        }
    }
}
