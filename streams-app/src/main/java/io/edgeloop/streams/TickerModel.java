package io.edgeloop.streams;

import io.edgeloop.core.candle.Candle;

/**
 * The per-ticker model as the topology drives it: core's engine behind the smallest surface the
 * processor needs, so the Kafka shell stays a few lines around it. One instance serves every
 * ticker of a task with the same base interval and calendar: the processor restores a ticker's
 * state before each candle and stores it after. Not thread-safe.
 */
interface TickerModel {

    /** Starts from nothing: the state of a ticker before its first candle. */
    void reset();

    /** Replaces the state with one {@link #state()} wrote; throws {@link IllegalStateException} when it cannot. */
    void restore(byte[] state);

    /** The whole state as bytes; restoring it gives a model that continues exactly like this one. */
    byte[] state();

    /** The library to match the following candles against. */
    void library(PatternLibrary library);

    /**
     * Adds one base candle (newer than every candle before it, checked by the caller) and runs
     * the model on it.
     *
     * @return the step, valid until the next call
     */
    ModelStep update(Candle candle);
}
