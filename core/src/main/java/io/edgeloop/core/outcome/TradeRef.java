package io.edgeloop.core.outcome;

/**
 * The part of a trade (paper or external) that decides whether a prediction was acted on.
 *
 * @param tradeId      the trade's id
 * @param ticker       normalised symbol
 * @param predictionId the prediction that opened the trade, or {@code null} for a trade that
 *                     is linked to none (an external trade)
 * @param entryTime    the trade's entry time, epoch milliseconds UTC
 */
public record TradeRef(String tradeId, String ticker, String predictionId, long entryTime) {

    public TradeRef {
        if (tradeId == null || tradeId.isBlank()) {
            throw new IllegalArgumentException("trade id must not be blank");
        }
        if (ticker == null || ticker.isBlank()) {
            throw new IllegalArgumentException("trade " + tradeId + ": ticker must not be blank");
        }
    }

    /** True when the trade names a prediction. */
    public boolean linked() {
        return predictionId != null && !predictionId.isBlank();
    }
}
