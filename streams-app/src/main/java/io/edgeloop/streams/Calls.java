package io.edgeloop.streams;

import io.edgeloop.core.candle.Candle;
import io.edgeloop.core.candle.Timeframe;
import io.edgeloop.core.snapshot.Snapshot;
import io.edgeloop.schemas.avro.Direction;
import io.edgeloop.schemas.avro.Prediction;
import io.edgeloop.schemas.avro.PredictionTrigger;
import io.edgeloop.schemas.avro.ScoreSnapshot;
import io.edgeloop.schemas.avro.Stage;
import io.edgeloop.schemas.avro.StateQuadrant;
import io.edgeloop.schemas.avro.Trade;
import io.edgeloop.schemas.avro.TradeEvent;
import io.edgeloop.schemas.avro.TradeKind;
import io.edgeloop.schemas.avro.TradeSide;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The calls a model step makes: predictions and paper trade events.
 *
 * <p>A prediction is logged (MODEL_REFERENCE "Predictions and outcomes")
 * <ul>
 *   <li>when the stage changes into ENTER: UP for a long entry, DOWN for a short one;</li>
 *   <li>when it changes into TRIM or EXIT: the direction the stage implies for the position
 *       (DOWN for a long, UP for a short);</li>
 *   <li>when the HTF side of the state flips between bull and bear: UP into a bull state, DOWN
 *       into a bear state.</li>
 * </ul>
 * Its id is {@code TICKER-INTERVAL-yyyyMMddTHHmmssZ-TRIGGER} from the bar's open time, so a
 * replay gives the same ids (the interval keeps two feeds of one ticker apart). Entry price is
 * the bar's close; confidence comes from {@link ConfidenceRule}.
 *
 * <p>Paper trades follow the position: OPEN on entry (the whole position), TRIM halves it, CLOSE
 * ends what is left, each at the bar's close. Every event carries the id of the STAGE_ENTER
 * prediction that opened the position; the position id is the id of its OPEN event.
 */
final class Calls {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private Calls() {
    }

    /** The {@code Trade} event of each position event, by ordinal (null for NONE, which makes no trade). */
    private static final TradeEvent[] TRADE_EVENTS = EnumMapping.byOrdinal(ModelStep.PositionEvent.class, TradeEvent.class);

    /** First instant {@link #stamp} does not write by hand: year 10000, which takes a sign and a fifth digit. */
    private static final long LAST_PLAIN_YEAR_END = Instant.parse("+10000-01-01T00:00:00Z").toEpochMilli();

    /** The deterministic id of a prediction. */
    static String predictionId(String ticker, Timeframe interval, long barTime, PredictionTrigger trigger) {
        return ticker + "-" + interval.code() + "-" + stamp(barTime) + "-" + trigger.name();
    }

    /** The deterministic id of a trade event. */
    static String tradeId(String ticker, Timeframe interval, long time, TradeEvent event) {
        return ticker + "-" + interval.code() + "-" + stamp(time) + "-" + event.name();
    }

    /**
     * {@code yyyyMMdd'T'HHmmss'Z'} in UTC, as {@link #STAMP} writes it; from 1970 to 9999 written
     * digit by digit (the formatter took as long as the rest of a trade event), else by the formatter.
     */
    static String stamp(long epochMillis) {
        if (epochMillis < 0 || epochMillis >= LAST_PLAIN_YEAR_END) {
            return STAMP.format(Instant.ofEpochMilli(epochMillis));
        }
        LocalDateTime t = LocalDateTime.ofEpochSecond(epochMillis / 1000, 0, ZoneOffset.UTC);
        char[] c = new char[16];
        digits(c, 0, t.getYear(), 4);
        digits(c, 4, t.getMonthValue(), 2);
        digits(c, 6, t.getDayOfMonth(), 2);
        c[8] = 'T';
        digits(c, 9, t.getHour(), 2);
        digits(c, 11, t.getMinute(), 2);
        digits(c, 13, t.getSecond(), 2);
        c[15] = 'Z';
        return new String(c);
    }

