package io.edgeloop.core.stats;

/**
 * A Beta(alpha, beta) prior on a hit rate, as pseudo-counts: alpha prior hits, beta prior misses.
 * The default {@link #UNIFORM} Beta(1, 1) is the weak prior that treats every rate in [0, 1] as
 * equally likely before any outcome (worth two observations); {@link #JEFFREYS} Beta(1/2, 1/2)
 * is the reference prior, weaker still (worth one observation).
 *
 * @param alpha prior pseudo-hits, &gt; 0
 * @param beta  prior pseudo-misses, &gt; 0
 */
public record BetaPrior(double alpha, double beta) {

    /** Beta(1, 1): uniform on [0, 1]; the default. */
    public static final BetaPrior UNIFORM = new BetaPrior(1, 1);
    /** Beta(0.5, 0.5): Jeffreys' prior for a binomial proportion. */
    public static final BetaPrior JEFFREYS = new BetaPrior(0.5, 0.5);

    public BetaPrior {
        if (!(alpha > 0) || !(beta > 0) || Double.isInfinite(alpha) || Double.isInfinite(beta)) {
            throw new IllegalArgumentException("Beta prior needs finite alpha > 0 and beta > 0, got Beta(" + alpha + ", " + beta + ")");
        }
    }
}
