package io.edgeloop.admin.view;

import io.edgeloop.schemas.avro.ScoreSnapshot;

import java.util.List;
import java.util.Map;

/**
 * One ticker's recent history from the {@code candles} and {@code scores} topics.
 *
 * @param ticker   the ticker
 * @param candles  candles per interval code (D, 1h, ...), oldest first, the latest bar of each
 *                 open time winning
 * @param scores   score points, oldest first
 * @param latest   the newest full snapshot, or null when the scores topic holds none
 */
public record TickerSeries(String ticker, Map<String, List<Bar>> candles, List<ScorePoint> scores, ScoreSnapshot latest) {

    public TickerSeries {
        candles = Map.copyOf(candles);
        scores = List.copyOf(scores);
    }

    /**
     * One OHLCV bar for the chart.
     *
     * @param time   open time, epoch seconds UTC (the chart library's time unit)
     * @param open   open
     * @param high   high
     * @param low    low
     * @param close  close
     * @param volume volume
     */
    public record Bar(long time, double open, double high, double low, double close, double volume) {
    }

    /**
     * The scores, state and stage at one base bar.
     *
     * @param time  bar time, epoch seconds UTC
     * @param htf   HTF score, or null during warm-up
     * @param ltf   LTF score, or null during warm-up
     * @param state state quadrant, or null
     * @param stage kanban stage
     */
    public record ScorePoint(long time, Double htf, Double ltf, String state, String stage) {
    }
}
