package io.edgeloop.core.candle;

/**
 * Read-only OHLCV values of one bar. {@link Candle} implements it, and so does the reusable
 * {@link MutableBar} of the {@link Aggregator}, so indicator code can consume both without
 * copying. A view of a mutable bar is valid until the owner's next update.
 */
public interface BarView {

    /** Bar open time, epoch milliseconds UTC (a period label at 00:00 UTC for D, W and M bars). */
    long openTime();

    double open();

    double high();

    double low();

    double close();

    double volume();
}
