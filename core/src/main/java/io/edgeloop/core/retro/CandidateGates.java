package io.edgeloop.core.retro;

import io.edgeloop.core.rules.Direction;
import io.edgeloop.core.rules.Problem;
import io.edgeloop.core.rules.Rule;
import io.edgeloop.core.rules.RuleValidator;
import io.edgeloop.core.stats.BinomialTests;
import io.edgeloop.core.stats.RegimeTest;
import io.edgeloop.core.stats.WilsonInterval;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The checks an FDR survivor must pass to be proposed, in order (see {@link CandidateDiscovery}):
 * every feature adds to the others, the lean holds out of sample, no existing pattern of its
 * direction covers it, and it has a valid rule form.
 */
final class CandidateGates {

    private final RetroConfig config;
    private final RegimeTest twoProportions;

    CandidateGates(RetroConfig config) {
        this.config = config;
        this.twoProportions = new RegimeTest(1, config.alpha(), RegimeTest.Method.AUTO);
    }

    Candidate gate(DiscoverySample s, int[] combo, List<DiscoveryFeature> features, double p, double q,
                   List<CandidateDiscovery.PatternCoverage> library) {
        BitSet all = s.members(combo);
        BitSet fit = (BitSet) all.clone();
        fit.and(s.fit);
        BitSet test = (BitSet) all.clone();
        test.and(s.test);
        int fitN = fit.cardinality();
        int fitUp = DiscoverySample.intersect(fit, s.up);
        double p0 = (double) s.fitUp / s.fitN;
        boolean up = (double) fitUp / fitN > p0;
        Direction direction = up ? Direction.UP : Direction.DOWN;
        int fitHits = up ? fitUp : fitN - fitUp;
        int testN = test.cardinality();
        int testHits = up ? DiscoverySample.intersect(test, s.up) : testN - DiscoverySample.intersect(test, s.up);
        double testBase = s.testN == 0 ? Double.NaN : (double) (up ? s.testUp : s.testN - s.testUp) / s.testN;
        ClusteredCounts testCounts = s.counts(test, up);
        double d = ClusteredCounts.kishDesignEffect(s.testRho, testCounts);
        double oosP = testN < config.minNPerWindow() || Double.isNaN(testBase) ? Double.NaN
                : BinomialTests.pValueGreater(testCounts.effectiveHits(d), testCounts.effectiveN(d), testBase);
        double incrementP = incrementP(s, combo, up);
        double coverage = 0;
        String coveredBy = null;
        int allN = all.cardinality();
        for (CandidateDiscovery.PatternCoverage pattern : library) {
            double share = allN == 0 ? 0 : (double) DiscoverySample.intersect(all, pattern.matches()) / allN;
            if (pattern.speaksFor(direction) && share > coverage) {
                coverage = share;
                coveredBy = pattern.patternId();
            }
        }
        List<String> ids = new ArrayList<>();
        List<Rule> conditions = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (int f : combo) {
            DiscoveryFeature feature = features.get(f);
            ids.add(feature.id());
            feature.rule().ifPresentOrElse(conditions::add,
                    () -> missing.add(feature.id() + ": " + feature.noRuleReason()));
        }
        Optional<Rule> rule = Optional.empty();
        String noRule = "no snapshot-field form: " + String.join("; ", missing);
        if (missing.isEmpty()) {
            Rule candidate = new Rule.All(conditions);
            List<Problem> problems = RuleValidator.validate(candidate);
            noRule = problems.isEmpty() ? null : problems.stream().map(Problem::toString).collect(Collectors.joining("; "));
            rule = problems.isEmpty() ? Optional.of(candidate) : Optional.empty();
        }
        boolean holds = oosP < config.oosAlpha();
        // the increment gate (REDUNDANT, the first) is decided over all survivors: CandidateDiscovery#everyFeatureAdds
        Candidate.Status status = !holds ? Candidate.Status.FAILED_OUT_OF_SAMPLE
                : coverage >= config.coverage() ? Candidate.Status.COVERED
                : rule.isEmpty() ? Candidate.Status.NO_RULE_FORM
                : Candidate.Status.NOT_IN_TOP;
        return new Candidate(ids, direction, fitN, fitHits, (double) fitHits / fitN,
                WilsonInterval.of(fitHits, fitN, config.intervalLevel()), up ? p0 : 1 - p0, p, q, incrementP, testN,
                testHits, testBase, oosP, holds, coverage, coveredBy, rule, noRule, status);
    }

    /**
     * Does every feature add to the others? For each feature f of the combination, among the
     * fit-window moves with all the other features, the share in the candidate's direction of
     * those with f is compared with those without f: a one-sided two-proportion test
     * ({@link RegimeTest#pValueGreater}: Fisher's exact upper tail for small counts, else the
     * z-test's upper normal tail) on week-clustered effective counts (Kish's design effect from
     * the fit window's correlation). Returns the largest of these p-values, 1 when some feature
     * leaves no moves without it. A feature with random labels gives p below alpha only by
     * chance, so a real lean with a random feature attached does not pass as a new pattern.
     */
    private double incrementP(DiscoverySample s, int[] combo, boolean up) {
        double worst = 0;
        for (int i = 0; i < combo.length; i++) {
            int[] rest = new int[combo.length - 1];
            for (int j = 0, k = 0; j < combo.length; j++) {
                if (j != i) {
                    rest[k++] = combo[j];
                }
            }
            BitSet base = s.members(rest);
            base.and(s.fit);
            BitSet with = (BitSet) base.clone();
            with.and(s.feature[combo[i]]);
            BitSet without = (BitSet) base.clone();
            without.andNot(s.feature[combo[i]]);
            if (with.isEmpty() || without.isEmpty()) {
                return 1;
            }
            ClusteredCounts a = s.counts(with, up);
            ClusteredCounts b = s.counts(without, up);
            double d = ClusteredCounts.kishDesignEffect(s.fitRho, a, b);
            worst = Math.max(worst, twoProportions.pValueGreater(a.effectiveHits(d), a.effectiveN(d),
                    b.effectiveHits(d), b.effectiveN(d)));
        }
        return worst;
    }
}
