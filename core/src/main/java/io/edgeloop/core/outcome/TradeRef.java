package io.edgeloop.core.outcome;

import io.edgeloop.core.rules.Direction;

/**
 * The part of a trade (paper or external) that decides whether a prediction was acted on.
 *
 * @param tradeId      the trade's id
 * @param ticker       normalised symbol
 * @param predictionId the prediction that opened the trade, or {@code null} for a trade that
 *                     is linked to none (an external trade)
 * @param entryTime    the trade's entry time, epoch milliseconds UTC
 * @param side         the side of the trade's position; required for an unlinked trade, which
 *                     acts only on a prediction of its direction ({@link Side#direction()}); may
 *                     be {@code null} for a linked trade, which acts on the prediction it names
 *                     whatever its side
 */
public record TradeRef(String tradeId, String ticker, String predictionId, long entryTime, Side side) {

    /** The side of a position. */
    public enum Side {
        LONG,
        SHORT;

        /** The direction a position of this side bets on: UP for LONG, DOWN for SHORT. */
        public Direction direction() {
            return this == LONG ? Direction.UP : Direction.DOWN;
        }
    }

    public TradeRef {
        if (tradeId == null || tradeId.isBlank()) {
            throw new IllegalArgumentException("trade id must not be blank");
        }
        if (ticker == null || ticker.isBlank()) {
            throw new IllegalArgumentException("trade " + tradeId + ": ticker must not be blank");
        }
        if (side == null && !(predictionId != null && !predictionId.isBlank())) {
            throw new IllegalArgumentException("trade " + tradeId + ": a trade linked to no prediction needs its side");
        }
    }

    /** A trade that names its prediction; its side does not matter. */
    public static TradeRef linked(String tradeId, String ticker, String predictionId, long entryTime) {
        return new TradeRef(tradeId, ticker, predictionId, entryTime, null);
    }

    /** True when the trade names a prediction. */
    public boolean linked() {
        return predictionId != null && !predictionId.isBlank();
    }
}
