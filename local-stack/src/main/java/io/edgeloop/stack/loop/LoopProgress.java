package io.edgeloop.stack.loop;

/**
 * A reading of the loop while it runs.
 *
 * @param stage      what the loop is doing now, e.g. "loading candles"
 * @param found      records the connector has found so far (handed to Connect or still to hand over)
 * @param published  records the connector has had acknowledged by the broker
 * @param processed  candles streams-app has taken in (accepted, duplicate, late, ... as its counters say)
 * @param predictions committed predictions
 * @param outcomes   committed outcomes
 * @param elapsedMillis wall time since the run started
 */
public record LoopProgress(String stage, long found, long published, long processed, long predictions, long outcomes,
                           long elapsedMillis) {
}
