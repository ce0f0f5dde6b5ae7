package io.edgeloop.core.candle;

import java.util.Objects;

/**
 * One OHLCV bar of one instrument, as the model consumes it.
 *
 * @param ticker   normalised symbol (see {@code Symbols})
 * @param interval the bar period
 * @param openTime bar open time, epoch milliseconds UTC (for a daily equity bar: the exchange
 *                 date at 00:00 UTC, see the normalisation rule)
 * @param open     first traded price of the bar
 * @param high     highest price of the bar
 * @param low      lowest price of the bar
 * @param close    last price of the bar
 * @param volume   traded quantity in the bar (shares, coins)
 * @param source   where the bar came from (vendor or file), for lineage; never used in maths
 * @see CandleValidator for the value rules a candle must meet before the model uses it
 */
public record Candle(
        String ticker,
        Timeframe interval,
        long openTime,
        double open,
        double high,
        double low,
        double close,
        double volume,
        String source) implements BarView {

    public Candle {
        Objects.requireNonNull(ticker, "ticker");
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(source, "source");
    }

    /** A copy of this candle with another open time (used when a period label is normalised). */
    public Candle withOpenTime(long newOpenTime) {
        return new Candle(ticker, interval, newOpenTime, open, high, low, close, volume, source);
    }
}
