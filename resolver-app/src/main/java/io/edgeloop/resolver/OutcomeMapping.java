package io.edgeloop.resolver;

import io.edgeloop.core.candle.Candle;
import io.edgeloop.core.candle.Timeframe;
import io.edgeloop.core.rules.Direction;
import io.edgeloop.core.outcome.OutcomeStatus;
import io.edgeloop.core.outcome.PredictionTerms;
import io.edgeloop.core.outcome.TradeRef;
import io.edgeloop.schemas.avro.Magnitude;
import io.edgeloop.schemas.avro.Outcome;
import io.edgeloop.schemas.avro.OutcomeAction;
import io.edgeloop.schemas.avro.Prediction;
import io.edgeloop.schemas.avro.Trade;

import java.time.Instant;
import java.util.List;

/**
 * Translation between the topic records (Avro) and core's outcome model. Figures are computed by
 * core ({@link io.edgeloop.core.outcome.PendingOutcome}); this class only copies them, with the
 * Avro contract's null rules: an EXPIRED outcome has no hit and no magnitude, and an outcome that
 * saw no daily bar at all has no exit price and no figures.
 */
final class OutcomeMapping {

    private OutcomeMapping() {
    }

    /** The core candle of a topic candle; fails with a clear reason for an interval code core does not know. */
    static Candle candle(io.edgeloop.schemas.avro.Candle c) {
        Timeframe interval = Timeframe.parse(c.getInterval()).orElseThrow(() -> new IllegalArgumentException(
                "candle of " + c.getTicker() + " at " + c.getOpenTime() + " has an unknown interval '"
                        + c.getInterval() + "'"));
        return new Candle(c.getTicker(), interval, c.getOpenTime().toEpochMilli(), c.getOpen(), c.getHigh(),
                c.getLow(), c.getClose(), c.getVolume(), c.getSource());
    }

    /** The terms a prediction is judged on; a horizon below 1 falls back to {@code defaultHorizonDays}. */
    static PredictionTerms terms(Prediction p, int defaultHorizonDays) {
        int horizon = p.getHorizonDays() >= 1 ? p.getHorizonDays() : defaultHorizonDays;
        return new PredictionTerms(p.getId(), p.getTicker(), p.getBarTime().toEpochMilli(), direction(p.getDirection()),
                p.getEntryPrice(), horizon);
    }

    /** The part of a trade event that links it to a prediction: ids, ticker, time and side. */
    static TradeRef trade(Trade t) {
        return new TradeRef(t.getId(), t.getTicker(), t.getPredictionId(), t.getTime().toEpochMilli(),
                TradeRef.Side.valueOf(t.getSide().name()));
    }

    static Direction direction(io.edgeloop.schemas.avro.Direction d) {
        return Direction.valueOf(d.name());
    }

    /**
     * The Avro outcome of a prediction.
     *
     * @param o          core's outcome
     * @param prediction the prediction it resolves (matched patterns and library version come from it)
     * @param tradeId    the id of the trade that acted on it, or null
     */
    static Outcome toAvro(io.edgeloop.core.outcome.Outcome o, Prediction prediction, String tradeId) {
        boolean resolved = o.status() == OutcomeStatus.RESOLVED;
        boolean sawBars = o.barsObserved() > 0;
        OutcomeAction action = OutcomeAction.valueOf(o.action().name());
        return Outcome.newBuilder()
                .setPredictionId(o.predictionId())
                .setTicker(o.ticker())
                .setDirection(prediction.getDirection())
                .setHorizonDays(o.horizonDays())
                .setPredictionTime(Instant.ofEpochMilli(o.predictionTime()))
                .setResolvedTime(Instant.ofEpochMilli(o.resolvedAt()))
                .setStatus(io.edgeloop.schemas.avro.OutcomeStatus.valueOf(o.status().name()))
                .setReason(resolved ? null : o.expiryReason())
                .setEntryPrice(o.entryPrice())
                .setExitPrice(sawBars ? o.exitPrice() : null)
                .setReturnPct(sawBars ? o.returnPct() : null)
                .setMfePct(sawBars ? o.mfePct() : null)
                .setMaePct(sawBars ? o.maePct() : null)
                .setTimeToPeakDays(sawBars ? o.timeToPeakDays() : null)
                .setHit(resolved ? o.hit() : null)
                .setMagnitude(resolved ? Magnitude.valueOf(o.magnitude().name()) : null)
                .setAction(action)
                .setTradeId(action == OutcomeAction.TRADED ? tradeId : null)
                .setMatchedPatterns(List.copyOf(prediction.getMatchedPatterns()))
                .setLibraryVersion(prediction.getLibraryVersion())
                .build();
    }
}
