package io.edgeloop.connectors;

import io.edgeloop.core.candle.Timeframe;

import java.util.Comparator;
import java.util.Map;
import java.util.Objects;

/**
 * One series of bars: a ticker at one interval. It is the candle source's unit of ordering and
 * its Connect source partition, {@code {"ticker": "SPY", "interval": "D"}}.
 *
 * @param ticker   normalised ticker
 * @param interval bar interval
 */
record SeriesKey(String ticker, Timeframe interval) {

    static final Comparator<SeriesKey> ORDER = Comparator.comparing(SeriesKey::ticker)
            .thenComparing(SeriesKey::interval);

    SeriesKey {
        Objects.requireNonNull(ticker, "ticker");
        Objects.requireNonNull(interval, "interval");
    }

    /** The Connect source partition of the series. */
    Map<String, Object> partition() {
        return Map.of("ticker", ticker, "interval", interval.code());
    }

    @Override
    public String toString() {
        return ticker + " " + interval.code();
    }
}
