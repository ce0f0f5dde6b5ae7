package io.edgeloop.streams;

/**
 * A candle the topology refuses before it changes any state: it breaks a value rule, its key
 * is not its ticker, or the sequencing rule calls it a revision or a late bar. The processing
 * exception handler sends the raw record to {@code candles.dlq} with this message as the reason.
 */
final class RejectedCandleException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    RejectedCandleException(String reason) {
        super(reason, null, false, false);
    }
}
