package io.edgeloop.core.signals;

/**
 * Breadth at an extreme: a crowded market that tends to mean-revert (MODEL_REFERENCE, "Multi-level
 * signals": risk flag above 80% or below 20%).
 */
public enum RiskFlag {
    /** Breadth within bounds, or too few tickers to judge. */
    NONE,
    /** Bullish breadth above 80%: nearly everything already bullish. */
    OVERBOUGHT,
    /** Bullish breadth below 20%: nearly nothing bullish. */
    OVERSOLD
}
