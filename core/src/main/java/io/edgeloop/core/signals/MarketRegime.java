package io.edgeloop.core.signals;

/**
 * The market's regime from bullish breadth B (percent of tickers labelled BULLISH, see
 * {@link MarketBreadth}): B > 70 STRONG_BULL, B > 55 MILD_BULL, B < 30 STRONG_BEAR, B < 45
 * MILD_BEAR, else NEUTRAL; INSUFFICIENT_DATA below the minimum universe (10 tickers).
 */
public enum MarketRegime {
    STRONG_BULL,
    MILD_BULL,
    NEUTRAL,
    MILD_BEAR,
    STRONG_BEAR,
    INSUFFICIENT_DATA
}
