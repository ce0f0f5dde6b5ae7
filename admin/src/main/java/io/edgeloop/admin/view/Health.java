package io.edgeloop.admin.view;

import io.edgeloop.schemas.avro.ChangeStatus;
import io.edgeloop.schemas.avro.Outcome;
import io.edgeloop.schemas.avro.OutcomeStatus;
import io.edgeloop.schemas.avro.PatternDefinition;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The model's health as the overview shows it (the same figures as the resolver's
 * {@code GET /model/health}, computed from the topics): prediction and outcome counts, the
 * overall hit rate with its interval and the same by trigger, outcome actions, library version,
 * patterns by status and pending proposals.
 *
 * @param predictions      predictions logged
 * @param outcomes         outcomes (resolved and expired)
 * @param expired          outcomes that expired
 * @param overall          hit rate over resolved outcomes
 * @param byTrigger        predictions and hit rate per trigger, by trigger name
 * @param byAction         outcomes per action (TRADED, SKIPPED, MISSED_OPPORTUNITY)
 * @param libraryVersion   current library version (0 when empty)
 * @param patternsByStatus patterns per status
 * @param pendingProposals changes in status PROPOSED
 * @param latestPrediction bar time of the newest prediction, or null
 * @param latestOutcome    resolution time of the newest outcome, or null
 */
public record Health(int predictions, int outcomes, int expired, Rate overall, List<TriggerHealth> byTrigger,
                     Map<String, Integer> byAction, long libraryVersion, Map<String, Integer> patternsByStatus,
                     int pendingProposals, Instant latestPrediction, Instant latestOutcome) {

    /**
     * One trigger's figures.
     *
     * @param trigger     trigger name
     * @param predictions predictions with this trigger
     * @param rate        hit rate over their resolved outcomes
     */
    public record TriggerHealth(String trigger, int predictions, Rate rate) {
    }

    /** Computes the figures from the state. */
    public static Health of(ModelState state) {
        return state.read(Health::compute);
    }

    private static Health compute(ModelState s) {
        Map<String, int[]> triggers = new TreeMap<>();
        Instant latestPrediction = null;
        for (PredictionRow p : s.predictions().values()) {
            triggers.computeIfAbsent(p.trigger(), k -> new int[3])[0]++;
            latestPrediction = latestPrediction == null || p.barTime().isAfter(latestPrediction) ? p.barTime() : latestPrediction;
        }
        int resolved = 0;
        int hits = 0;
        int expired = 0;
        Instant latestOutcome = null;
        Map<String, Integer> byAction = new TreeMap<>();
        for (Outcome o : s.outcomes().values()) {
            byAction.merge(o.getAction().name(), 1, Integer::sum);
            latestOutcome = latestOutcome == null || o.getResolvedTime().isAfter(latestOutcome) ? o.getResolvedTime() : latestOutcome;
            if (o.getStatus() == OutcomeStatus.EXPIRED || o.getHit() == null) {
                expired++;
                continue;
            }
            resolved++;
            boolean hit = o.getHit();
            hits += hit ? 1 : 0;
            PredictionRow p = s.predictions().get(o.getPredictionId());
            if (p != null) {
                int[] t = triggers.get(p.trigger());
                t[1]++;
                t[2] += hit ? 1 : 0;
            }
        }
        List<TriggerHealth> byTrigger = new ArrayList<>();
        triggers.forEach((trigger, t) -> byTrigger.add(new TriggerHealth(trigger, t[0], Rate.of(t[2], t[1]))));
        Map<String, Integer> byStatus = new TreeMap<>();
        for (PatternDefinition p : s.patterns().values()) {
            byStatus.merge(p.getStatus().name(), 1, Integer::sum);
        }
        int pending = (int) s.changes().values().stream().filter(c -> c.getStatus() == ChangeStatus.PROPOSED).count();
        return new Health(s.predictions().size(), s.outcomes().size(), expired, Rate.of(hits, resolved), byTrigger,
                byAction, s.libraryVersion(), byStatus, pending, latestPrediction, latestOutcome);
    }
}
