package io.edgeloop.streams;

import io.edgeloop.core.stats.BetaPosterior;
import io.edgeloop.core.stats.BetaPrior;
import io.edgeloop.core.stats.Interval;
import io.edgeloop.schemas.avro.Confidence;
import io.edgeloop.schemas.avro.ConfidenceLevel;
import io.edgeloop.schemas.avro.Direction;
import io.edgeloop.schemas.avro.PatternStats;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How confident a prediction is: the hit-rate posterior of the pattern that supports it best.
 * The supporting patterns are the matches that boost (ACTIVE), predict the prediction's direction
 * and have resolved outcomes (n &gt; 0); the best is the one with the highest posterior mean
 * (ties: the lower pattern id, as the library is in id order). Its posterior mean, credible
 * interval and n come from the library's {@code PatternStats} as the resolver published them.
 * Without a supporting pattern the prior speaks: the mean alpha / (alpha + beta) and the
 * equal-tailed interval of Beta(alpha, beta), with n = 0 (Beta-Binomial conjugacy, see
 * {@link BetaPosterior}). Level: HIGH when the mean is above {@code highAbove}, MEDIUM above
 * {@code mediumAbove}, else LOW (the original model's 0.7 and 0.4).
 *
 * @param highAbove   HIGH threshold
 * @param mediumAbove MEDIUM threshold
 * @param prior       the prior of a pattern's hit rate
 * @param level       coverage of the prior's interval
 */
record ConfidenceRule(double highAbove, double mediumAbove, BetaPrior prior, double level) {

    /** The prior's credible interval per rule, computed once (an incomplete beta inversion). */
    private static final Map<ConfidenceRule, Interval> PRIOR_INTERVALS = new ConcurrentHashMap<>();

    ConfidenceRule {
        if (!(mediumAbove <= highAbove)) {
            throw new IllegalArgumentException("confidence.medium (" + mediumAbove + ") must not exceed confidence.high ("
                    + highAbove + ")");
        }
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("confidence.interval.level must be in (0, 1), was " + level);
        }
    }

    static ConfidenceRule defaults() {
        return new ConfidenceRule(0.7, 0.4, BetaPrior.UNIFORM, 0.95);
    }

    /** The confidence of a prediction in {@code direction} given the matched library positions. */
    Confidence of(Direction direction, PatternLibrary library, ModelStep step) {
        PatternLibrary.Entry best = null;
        for (int i = 0; i < step.matchCount(); i++) {
            PatternLibrary.Entry e = library.entry(step.matchPosition(i));
            if (e.boosts() && e.direction() == direction && e.stats() != null && e.stats().getN() > 0
                    && (best == null || e.stats().getPosteriorMean() > best.stats().getPosteriorMean())) {
                best = e;
            }
        }
        if (best == null) {
            BetaPosterior posterior = BetaPosterior.of(prior);
            Interval interval = PRIOR_INTERVALS.computeIfAbsent(this, r -> posterior.credibleInterval(r.level()));
            return confidence(posterior.mean(), interval.lower(), interval.upper(), 0, null);
        }
        PatternStats s = best.stats();
        return confidence(s.getPosteriorMean(), s.getLower(), s.getUpper(), s.getN(), best.id());
    }

    private Confidence confidence(double mean, double lower, double upper, int n, String patternId) {
        ConfidenceLevel bucket = mean > highAbove ? ConfidenceLevel.HIGH
                : mean > mediumAbove ? ConfidenceLevel.MEDIUM : ConfidenceLevel.LOW;
        return Confidence.newBuilder().setLevel(bucket).setPosteriorMean(mean).setLower(lower).setUpper(upper)
                .setN(n).setPatternId(patternId).build();
    }
}
