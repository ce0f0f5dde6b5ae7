package io.edgeloop.core.mining;

/** Direction of a significant move: up to a highest high, or down to a lowest low. */
public enum Direction {
    UP,
    DOWN
}
