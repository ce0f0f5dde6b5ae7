package io.edgeloop.core.mining;

import java.util.Optional;

/** The direction an archetype or compound pattern is expected to predict, or none. */
public enum Bias {
    BULLISH(MoveDirection.UP),
    BEARISH(MoveDirection.DOWN),
    NEUTRAL(null);

    private final MoveDirection direction;

    Bias(MoveDirection direction) {
        this.direction = direction;
    }

    /** The predicted move direction; empty for {@link #NEUTRAL}. */
    public Optional<MoveDirection> direction() {
        return Optional.ofNullable(direction);
    }
}
