package io.edgeloop.core.signals;

/** A ticker's net signal: net > 0.1 BULLISH, net < -0.1 BEARISH, else NEUTRAL (by default). */
public enum SignalLabel {
    BULLISH,
    BEARISH,
    NEUTRAL
}
