package io.edgeloop.core.mining;

import java.util.Objects;

/** A move with the lead-up features its trail showed. */
public record MoveFeatures(Move move, LeadUpFeatures features) {

    public MoveFeatures {
        Objects.requireNonNull(move, "move");
        Objects.requireNonNull(features, "features");
    }
}
