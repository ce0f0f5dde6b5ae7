package io.edgeloop.core.stats;

import org.apache.commons.math3.distribution.BetaDistribution;

/**
 * The Beta-Binomial posterior of a pattern's hit rate in its own expected direction: with a
 * Beta(a, b) prior and {@code hits} hits out of {@code n} outcomes, the posterior is
 * Beta(a + hits, b + n - hits) (conjugacy of the Beta prior with the binomial likelihood;
 * Gelman et al., Bayesian Data Analysis, 3rd ed., section 2.4). Immutable; updates return a new
 * posterior.
 *
 * @param prior  the prior
 * @param hits   observed hits, &gt;= 0
 * @param misses observed misses, &gt;= 0
 */
public record BetaPosterior(BetaPrior prior, long hits, long misses) {

    /** Absolute accuracy of quantiles (the root finder's tolerance in commons-math3). */
    private static final double QUANTILE_ACCURACY = 1e-12;

    public BetaPosterior {
        if (prior == null) {
            throw new IllegalArgumentException("posterior needs a prior");
        }
        if (hits < 0 || misses < 0) {
            throw new IllegalArgumentException("hits and misses must be >= 0, got " + hits + " and " + misses);
        }
    }

    /** The prior alone, before any outcome. */
    public static BetaPosterior of(BetaPrior prior) {
        return new BetaPosterior(prior, 0, 0);
    }

    /** The posterior after {@code hits} hits out of {@code n} outcomes. */
    public static BetaPosterior of(BetaPrior prior, long hits, long n) {
        if (hits > n) {
            throw new IllegalArgumentException("hits " + hits + " exceed n " + n);
        }
        return new BetaPosterior(prior, hits, n - hits);
    }

    /** Adds one outcome. */
    public BetaPosterior update(boolean hit) {
        return hit ? withHit() : withMiss();
    }

    public BetaPosterior withHit() {
        return new BetaPosterior(prior, hits + 1, misses);
    }

    public BetaPosterior withMiss() {
        return new BetaPosterior(prior, hits, misses + 1);
    }

    /** Adds a batch of outcomes. */
    public BetaPosterior plus(long moreHits, long moreMisses) {
        return new BetaPosterior(prior, hits + moreHits, misses + moreMisses);
    }

    /** Observed outcomes, hits + misses. */
    public long n() {
        return hits + misses;
    }

    /** Posterior alpha = prior alpha + hits. */
    public double alpha() {
        return prior.alpha() + hits;
    }

    /** Posterior beta = prior beta + misses. */
    public double beta() {
        return prior.beta() + misses;
    }

    /** Posterior mean alpha / (alpha + beta). */
    public double mean() {
        return alpha() / (alpha() + beta());
    }

    /** Posterior variance alpha beta / ((alpha + beta)^2 (alpha + beta + 1)). */
    public double variance() {
        double s = alpha() + beta();
        return alpha() * beta() / (s * s * (s + 1));
    }

    /**
     * Equal-tailed credible interval: the {@code (1 - level) / 2} and {@code (1 + level) / 2}
     * quantiles of the posterior (commons-math3 {@code BetaDistribution.inverseCumulativeProbability}).
     */
    public Interval credibleInterval(double level) {
        Interval.checkLevel(level);
        BetaDistribution d = distribution();
        double tail = (1 - level) / 2;
        return new Interval(d.inverseCumulativeProbability(tail), d.inverseCumulativeProbability(1 - tail), level);
    }

    /** P(rate &lt; x) under the posterior: the Beta CDF, the regularized incomplete beta I_x(alpha, beta). */
    public double probabilityBelow(double x) {
        if (x <= 0) {
            return 0;
        }
        if (x >= 1) {
            return 1;
        }
        return distribution().cumulativeProbability(x);
    }

    /**
     * P(rate &gt; x) under the posterior: the upper tail I_{1-x}(beta, alpha), computed as a tail
     * (not {@code 1 - P(rate < x)}, which leaves nothing of a tail below about 1e-16).
     */
    public double probabilityAbove(double x) {
        if (x <= 0) {
            return 1;
        }
        if (x >= 1) {
            return 0;
        }
        return new BetaDistribution(null, beta(), alpha(), QUANTILE_ACCURACY).cumulativeProbability(1 - x);
    }

    private BetaDistribution distribution() {
        return new BetaDistribution(null, alpha(), beta(), QUANTILE_ACCURACY);
    }
}
