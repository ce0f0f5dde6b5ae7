package io.edgeloop.core.retro;

import io.edgeloop.core.mining.MoveFeatures;
import io.edgeloop.core.rules.Direction;
import io.edgeloop.core.rules.Problem;
import io.edgeloop.core.rules.Rule;
import io.edgeloop.core.rules.RuleValidator;
import io.edgeloop.core.stats.BinomialTests;
import io.edgeloop.core.stats.FdrResult;
import io.edgeloop.core.stats.MultipleTesting;
import io.edgeloop.core.stats.WilsonInterval;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Finds feature combinations whose moves lean one way more than moves in general, without
 * fooling itself (DESIGN "Learning statistics"; the original had neither correction nor
 * out-of-sample check):
 * <ol>
 *   <li><b>Walk-forward split.</b> Moves of the prior window are the fit sample, moves of the
 *       recent window the test sample (by start date); nothing in the fit step sees the test
 *       sample.</li>
 *   <li><b>Tests.</b> Every pair and triple of the features is one hypothesis: "the UP share of
 *       fit moves with all these features equals the fit base rate p0", tested with the exact
 *       two-sided binomial test (R {@code binom.test(k, n, p0)}) on the counts corrected for
 *       the clustering of moves in the same start week: Kish's design effect from the fit
 *       window's intraclass correlation and the combination's moves per week
 *       ({@link ClusteredCounts#kishDesignEffect}).
 *       A combination with fewer fit moves than the minimum (pairs 10, triples 8) is not tested
 *       but still counted, with p = 1.</li>
 *   <li><b>False-discovery control.</b> Benjamini-Hochberg (or -Yekutieli) over all
 *       combinations at the configured level; the rejected ones survive.</li>
 *   <li><b>Out of sample.</b> A survivor's direction is the side of p0 its fit share is on. It
 *       holds when its test-window moves number at least the window minimum and lean the same
 *       way beyond the test base rate with a one-sided exact binomial p below the level (on
 *       week-clustered effective counts too).</li>
 *   <li><b>Coverage.</b> It is covered, and dropped, when at least the coverage share (80%) of
 *       its lookback moves also match one existing pattern (the pattern's rule on the start
 *       day's snapshot).</li>
 *   <li><b>Rule form.</b> Every feature must have a snapshot-field form and their conjunction
 *       must pass {@link RuleValidator}.</li>
 *   <li><b>Ranking.</b> Smallest q first, then largest lift; a candidate whose moves are covered
 *       by a better one already proposed is a duplicate; the first {@code maxProposals} are
 *       proposed.</li>
 * </ol>
 * The design effect answers the known dependence between tickers in one week; serial
 * dependence across weeks remains, and the out-of-sample gate is the guard against it.
 */
public final class CandidateDiscovery {

    /** Unadjusted level at which {@link DiscoveryResult#naiveSignificant()} counts. */
    static final double NAIVE_LEVEL = 0.05;

    private final RetroConfig config;

    public CandidateDiscovery(RetroConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    /** An existing pattern's matches over the sample, by sample index. */
    public record PatternCoverage(String patternId, BitSet matches) {
        public PatternCoverage {
            Objects.requireNonNull(patternId, "patternId");
            matches = (BitSet) matches.clone();
        }
    }

    /**
     * Runs discovery.
     *
     * @param sample   the lookback's moves with lead-up features
     * @param windows  the windows (prior = fit, recent = test)
     * @param features the features to combine (at least 3)
     * @param library  existing patterns' matches over {@code sample}
     */
    public DiscoveryResult discover(List<MoveFeatures> sample, RetroWindows windows, List<DiscoveryFeature> features,
                                    List<PatternCoverage> library) {
        if (features.size() < 3) {
            throw new IllegalArgumentException("discovery needs at least 3 features, got " + features.size());
        }
        Sample s = new Sample(sample, windows, features);
        if (s.fitN == 0 || s.fitUp == 0 || s.fitUp == s.fitN) {
            return new DiscoveryResult(features.size(), 0, 0, 0, config.fdrMethod(), config.fdrLevel(), s.fitN,
                    s.fitUp, s.testN, s.testUp, List.of());
        }
        double p0 = (double) s.fitUp / s.fitN;
        List<int[]> combos = combinations(features.size());
        double[] p = new double[combos.size()];
        int tested = 0;
        int naive = 0;
        for (int c = 0; c < combos.size(); c++) {
            BitSet fit = s.members(combos.get(c));
            fit.and(s.fit);
            if (fit.cardinality() < (combos.get(c).length == 2 ? config.pairMinN() : config.tripleMinN())) {
                p[c] = 1;
                continue;
            }
            ClusteredCounts counts = s.counts(fit, true);
            double d = ClusteredCounts.kishDesignEffect(s.fitRho, counts);
            p[c] = BinomialTests.pValueTwoSided(counts.effectiveHits(d), counts.effectiveN(d), p0);
            tested++;
            naive += p[c] < NAIVE_LEVEL ? 1 : 0;
        }
        FdrResult fdr = MultipleTesting.control(p, config.fdrLevel(), config.fdrMethod());
        List<Candidate> survivors = new ArrayList<>();
        for (int c : fdr.rejectedIndices()) {
            survivors.add(gate(s, combos.get(c), features, p[c], fdr.adjusted(c), library));
        }
        return new DiscoveryResult(features.size(), combos.size(), tested, naive, config.fdrMethod(),
                config.fdrLevel(), s.fitN, s.fitUp, s.testN, s.testUp, rank(survivors, s, features));
    }

    private Candidate gate(Sample s, int[] combo, List<DiscoveryFeature> features, double p, double q,
                           List<PatternCoverage> library) {
        BitSet all = s.members(combo);
        BitSet fit = (BitSet) all.clone();
        fit.and(s.fit);
        BitSet test = (BitSet) all.clone();
        test.and(s.test);
        int fitN = fit.cardinality();
        int fitUp = intersect(fit, s.up);
        double p0 = (double) s.fitUp / s.fitN;
        boolean up = (double) fitUp / fitN > p0;
        int fitHits = up ? fitUp : fitN - fitUp;
        double fitBase = up ? p0 : 1 - p0;
        int testN = test.cardinality();
        int testUp = intersect(test, s.up);
        int testHits = up ? testUp : testN - testUp;
        double testBase = s.testN == 0 ? Double.NaN : (double) (up ? s.testUp : s.testN - s.testUp) / s.testN;
        ClusteredCounts testCounts = s.counts(test, up);
        double d = ClusteredCounts.kishDesignEffect(s.testRho, testCounts);
        double oosP = testN < config.minNPerWindow() || Double.isNaN(testBase) ? Double.NaN
                : BinomialTests.pValueGreater(testCounts.effectiveHits(d), testCounts.effectiveN(d), testBase);
        double coverage = 0;
        String coveredBy = null;
        int allN = all.cardinality();
        for (PatternCoverage pattern : library) {
            double share = allN == 0 ? 0 : (double) intersect(all, pattern.matches()) / allN;
            if (share > coverage) {
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
            feature.rule().ifPresentOrElse(conditions::add, () -> missing.add(feature.id() + ": "
                    + feature.noRuleReason()));
        }
        Optional<Rule> rule = Optional.empty();
        String noRule;
        if (missing.isEmpty()) {
            Rule candidate = new Rule.All(conditions);
            List<Problem> problems = RuleValidator.validate(candidate);
            noRule = problems.isEmpty() ? null
                    : problems.stream().map(Problem::toString).collect(Collectors.joining("; "));
            rule = problems.isEmpty() ? Optional.of(candidate) : Optional.empty();
        } else {
            noRule = "no snapshot-field form: " + String.join("; ", missing);
        }
        Candidate.Status status = !(oosP < config.oosAlpha()) ? Candidate.Status.FAILED_OUT_OF_SAMPLE
                : coverage >= config.coverage() ? Candidate.Status.COVERED
                : rule.isEmpty() ? Candidate.Status.NO_RULE_FORM
                : Candidate.Status.NOT_IN_TOP;
        return new Candidate(ids, up ? Direction.UP : Direction.DOWN,
                fitN, fitHits, (double) fitHits / fitN, WilsonInterval.of(fitHits, fitN, config.intervalLevel()),
                fitBase, p, q, testN, testHits, testBase, oosP, coverage, coveredBy, rule, noRule, status);
    }

    /** Orders survivors (q, then lift, then name) and marks duplicates and the proposed top. */
    private List<Candidate> rank(List<Candidate> survivors, Sample s, List<DiscoveryFeature> features) {
        List<Candidate> sorted = new ArrayList<>(survivors);
        sorted.sort(Comparator.comparingDouble(Candidate::qValue)
                .thenComparingDouble(c -> -Math.abs(c.liftPts()))
                .thenComparing(Candidate::name));
        List<BitSet> proposedMoves = new ArrayList<>();
        List<Candidate> out = new ArrayList<>(sorted.size());
        for (Candidate c : sorted) {
            if (c.status() != Candidate.Status.NOT_IN_TOP) {
                out.add(c);
                continue;
            }
            BitSet moves = s.members(c.features().stream().mapToInt(id -> indexOf(features, id)).toArray());
            int n = moves.cardinality();
            boolean duplicate = proposedMoves.stream()
                    .anyMatch(taken -> n > 0 && (double) intersect(moves, taken) / n >= config.coverage());
            Candidate.Status status = duplicate ? Candidate.Status.DUPLICATE
                    : proposedMoves.size() < config.maxProposals() ? Candidate.Status.PROPOSED
                    : Candidate.Status.NOT_IN_TOP;
            if (status == Candidate.Status.PROPOSED) {
                proposedMoves.add(moves);
            }
            out.add(withStatus(c, status));
        }
        return out;
    }

    private static Candidate withStatus(Candidate c, Candidate.Status status) {
        return new Candidate(c.features(), c.direction(), c.fitN(), c.fitHits(), c.fitRate(), c.interval(), c.fitBase(),
                c.pValue(), c.qValue(), c.testN(), c.testHits(), c.testBase(), c.oosP(), c.coverage(), c.coveredBy(),
                c.rule(), c.noRule(), status);
    }

    private static int indexOf(List<DiscoveryFeature> features, String id) {
        for (int i = 0; i < features.size(); i++) {
            if (features.get(i).id().equals(id)) {
                return i;
            }
        }
        throw new IllegalStateException("unknown feature " + id);
    }

    /** Every pair, then every triple, of {@code k} features, indices ascending. */
    static List<int[]> combinations(int k) {
        List<int[]> out = new ArrayList<>();
        for (int a = 0; a < k; a++) {
            for (int b = a + 1; b < k; b++) {
                out.add(new int[] {a, b});
            }
        }
        for (int a = 0; a < k; a++) {
            for (int b = a + 1; b < k; b++) {
                for (int c = b + 1; c < k; c++) {
                    out.add(new int[] {a, b, c});
                }
            }
        }
        return out;
    }

    private static int intersect(BitSet a, BitSet b) {
        BitSet x = (BitSet) a.clone();
        x.and(b);
        return x.cardinality();
    }

    /** The sample as bit sets: window membership, UP moves, and each feature's moves. */
    private static final class Sample {
        final BitSet fit = new BitSet();
        final BitSet test = new BitSet();
        final BitSet up = new BitSet();
        final BitSet[] feature;
        final long[] week;
        final int fitN;
        final int fitUp;
        final int testN;
        final int testUp;
        final double fitRho;
        final double testRho;

        Sample(List<MoveFeatures> sample, RetroWindows windows, List<DiscoveryFeature> features) {
            feature = new BitSet[features.size()];
            week = new long[sample.size()];
            for (int f = 0; f < feature.length; f++) {
                feature[f] = new BitSet(sample.size());
            }
            for (int i = 0; i < sample.size(); i++) {
                MoveFeatures m = sample.get(i);
                switch (windows.of(m.move().startDate())) {
                    case PRIOR -> fit.set(i);
                    case RECENT -> test.set(i);
                    default -> {
                        continue;
                    }
                }
                up.set(i, m.move().direction() == io.edgeloop.core.mining.Direction.UP);
                week[i] = ClusteredCounts.week(m.move().startDate().toEpochDay());
                for (int f = 0; f < feature.length; f++) {
                    if (features.get(f).test().test(m.features())) {
                        feature[f].set(i);
                    }
                }
            }
            fitN = fit.cardinality();
            fitUp = intersect(fit, up);
            testN = test.cardinality();
            testUp = intersect(test, up);
            fitRho = ClusteredCounts.intraclassCorrelation(counts(fit, true));
            testRho = ClusteredCounts.intraclassCorrelation(counts(test, true));
        }

        /** The moves of a set clustered by start week; a hit is a move in the given direction (UP when true). */
        ClusteredCounts counts(BitSet moves, boolean upHits) {
            ClusteredCounts counts = new ClusteredCounts();
            for (int i = moves.nextSetBit(0); i >= 0; i = moves.nextSetBit(i + 1)) {
                counts.add(week[i], up.get(i) == upHits);
            }
            return counts;
        }

        /** Moves with every feature of the combination, in either window. */
        BitSet members(int[] combo) {
            BitSet m = (BitSet) feature[combo[0]].clone();
            for (int i = 1; i < combo.length; i++) {
                m.and(feature[combo[i]]);
            }
            return m;
        }
    }
}
