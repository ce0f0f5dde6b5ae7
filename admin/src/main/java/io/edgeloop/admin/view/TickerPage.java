package io.edgeloop.admin.view;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgeloop.schemas.avro.MarketSignal;
import io.edgeloop.schemas.avro.Outcome;
import io.edgeloop.schemas.avro.PatternDefinition;
import io.edgeloop.schemas.avro.PatternMatch;
import io.edgeloop.schemas.avro.Prediction;
import io.edgeloop.schemas.avro.ScoreSnapshot;
import io.edgeloop.schemas.json.AvroJson;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The ticker view: candles of one interval with the ticker's predictions as markers, score
 * lines and stages, the latest snapshot and the patterns it matched, and the ticker's signal.
 *
 * @param ticker      the ticker
 * @param intervals   interval codes the candles topic holds for it
 * @param interval    the interval shown
 * @param candles     bars of that interval, oldest first
 * @param scores      score points, oldest first
 * @param markers     one per prediction, oldest first
 * @param latest      the newest snapshot (from scores, else from the newest prediction), or null
 * @param matched     the patterns the newest snapshot matched, with their library rows
 * @param signal      the ticker's latest signal, or null
 */
public record TickerPage(String ticker, List<String> intervals, String interval, List<TickerSeries.Bar> candles,
                         List<TickerSeries.ScorePoint> scores, List<Marker> markers, ObjectNode latest,
                         List<Matched> matched, ObjectNode signal) {

    /**
     * A prediction on the chart.
     *
     * @param time       open time (epoch s) of the shown bar that contains the prediction's bar
     * @param prediction the prediction
     * @param result     HIT, MISS, EXPIRED or OPEN
     * @param returnPct  the outcome's directional return, or null
     */
    public record Marker(long time, PredictionRow prediction, String result, Double returnPct) {
    }

    /**
     * A matched pattern.
     *
     * @param match   the match as the snapshot recorded it
     * @param pattern the pattern's library row now, or null when the library no longer holds it
     */
    public record Matched(ObjectNode match, PatternRow pattern) {
    }

    /** Assembles the page; {@code interval} null picks the snapshot's interval, else D, else the longest series. */
    public static TickerPage of(ModelState state, TickerSeries series, String interval) {
        List<String> intervals = new ArrayList<>(series.candles().keySet());
        String shown = pick(series, interval, intervals);
        List<TickerSeries.Bar> bars = shown == null ? List.of() : series.candles().get(shown);
        return state.read(s -> {
            ScoreSnapshot latest = series.latest();
            Prediction newest = s.latestPrediction(series.ticker());
            if (latest == null && newest != null) {
                latest = newest.getSnapshot();
            }
            List<Marker> markers = new ArrayList<>();
            for (PredictionRow p : s.predictions().values()) {
                if (p.ticker().equals(series.ticker())) {
                    markers.add(marker(p, s.outcomes().get(p.id()), bars));
                }
            }
            markers.sort(Comparator.comparingLong(Marker::time).thenComparing(m -> m.prediction().barTime()));
            List<Matched> matched = new ArrayList<>();
            if (latest != null) {
                for (PatternMatch m : latest.getMatchedPatterns()) {
                    PatternDefinition p = s.patterns().get(m.getPatternId());
                    matched.add(new Matched(AvroJson.toJson(m), p == null ? null : PatternRow.of(p)));
                }
            }
            MarketSignal signal = s.signals().get("TICKER:" + series.ticker());
            return new TickerPage(series.ticker(), intervals, shown, bars, series.scores(), markers,
                    latest == null ? null : AvroJson.toJson(latest), matched,
                    signal == null ? null : AvroJson.toJson(signal));
        });
    }

    private static String pick(TickerSeries series, String wanted, List<String> intervals) {
        Map<String, List<TickerSeries.Bar>> candles = series.candles();
        if (wanted != null && candles.containsKey(wanted)) {
            return wanted;
        }
        if (series.latest() != null && candles.containsKey(series.latest().getInterval())) {
            return series.latest().getInterval();
        }
        if (candles.containsKey("D")) {
            return "D";
        }
        return intervals.stream().max(Comparator.comparingInt(i -> candles.get(i).size())).orElse(null);
    }

    private static Marker marker(PredictionRow p, Outcome o, List<TickerSeries.Bar> bars) {
        long t = p.barTime().getEpochSecond();
        long time = t;
        int lo = 0;
        int hi = bars.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (bars.get(mid).time() <= t) {
                time = bars.get(mid).time();
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        String result = o == null ? "OPEN" : o.getHit() == null ? "EXPIRED" : o.getHit() ? "HIT" : "MISS";
        return new Marker(time, p, result, o == null ? null : o.getReturnPct());
    }
}
