package io.edgeloop.core.signals;

/** A sector's view: BULLISH (BEARISH) when more than 60% of its tickers are, else MIXED. */
public enum SectorLabel {
    BULLISH,
    BEARISH,
    MIXED
}
