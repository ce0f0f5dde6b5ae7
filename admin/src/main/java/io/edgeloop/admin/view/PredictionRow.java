package io.edgeloop.admin.view;

import io.edgeloop.schemas.avro.PatternMatch;
import io.edgeloop.schemas.avro.Prediction;
import io.edgeloop.schemas.avro.ScoreSnapshot;

import java.time.Instant;
import java.util.List;

/**
 * What the dashboard keeps of a prediction: everything but the full snapshot (of which it keeps
 * the scores, state and stage), so a long prediction log stays small in memory.
 *
 * @param id              deterministic prediction id
 * @param ticker          ticker
 * @param barTime         time of the bar that triggered it
 * @param trigger         trigger symbol (STAGE_ENTER, STATE_FLIP_BULL, ...)
 * @param fromValue       stage or state before
 * @param toValue         stage or state after
 * @param direction       UP, DOWN or NEUTRAL
 * @param horizonDays     horizon in trading days
 * @param entryPrice      entry price
 * @param confidenceLevel HIGH, MEDIUM or LOW
 * @param posteriorMean   confidence posterior mean
 * @param lower           lower bound of the confidence interval
 * @param upper           upper bound
 * @param confidenceN     outcomes behind the confidence
 * @param confidenceFrom  pattern the confidence came from, or null
 * @param matched         matched patterns as {@code id@version}
 * @param libraryVersion  library version the prediction was made with
 * @param htfScore        HTF score at the bar, or null
 * @param ltfScore        LTF score at the bar, or null
 * @param state           state quadrant at the bar, or null
 * @param stage           kanban stage at the bar
 */
public record PredictionRow(String id, String ticker, Instant barTime, String trigger, String fromValue,
                            String toValue, String direction, int horizonDays, double entryPrice,
                            String confidenceLevel, double posteriorMean, double lower, double upper,
                            int confidenceN, String confidenceFrom, List<String> matched, long libraryVersion,
                            Double htfScore, Double ltfScore, String state, String stage) {

    public PredictionRow {
        matched = List.copyOf(matched);
    }

    /** The row of a prediction record. */
    public static PredictionRow of(Prediction p) {
        ScoreSnapshot s = p.getSnapshot();
        List<String> matched = p.getMatchedPatterns().stream().map(PredictionRow::label).toList();
        return new PredictionRow(p.getId(), p.getTicker(), p.getBarTime(), p.getTrigger().name(), p.getFromValue(),
                p.getToValue(), p.getDirection().name(), p.getHorizonDays(), p.getEntryPrice(),
                p.getConfidence().getLevel().name(), p.getConfidence().getPosteriorMean(),
                p.getConfidence().getLower(), p.getConfidence().getUpper(), p.getConfidence().getN(),
                p.getConfidence().getPatternId(), matched, p.getLibraryVersion(),
                s == null ? null : s.getHtfScore(), s == null ? null : s.getLtfScore(),
                s == null || s.getState() == null ? null : s.getState().name(),
                s == null ? null : s.getStage().name());
    }

    private static String label(PatternMatch m) {
        return m.getPatternId() + "@" + m.getVersion();
    }
}
