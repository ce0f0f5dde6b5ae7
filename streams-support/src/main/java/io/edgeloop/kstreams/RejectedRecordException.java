package io.edgeloop.kstreams;

/**
 * A record that decodes but cannot be used: a candle that breaks a value rule, a key that is not
 * the record's ticker, a revision or a late bar, a trade without an id. A processor throws it
 * before it changes any state, so {@link DeadLetterProcessingHandler} can skip the record safely:
 * a candle goes to {@code candles.dlq} with this message as the reason, anything else is logged
 * and counted. A refusal is expected input, not a bug: it carries no stack trace.
 */
public final class RejectedRecordException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** A refusal with its reason, as the dead letter will show it. */
    public RejectedRecordException(String reason) {
        super(reason, null, false, false);
    }

    /** A refusal with its reason and the failure that caused it. */
    public RejectedRecordException(String reason, Throwable cause) {
        super(reason, cause, false, false);
    }
}