    private static void digits(char[] c, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            c[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    /**
     * Every prediction of the step, stage change first; empty when nothing changed. The step's
     * {@link SnapshotMapping#of snapshot}, which every prediction carries, is built only then.
     */
    static List<Prediction> predictions(Candle candle, ModelStep step, PatternLibrary library,
                                        StreamsSettings settings) {
        Snapshot s = step.snapshot();
        Stage from = SnapshotMapping.prevStage(s);
        Stage to = SnapshotMapping.stage(s);
        StateQuadrant before = SnapshotMapping.prevState(s);
        StateQuadrant now = SnapshotMapping.state(s);
        boolean stageCall = from != null && from != to && (to == Stage.ENTER || to == Stage.TRIM || to == Stage.EXIT);
        boolean flip = before != null && now != null && bull(before) != bull(now);
        if (!stageCall && !flip) {
            return List.of();
        }
        ScoreSnapshot snapshot = SnapshotMapping.of(candle, step, library);
        List<Prediction> out = new ArrayList<>(2);
        if (stageCall) {
            boolean longPosition = step.positionDirection() >= 0;
            if (to == Stage.ENTER) {
                out.add(prediction(candle, step, snapshot, library, settings, PredictionTrigger.STAGE_ENTER,
                        from.name(), to.name(), longPosition ? Direction.UP : Direction.DOWN));
            } else {
                out.add(prediction(candle, step, snapshot, library, settings,
                        to == Stage.TRIM ? PredictionTrigger.STAGE_TRIM : PredictionTrigger.STAGE_EXIT,
                        from.name(), to.name(), longPosition ? Direction.DOWN : Direction.UP));
            }
        }
        if (flip) {
            out.add(prediction(candle, step, snapshot, library, settings,
                    bull(now) ? PredictionTrigger.STATE_FLIP_BULL : PredictionTrigger.STATE_FLIP_BEAR,
                    before.name(), now.name(), bull(now) ? Direction.UP : Direction.DOWN));
        }
        return out;
    }

    /** The paper trade event of the step, or null when the position did nothing. */
    static Trade trade(Candle candle, ModelStep step) {
        ModelStep.PositionEvent event = step.positionEvent();
        if (event == ModelStep.PositionEvent.NONE) {
            return null;
        }
        TradeEvent kind = TRADE_EVENTS[event.ordinal()];
        String ticker = candle.ticker();
        Timeframe interval = candle.interval();
        long entry = step.entryTime();
        double fraction = switch (event) {
            case OPEN -> 1.0;
            case TRIM -> 0.5;
            default -> step.positionSize() > 0 && step.positionSize() <= 1 ? step.positionSize() : 1.0;
        };
        double pnl = step.pnlPct();
        return Trade.newBuilder()
                .setId(tradeId(ticker, interval, candle.openTime(), kind))
                .setPositionId(tradeId(ticker, interval, entry, TradeEvent.OPEN))
                .setTicker(ticker)
                .setPredictionId(predictionId(ticker, interval, entry, PredictionTrigger.STAGE_ENTER))
                .setKind(TradeKind.PAPER)
                .setSide(step.positionDirection() < 0 ? TradeSide.SHORT : TradeSide.LONG)
                .setEvent(kind)
                .setTime(Instant.ofEpochMilli(candle.openTime()))
                .setPrice(candle.close())
                .setQuantityFraction(fraction)
                .setPnlPct(event == ModelStep.PositionEvent.OPEN || Double.isNaN(pnl) ? null : pnl)
                .setReason("kanban stage " + switch (event) {
                    case OPEN -> "enter";
                    case TRIM -> "trim";
                    default -> "exit";
                })
                .build();
    }

    private static Prediction prediction(Candle candle, ModelStep step, ScoreSnapshot snapshot, PatternLibrary library,
                                         StreamsSettings settings, PredictionTrigger trigger, String from, String to,
                                         Direction direction) {
        return Prediction.newBuilder()
                .setId(predictionId(candle.ticker(), candle.interval(), candle.openTime(), trigger))
                .setTicker(candle.ticker())
                .setBarTime(Instant.ofEpochMilli(candle.openTime()))
                .setTrigger(trigger)
                .setFromValue(from)
                .setToValue(to)
                .setDirection(direction)
                .setHorizonDays(settings.horizonDays())
                .setEntryPrice(candle.close())
                .setConfidence(settings.confidence().of(direction, library, step))
                .setSnapshot(snapshot)
                .setMatchedPatterns(snapshot.getMatchedPatterns())
                .setLibraryVersion(snapshot.getLibraryVersion())
                .build();
    }

    private static boolean bull(StateQuadrant state) {
        return state == StateQuadrant.HTF_BULL_LTF_BULL || state == StateQuadrant.HTF_BULL_LTF_PULLBACK;
    }
}
