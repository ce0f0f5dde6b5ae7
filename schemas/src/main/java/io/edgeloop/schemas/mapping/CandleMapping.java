package io.edgeloop.schemas.mapping;

import io.edgeloop.core.candle.Candle;
import io.edgeloop.core.candle.CandleValidator;
import io.edgeloop.core.candle.Timeframe;
import io.edgeloop.core.candle.Validation;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A {@code candles} record into core's {@link Candle}, with the checks every reader of the topic
 * applies, so that streams-app (which dead-letters a refused record) and retro-app (which skips
 * it) take exactly the same candles. A record is refused when its value is missing, when its key
 * is missing or is not its ticker, when its interval is not one the model knows, or when
 * {@link CandleValidator} rejects its values (prices finite and positive, low and high around
 * open and close, volume not negative, open time in [1970-01-02, now + 2 days]).
 */
public final class CandleMapping {

    /** Every interval by its code, the form candles carry. */
    private static final Map<String, Optional<Timeframe>> CODES = Arrays.stream(Timeframe.values())
            .collect(Collectors.toUnmodifiableMap(Timeframe::code, Optional::of));

    private CandleMapping() {
    }

    /**
     * {@link Timeframe#parse} of a candle's interval, with a candle's usual form (the code
     * itself) looked up first instead of going through every constant (twice per candle).
     */
    public static Optional<Timeframe> interval(String text) {
        Optional<Timeframe> known = text == null ? null : CODES.get(text);
        return known != null ? known : Timeframe.parse(text);
    }

    /**
     * The domain candle of a record keyed {@code key}, or an {@link InvalidCandleException} that
     * names every problem.
     */
    public static Candle toDomain(String key, io.edgeloop.schemas.avro.Candle value, CandleValidator validator) {
        if (value == null) {
            throw new InvalidCandleException("candle record without a value (key " + key + ")");
        }
        if (key == null || !key.equals(value.getTicker())) {
            throw new InvalidCandleException("record key " + key + " is not the candle's ticker " + value.getTicker());
        }
        Optional<Timeframe> interval = interval(value.getInterval());
        if (interval.isEmpty()) {
            throw new InvalidCandleException(value.getTicker() + ": unknown interval '" + value.getInterval()
                    + "' (known: 5m, 10m, 15m, 30m, 1h, 4h, D, W, M)");
        }
        long openTime = value.getOpenTime().toEpochMilli();
        Validation validation = validator.validate(openTime, value.getOpen(), value.getHigh(), value.getLow(),
                value.getClose(), value.getVolume());
        if (validation instanceof Validation.Rejection rejection) {
            throw new InvalidCandleException(value.getTicker() + " " + interval.get().code() + " bar at "
                    + value.getOpenTime() + ": " + rejection.reason());
        }
        return new Candle(value.getTicker(), interval.get(), openTime, value.getOpen(), value.getHigh(),
                value.getLow(), value.getClose(), value.getVolume(), value.getSource() == null ? "unknown" : value.getSource());
    }

    /**
     * A {@code candles} record that decodes but is not a candle the model may use. Expected input,
     * not a bug: it carries no stack trace.
     */
    public static final class InvalidCandleException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        /** A refusal with its reason. */
        public InvalidCandleException(String reason) {
            super(reason, null, false, false);
        }
    }
}
