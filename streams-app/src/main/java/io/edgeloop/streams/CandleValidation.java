package io.edgeloop.streams;

import io.edgeloop.core.candle.Candle;
import io.edgeloop.core.candle.CandleValidator;
import io.edgeloop.kstreams.RejectedRecordException;
import io.edgeloop.schemas.mapping.CandleMapping;

/**
 * The validation step of the ticker model ({@link TickerProcessor}, which runs it first on every
 * record): turns a decoded {@code candles} record into core's {@link Candle}, or
 * refuses it with a {@link RejectedRecordException} that names every problem (the processing
 * exception handler sends it to the dead letter queue). The rules are schemas'
 * {@link CandleMapping}, which retro-app applies too: a candle is refused when its key is missing
 * or is not its ticker, when its interval is not one the model knows, or when
 * {@link CandleValidator} rejects its values.
 */
final class CandleValidation {

    private CandleValidation() {
    }

    /** The domain candle of a record, or a {@link RejectedRecordException} saying why not. */
    static Candle check(String key, io.edgeloop.schemas.avro.Candle value, CandleValidator validator) {
        try {
            return CandleMapping.toDomain(key, value, validator);
        } catch (CandleMapping.InvalidCandleException e) {
            throw new RejectedRecordException(e.getMessage(), e);
        }
    }
}
