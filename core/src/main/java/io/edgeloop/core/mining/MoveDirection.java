package io.edgeloop.core.mining;

/**
 * Direction of a significant move: up to a highest high, or down to a lowest low. A move always has
 * one, so unlike a pattern's {@link io.edgeloop.core.rules.Direction} there is no NEUTRAL.
 */
public enum MoveDirection {
    UP,
    DOWN
}
