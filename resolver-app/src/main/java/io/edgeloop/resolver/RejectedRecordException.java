package io.edgeloop.resolver;

/**
 * A record that is readable but cannot be used (a candle with impossible prices, a prediction
 * keyed by another ticker than its own, a trade without an id). Thrown before any state changes,
 * so the processing exception handler can skip it safely: candles go to {@code candles.dlq}
 * with this message as the reason, other records are logged and counted.
 */
final class RejectedRecordException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    RejectedRecordException(String reason) {
        super(reason);
    }

    RejectedRecordException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
