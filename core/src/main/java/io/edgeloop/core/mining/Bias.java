package io.edgeloop.core.mining;

import java.util.Optional;

/** The direction an archetype or compound pattern is expected to predict, or none. */
public enum Bias {
    BULLISH(Direction.UP),
    BEARISH(Direction.DOWN),
    NEUTRAL(null);

    private final Direction direction;

    Bias(Direction direction) {
        this.direction = direction;
    }

    /** The predicted move direction; empty for {@link #NEUTRAL}. */
    public Optional<Direction> direction() {
        return Optional.ofNullable(direction);
    }
}
