package io.edgeloop.streams;

import io.edgeloop.kstreams.RejectedRecordException;
import io.edgeloop.core.candle.Candle;
import io.edgeloop.core.candle.CandleValidator;
import io.edgeloop.core.candle.Timeframe;
import io.edgeloop.core.candle.Validation;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The validation step of the ticker model ({@link TickerProcessor}, which runs it first on every
 * record): turns a decoded {@code candles} record into core's {@link Candle}, or
 * refuses it with a {@link RejectedRecordException} that names every problem (the processing
 * exception handler sends it to the dead letter queue). A candle is refused when its key is
 * missing or is not its ticker, when its interval is not one the model knows, or when
 * {@link CandleValidator} rejects its values.
 */
final class CandleValidation {

    /** Every interval by its code, the form candles carry. */
    private static final Map<String, Optional<Timeframe>> CODES = Arrays.stream(Timeframe.values())
            .collect(Collectors.toUnmodifiableMap(Timeframe::code, Optional::of));

    private CandleValidation() {
    }

    /**
     * {@link Timeframe#parse} of a candle's interval, with a candle's usual form (the code
     * itself) looked up first instead of going through every constant (twice per candle).
     */
    static Optional<Timeframe> interval(String text) {
        Optional<Timeframe> known = text == null ? null : CODES.get(text);
        return known != null ? known : Timeframe.parse(text);
    }

    /** The domain candle of a record, or a {@link RejectedRecordException} saying why not. */
    static Candle check(String key, io.edgeloop.schemas.avro.Candle value, CandleValidator validator) {
        if (value == null) {
            throw new RejectedRecordException("candle record without a value (key " + key + ")");
        }
        if (key == null || !key.equals(value.getTicker())) {
            throw new RejectedRecordException("record key " + key + " is not the candle's ticker " + value.getTicker());
        }
        Optional<Timeframe> interval = interval(value.getInterval());
        if (interval.isEmpty()) {
            throw new RejectedRecordException(value.getTicker() + ": unknown interval '" + value.getInterval()
                    + "' (known: 5m, 10m, 15m, 30m, 1h, 4h, D, W, M)");
        }
        long openTime = value.getOpenTime().toEpochMilli();
        Validation validation = validator.validate(openTime, value.getOpen(), value.getHigh(), value.getLow(),
                value.getClose(), value.getVolume());
        if (validation instanceof Validation.Rejection rejection) {
            throw new RejectedRecordException(value.getTicker() + " " + interval.get().code() + " bar at "
                    + value.getOpenTime() + ": " + rejection.reason());
        }
        return new Candle(value.getTicker(), interval.get(), openTime, value.getOpen(), value.getHigh(),
                value.getLow(), value.getClose(), value.getVolume(), value.getSource() == null ? "unknown" : value.getSource());
    }
}
