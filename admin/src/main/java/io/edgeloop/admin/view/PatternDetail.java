package io.edgeloop.admin.view;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgeloop.schemas.avro.Direction;
import io.edgeloop.schemas.avro.ModelChange;
import io.edgeloop.schemas.avro.Outcome;
import io.edgeloop.schemas.avro.OutcomeStatus;
import io.edgeloop.schemas.avro.PatternDefinition;
import io.edgeloop.schemas.avro.PatternMatch;
import io.edgeloop.schemas.json.AvroJson;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A pattern's page: its row, description, readable rule, every revision the admin has seen,
 * its hit rate over time and the changelog entries about it.
 *
 * @param row         the library table row
 * @param description what it looks for
 * @param rule        the rule, readable
 * @param revisions   revisions seen on pattern-library, oldest first
 * @param hitRateOverTime cumulative hit rate after each resolved outcome it matched, oldest first
 * @param changes     changelog entries about the pattern, newest first (as plain JSON)
 */
public record PatternDetail(PatternRow row, String description, ReadableRule rule, List<PatternRow> revisions,
                            List<Point> hitRateOverTime, List<ObjectNode> changes) {

    /**
     * The cumulative hit rate after one more outcome.
     *
     * @param time   the outcome's resolution time
     * @param rate   hits / n so far with its 95% Wilson interval
     */
    public record Point(Instant time, Rate rate) {
    }

    /**
     * The page of a pattern, or empty when the library does not hold it.
     *
     * @param hitThresholdPct the resolver's hit threshold in percent, used to judge an outcome in
     *                        the pattern's own direction when the prediction called the other one
     */
    public static Optional<PatternDetail> of(ModelState state, String id, double hitThresholdPct) {
        return state.read(s -> {
            PatternDefinition p = s.patterns().get(id);
            if (p == null) {
                return Optional.empty();
            }
            List<PatternRow> revisions = s.revisions(id).stream().map(PatternRow::of).toList();
            List<ObjectNode> changes = s.changes().values().stream()
                    .filter(c -> id.equals(c.getPatternId()))
                    .sorted(Comparator.comparing(ModelChange::getUpdatedAt).reversed())
                    .map(AvroJson::toJson).toList();
            return Optional.of(new PatternDetail(PatternRow.of(p), p.getDescription(), ReadableRule.of(p.getRule()),
                    revisions, hitRateOverTime(s, p, hitThresholdPct), changes));
        });
    }

    /**
     * The pattern's hit rate after each resolved outcome the keeper credits it with: an outcome
     * of a prediction that matched a revision with the current rule and direction, judged in the
     * pattern's direction ({@link #hit}), in the keeper's order of time.
     */
    private static List<Point> hitRateOverTime(ModelState s, PatternDefinition pattern, double threshold) {
        String id = pattern.getId();
        List<PatternDefinition> revisions = s.revisions(id);
        List<Outcome> matched = new ArrayList<>();
        for (Outcome o : s.outcomes().values()) {
            PatternMatch m = match(o, id);
            if (o.getStatus() == OutcomeStatus.RESOLVED && o.getExitPrice() != null && m != null
                    && currentRule(revisions, m.getVersion(), pattern)) {
                matched.add(o);
            }
        }
        matched.sort(Comparator.comparing(Outcome::getResolvedTime).thenComparing(Outcome::getPredictionId));
        List<Point> points = new ArrayList<>();
        int hits = 0;
        for (int i = 0; i < matched.size(); i++) {
            Outcome o = matched.get(i);
            hits += hit(o, pattern.getDirection(), threshold) ? 1 : 0;
            points.add(new Point(o.getResolvedTime(), Rate.of(hits, i + 1)));
        }
        return points;
    }

    /**
     * True when the version a prediction matched has the current version's rule and direction
     * (the keeper's test), or when the admin never read that version: {@code pattern-library} is
     * compacted, so a version replaced more than a week before the admin started is gone from it,
     * while the keeper, which keeps every library version, still credits its outcomes (should such
     * a version have had another rule, the chart counts its outcomes and the keeper does not).
     */
    private static boolean currentRule(List<PatternDefinition> revisions, int version, PatternDefinition current) {
        for (PatternDefinition r : revisions) {
            if (r.getVersion() == version) {
                return r.getRule().equals(current.getRule()) && r.getDirection() == current.getDirection();
            }
        }
        return true;
    }

    private static PatternMatch match(Outcome o, String id) {
        for (PatternMatch m : o.getMatchedPatterns()) {
            if (m.getPatternId().equals(id)) {
                return m;
            }
        }
        return null;
    }

    /**
     * Whether a resolved outcome hit in {@code direction}, as the keeper credits a pattern: the
     * raw return (exit over entry) by core's rule ({@link io.edgeloop.core.rules.Direction#hit}),
     * whatever the prediction called. The outcome's own verdict judges the prediction's call,
     * which for NEUTRAL means a small move, where a NEUTRAL pattern hits on a large one.
     */
    static boolean hit(Outcome o, Direction direction, double threshold) {
        double raw = (o.getExitPrice() - o.getEntryPrice()) / o.getEntryPrice() * 100.0;
        return io.edgeloop.core.rules.Direction.valueOf(direction.name()).hit(raw, threshold);
    }
}
