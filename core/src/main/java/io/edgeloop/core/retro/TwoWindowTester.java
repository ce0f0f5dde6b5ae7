package io.edgeloop.core.retro;

import io.edgeloop.core.stats.RegimeTest;
import io.edgeloop.core.stats.RegimeTestResult;

/**
 * The two-window test of the retrospective: at least {@code minNPerWindow} raw observations in
 * each window, then {@link RegimeTest} (pooled two-proportion z-test, Fisher's exact test when an
 * expected cell is below 5) on the effective counts {@code hits / d} of {@code n / d}, with
 * {@code d} the pooled Rao-Scott design effect of weekly clusters
 * ({@link ClusteredCounts#designEffect}) or, for a subset of a larger sample, Kish's design
 * effect from the sample's intraclass correlation ({@link ClusteredCounts#kishDesignEffect}).
 */
final class TwoWindowTester {

    private final int minN;
    private final RegimeTest test;

    TwoWindowTester(RetroConfig config) {
        this.minN = config.minNPerWindow();
        this.test = new RegimeTest(1, config.alpha(), RegimeTest.Method.AUTO);
    }

    /** The test with the pooled design effect of the two windows' own clusters. */
    WindowTest test(ClusteredCounts recent, ClusteredCounts prior) {
        return test(recent, prior, ClusteredCounts.designEffect(recent, prior));
    }

    /** The test with a given design effect {@code d >= 1}. */
    WindowTest test(ClusteredCounts recent, ClusteredCounts prior, double d) {
        RegimeTestResult effective;
        if (recent.n() < minN || prior.n() < minN) {
            double r = recent.n() == 0 ? Double.NaN : (double) recent.hits() / recent.n();
            double p = prior.n() == 0 ? Double.NaN : (double) prior.hits() / prior.n();
            effective = new RegimeTestResult(recent.hits(), recent.n(), prior.hits(), prior.n(), r, p, r - p,
                    Double.NaN, Double.NaN, RegimeTest.Method.AUTO, RegimeTestResult.Decision.INSUFFICIENT_DATA);
        } else {
            effective = test.test(recent.effectiveHits(d), recent.effectiveN(d), prior.effectiveHits(d),
                    prior.effectiveN(d));
        }
        return new WindowTest(recent.hits(), recent.n(), prior.hits(), prior.n(), d, effective);
    }
}
