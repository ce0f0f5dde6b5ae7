package io.edgeloop.core.mining;

import java.util.List;

/**
 * The archetype study over moves with lead-up features.
 *
 * @param baseline    all scored moves: the base rate every pattern is compared with
 * @param archetypes  every archetype, in definition order, also those with n = 0
 * @param compounds   archetype pairs that passed the n and bias filters, largest |EV| first
 * @param pairsTested pairs examined (every pair of archetypes), so a reader can judge how many
 *                    chances a lucky pair had
 * @param lift        every lead-up feature, largest |lift| first
 * @param config      the scoring settings used
 */
public record PatternScores(GroupStats baseline, List<ArchetypeScore> archetypes, List<CompoundScore> compounds,
                            int pairsTested, List<FeatureLift> lift, ScoringConfig config) {

    public PatternScores {
        archetypes = List.copyOf(archetypes);
        compounds = List.copyOf(compounds);
        lift = List.copyOf(lift);
    }
}
