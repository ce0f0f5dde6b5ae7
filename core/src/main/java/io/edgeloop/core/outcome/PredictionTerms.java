package io.edgeloop.core.outcome;

import io.edgeloop.core.rules.Direction;
import java.util.Objects;

/**
 * The terms a prediction is judged on: what was predicted, for which ticker, when, from which
 * price, over how many trading days.
 *
 * @param predictionId deterministic prediction id (ticker + bar time + trigger); also the
 *                     outcome's id, so one prediction has at most one outcome
 * @param ticker       normalised symbol; only this ticker's daily candles are accepted
 * @param time         the prediction's timestamp, epoch milliseconds UTC (the time of the bar
 *                     it was made on); see {@link TradingDates#predictionDate} for how it maps
 *                     to a trading date
 * @param direction    predicted direction
 * @param entryPrice   the prediction's entry price (> 0), normally the close of its bar
 * @param horizonDays  horizon in trading days (daily bars), >= 1; the model's default is
 *                     {@link #DEFAULT_HORIZON_DAYS}
 */
public record PredictionTerms(
        String predictionId,
        String ticker,
        long time,
        Direction direction,
        double entryPrice,
        int horizonDays) {

    /** The original model's horizon: 5 trading days. */
    public static final int DEFAULT_HORIZON_DAYS = 5;

    public PredictionTerms {
        if (predictionId == null || predictionId.isBlank()) {
            throw new IllegalArgumentException("prediction id must not be blank");
        }
        if (ticker == null || ticker.isBlank()) {
            throw new IllegalArgumentException("prediction " + predictionId + ": ticker must not be blank");
        }
        Objects.requireNonNull(direction, "direction");
        if (!(entryPrice > 0) || Double.isInfinite(entryPrice)) {
            throw new IllegalArgumentException(
                    "prediction " + predictionId + ": entry price must be a positive number, was " + entryPrice);
        }
        if (horizonDays < 1) {
            throw new IllegalArgumentException(
                    "prediction " + predictionId + ": horizon must be at least 1 trading day, was " + horizonDays);
        }
    }

    /** Terms with the default horizon of {@value #DEFAULT_HORIZON_DAYS} trading days. */
    public static PredictionTerms withDefaultHorizon(
            String predictionId, String ticker, long time, Direction direction, double entryPrice) {
        return new PredictionTerms(predictionId, ticker, time, direction, entryPrice, DEFAULT_HORIZON_DAYS);
    }
}
