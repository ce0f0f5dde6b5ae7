package io.edgeloop.core.mining;

import java.util.List;
import java.util.Objects;

/**
 * Everything one study run produced, ready for the reports.
 *
 * @param miningConfig the move thresholds used
 * @param mining       the moves and exclusions
 * @param features     the moves whose lead-up the trail covers, with their features, in move order
 * @param archetypes   the archetypes scored
 * @param scores       archetype, pair and feature scores over {@code features}
 */
public record StudyResult(MiningConfig miningConfig, MiningResult mining, List<MoveFeatures> features,
                          List<Archetype> archetypes, PatternScores scores) {

    public StudyResult {
        Objects.requireNonNull(miningConfig, "miningConfig");
        Objects.requireNonNull(mining, "mining");
        features = List.copyOf(features);
        archetypes = List.copyOf(archetypes);
        Objects.requireNonNull(scores, "scores");
    }

    /** Ids of the archetypes a move's features match, in definition order. */
    public List<String> matchedArchetypes(LeadUpFeatures f) {
        return archetypes.stream().filter(a -> a.matches(f)).map(Archetype::id).toList();
    }
}
