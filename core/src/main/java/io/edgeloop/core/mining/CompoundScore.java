package io.edgeloop.core.mining;

/**
 * Moves matching two archetypes at once, kept when they lean one way.
 *
 * @param first   id of the first archetype (in definition order)
 * @param second  id of the second archetype
 * @param stats   n, hit rate with interval, average moves, expected value
 * @param bias    BULLISH when UP moves are the majority, BEARISH when DOWN moves are
 * @param biasPct the majority share in percent
 */
public record CompoundScore(String first, String second, GroupStats stats, Bias bias, double biasPct) {

    /** {@code first + second}. */
    public String name() {
        return first + " + " + second;
    }
}
