package io.edgeloop.resolver;

import io.edgeloop.schemas.avro.Candle;
import io.edgeloop.schemas.avro.Confidence;
import io.edgeloop.schemas.avro.ConfidenceLevel;
import io.edgeloop.schemas.avro.Direction;
import io.edgeloop.schemas.avro.PatternMatch;
import io.edgeloop.schemas.avro.PatternStatus;
import io.edgeloop.schemas.avro.Prediction;
import io.edgeloop.schemas.avro.PredictionTrigger;
import io.edgeloop.schemas.avro.ScoreSnapshot;
import io.edgeloop.schemas.avro.Stage;
import io.edgeloop.schemas.avro.TimeframeProfile;
import io.edgeloop.schemas.avro.Trade;
import io.edgeloop.schemas.avro.TradeEvent;
import io.edgeloop.schemas.avro.TradeKind;
import io.edgeloop.schemas.avro.TradeSide;

import java.time.Instant;
import java.util.List;

/** Small records built in the tests, around real bars. */
final class TestRecords {

    private TestRecords() {
    }

    static Candle candle(io.edgeloop.core.candle.Candle c) {
        return Candle.newBuilder().setTicker(c.ticker()).setInterval(c.interval().code())
                .setOpenTime(Instant.ofEpochMilli(c.openTime())).setOpen(c.open()).setHigh(c.high()).setLow(c.low())
                .setClose(c.close()).setVolume(c.volume()).setSource(c.source()).build();
    }

    /** A prediction made on the close of a daily bar, with the default horizon of 5 trading days. */
    static Prediction prediction(io.edgeloop.core.candle.Candle bar, Direction direction, PatternMatch... matches) {
        return prediction(bar.ticker(), Instant.ofEpochMilli(bar.openTime()), direction, bar.close(), 5, matches);
    }

    static Prediction prediction(String ticker, Instant barTime, Direction direction, double entry, int horizon,
                                 PatternMatch... matches) {
        PredictionTrigger trigger = direction == Direction.DOWN ? PredictionTrigger.STAGE_EXIT
                : PredictionTrigger.STAGE_ENTER;
        ScoreSnapshot snapshot = ScoreSnapshot.newBuilder().setTicker(ticker).setBarTime(barTime).setInterval("D")
                .setProfile(new TimeframeProfile(List.of("D"), List.of("W", "M"))).setStage(Stage.ENTER)
                .setMomentumElite(false).setSignalCount(0).setClose(entry).setTimeframes(List.of())
                .setMatchedPatterns(List.of(matches)).setLibraryVersion(1).build();
        return Prediction.newBuilder().setId(ticker + ":" + barTime.toEpochMilli() + ":" + trigger)
                .setTicker(ticker).setBarTime(barTime).setTrigger(trigger).setFromValue("SETUP")
                .setToValue(trigger == PredictionTrigger.STAGE_EXIT ? "EXIT" : "ENTER").setDirection(direction)
                .setHorizonDays(horizon).setEntryPrice(entry)
                .setConfidence(Confidence.newBuilder().setLevel(ConfidenceLevel.MEDIUM).setPosteriorMean(0.5)
                        .setLower(0.1).setUpper(0.9).setN(0).setPatternId(null).build())
                .setSnapshot(snapshot).setMatchedPatterns(List.of(matches)).setLibraryVersion(1).build();
    }

    static PatternMatch match(String patternId, int version, Direction direction) {
        return PatternMatch.newBuilder().setPatternId(patternId).setVersion(version).setDirection(direction)
                .setStatus(PatternStatus.ACTIVE).setConfidence(null).build();
    }

    static Trade trade(String id, String ticker, String predictionId, Instant time, TradeEvent event) {
        return trade(id, ticker, predictionId, time, event, TradeSide.LONG);
    }

    static Trade trade(String id, String ticker, String predictionId, Instant time, TradeEvent event, TradeSide side) {
        return Trade.newBuilder().setId(id).setPositionId(id).setTicker(ticker).setPredictionId(predictionId)
                .setKind(TradeKind.PAPER).setSide(side).setEvent(event).setTime(time).setPrice(100)
                .setQuantityFraction(1.0).build();
    }
}
