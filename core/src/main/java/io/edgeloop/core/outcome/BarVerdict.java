package io.edgeloop.core.outcome;

/** What a {@link PendingOutcome} did with a daily candle. */
public enum BarVerdict {
    /** The bar is the next bar of the horizon and was counted. */
    ACCEPTED,
    /** The bar's trading date is not after the prediction's (see {@link TradingDates}): ignored, no look-ahead. */
    NOT_AFTER_PREDICTION,
    /** A bar of this or an earlier trading date was already counted (duplicate or late bar): ignored, first wins. */
    DUPLICATE_OR_LATE,
    /** All horizon bars are in: ignored. */
    AFTER_HORIZON
}
