package io.edgeloop.core.candle;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The late/duplicate rule for candle streams. Given the last bar accepted for a ticker and
 * interval, an incoming bar is:
 * <ul>
 *   <li>{@link Arrival#NEW}: its open time is after the last accepted one. Accept it.</li>
 *   <li>{@link Arrival#DUPLICATE}: same open time and identical OHLCV (a redelivery). Drop it
 *       silently: processing is idempotent.</li>
 *   <li>{@link Arrival#REVISION}: same open time, other values (the vendor corrected or updated
 *       the bar). Incremental indicators cannot take a bar back, so the default policy routes
 *       it to the DLQ with {@link Arrival#reason()}; a consumer that keeps the state before the
 *       last bar may replace it instead.</li>
 *   <li>{@link Arrival#LATE}: its open time is before the last accepted one (arrived after a
 *       newer bar). Never applied (it would rewrite history the model already acted on): DLQ.</li>
 * </ul>
 * The static {@link #classify} is the pure rule for a topology that keeps the last bar in a
 * state store; an instance keeps that state in memory for tools and replays.
 */
public final class BarSequencer {

    /** Classification of an incoming bar. */
    public enum Arrival {
        NEW("new bar"),
        DUPLICATE("duplicate of the accepted bar with the same open time"),
        REVISION("revision of an already accepted bar (same open time, other values)"),
        LATE("late bar: older than the last accepted bar");

        private final String reason;

        Arrival(String reason) {
            this.reason = reason;
        }

        /** Human-readable reason, for DLQ records. */
        public String reason() {
            return reason;
        }

        /** True when the bar should be processed under the default policy. */
        public boolean accepted() {
            return this == NEW;
        }
    }

    private final Map<String, Candle> last = new HashMap<>();

    /**
     * Classifies a bar against the last accepted one.
     *
     * @param lastAccepted the last accepted bar of the same ticker and interval, or null
     */
    public static Arrival classify(BarView lastAccepted, BarView incoming) {
        Objects.requireNonNull(incoming, "incoming");
        if (lastAccepted == null || incoming.openTime() > lastAccepted.openTime()) {
            return Arrival.NEW;
        }
        if (incoming.openTime() < lastAccepted.openTime()) {
            return Arrival.LATE;
        }
        return sameValues(lastAccepted, incoming) ? Arrival.DUPLICATE : Arrival.REVISION;
    }

    /** True when open time and every OHLCV value are exactly equal. */
    public static boolean sameValues(BarView a, BarView b) {
        return a.openTime() == b.openTime()
                && Double.compare(a.open(), b.open()) == 0
                && Double.compare(a.high(), b.high()) == 0
                && Double.compare(a.low(), b.low()) == 0
                && Double.compare(a.close(), b.close()) == 0
                && Double.compare(a.volume(), b.volume()) == 0;
    }

    /**
     * Classifies a candle against the last accepted candle of its ticker and interval and
     * remembers it when it is {@link Arrival#NEW}.
     */
    public Arrival offer(Candle candle) {
        String key = candle.ticker() + '|' + candle.interval().code();
        Arrival arrival = classify(last.get(key), candle);
        if (arrival == Arrival.NEW) {
            last.put(key, candle);
        }
        return arrival;
    }

    /** The last accepted candle of a ticker and interval, or null. */
    public Candle lastAccepted(String ticker, Timeframe interval) {
        return last.get(ticker + '|' + interval.code());
    }
}
