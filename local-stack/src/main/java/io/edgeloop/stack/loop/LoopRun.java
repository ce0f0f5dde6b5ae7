package io.edgeloop.stack.loop;

/**
 * What a finished run of the loop measured. Timings are wall clock in milliseconds.
 *
 * @param candlesPublished  records the connector had acknowledged by the broker (candles and its dead letters)
 * @param connectorDeadLetters rows the connector refused (to {@code candles.dlq})
 * @param candlesProcessed  candles streams-app took in (every outcome of its sequencing counters)
 * @param retroRuns         weekly retrospectives run (0 when retro is off)
 * @param startupMillis     broker, resolver (with its library seed), Connect and streams-app up, reference data in
 * @param candlesMillis     from adding the candle connector to its last acknowledgement
 * @param streamsMillis     from adding the candle connector until streams-app committed every candle and applied every breadth vote
 * @param resolvedMillis    from adding the candle connector until the resolver and keeper committed every input
 * @param retroMillis       from starting retro-app to its last retrospective and the keeper's answer (0 when off)
 * @param totalMillis       the whole run, start-up included
 */
public record LoopRun(long candlesPublished, long connectorDeadLetters, long candlesProcessed, int retroRuns,
                      long startupMillis, long candlesMillis, long streamsMillis, long resolvedMillis, long retroMillis,
                      long totalMillis) {

    /**
     * End-to-end throughput of the loop: candles processed / seconds from adding the candle
     * connector until the resolver and the keeper had committed everything that followed from them.
     */
    public double candlesPerSecond() {
        return resolvedMillis == 0 ? 0 : candlesProcessed * 1000.0 / resolvedMillis;
    }

    /** Candles processed / the whole run's wall time (start-up and retrospective included). */
    public double candlesPerSecondWall() {
        return totalMillis == 0 ? 0 : candlesProcessed * 1000.0 / totalMillis;
    }
}
