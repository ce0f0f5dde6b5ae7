package io.edgeloop.core.candle;

/** The file layouts {@link CandleFiles} reads, as the shipped data README describes them. */
public enum CandleFormat {
    /** {@code {"ticker","candles":[{"ts","o","h","l","c","v"}]}}, ts = epoch ms (universe-daily). */
    TICKER_JSON,
    /** {@code {"ticker","tf","session_clip","candles_source","candles":[...]}}, ts = bar open, epoch ms (history). */
    HISTORY_JSON,
    /**
     * {@code {"candles":[{"start","low","high","open","close","volume"}]}}, every value a string,
     * start = epoch seconds; ticker and interval only in the file name (etf-daily, crypto).
     */
    STRING_JSON,
    /** {@code {"name","ohlc":[{"endTime","openPrice",...}]}}, endTime = bar END, epoch ms (Coinbase). */
    OHLC_END_TIME_JSON,
    /** {@code ts,open,high,low,close,volume} with a header; ts epoch ms or ISO-8601. */
    CSV
}
