package io.edgeloop.core.stats;

import java.util.Locale;

/**
 * The fast loop's safety rule: degrade a pattern when the evidence says its hit rate has fallen
 * below a floor, not when a point estimate dips. Degrade when
 * {@code n >= minN} and {@code P(rate < rateFloor | outcomes) > confidence} under the
 * Beta-Binomial posterior ({@link BetaPosterior#probabilityBelow}). The original model degraded
 * at n &gt;= 10 and a raw hit rate &lt; 0.40; the defaults keep those numbers and add the
 * posterior probability 0.9.
 *
 * @param minN       fewest outcomes before any decision, &gt;= 1 (default 10)
 * @param rateFloor  the hit rate the pattern must beat, in (0, 1) (default 0.40)
 * @param confidence posterior probability of being below the floor needed to degrade, in (0, 1) (default 0.9)
 * @param prior      prior of the hit rate (default Beta(1, 1))
 */
public record AutoDegrade(int minN, double rateFloor, double confidence, BetaPrior prior) {

    /** n &gt;= 10, P(rate &lt; 0.40) &gt; 0.9, Beta(1, 1) prior. */
    public static final AutoDegrade DEFAULT = new AutoDegrade(10, 0.40, 0.9, BetaPrior.UNIFORM);

    public AutoDegrade {
        if (minN < 1) {
            throw new IllegalArgumentException("minN must be >= 1, got " + minN);
        }
        if (!(rateFloor > 0 && rateFloor < 1)) {
            throw new IllegalArgumentException("rateFloor must be in (0, 1), got " + rateFloor);
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be in (0, 1), got " + confidence);
        }
        if (prior == null) {
            throw new IllegalArgumentException("auto-degrade needs a prior");
        }
    }

    /** The decision for a pattern's statistics. */
    public DegradeDecision decide(PatternStats stats) {
        return decide(stats.hits(), stats.n());
    }

    /** The decision for {@code hits} hits out of {@code n} outcomes, with its evidence. */
    public DegradeDecision decide(long hits, long n) {
        BetaPosterior posterior = BetaPosterior.of(prior, hits, n);
        double below = posterior.probabilityBelow(rateFloor);
        boolean enough = n >= minN;
        boolean degrade = enough && below > confidence;
        String reason;
        if (!enough) {
            reason = String.format(Locale.ROOT, "keep: n = %d < %d outcomes", n, minN);
        } else {
            reason = String.format(Locale.ROOT, "%s: P(rate < %.2f) = %.4f %s %.2f with %d hits in %d (posterior Beta(%s, %s), mean %.3f)",
                    degrade ? "degrade" : "keep", rateFloor, below, degrade ? ">" : "<=", confidence, hits, n,
                    trim(posterior.alpha()), trim(posterior.beta()), posterior.mean());
        }
        return new DegradeDecision(degrade, n, hits, posterior.mean(), below, this, reason);
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
