package io.edgeloop.core.mining;

/**
 * How the moves matching one archetype went.
 *
 * @param id                    archetype id
 * @param name                  archetype name
 * @param bias                  expected direction
 * @param rule                  the predicate in words
 * @param stats                 n, hit rate with interval, average moves, expected value
 * @param directionalAccuracyPct share of matches that went the expected way (UP% for bullish,
 *                              DOWN% for bearish); NaN for neutral archetypes or n = 0
 */
public record ArchetypeScore(String id, String name, Bias bias, String rule, GroupStats stats,
                             double directionalAccuracyPct) {
}
