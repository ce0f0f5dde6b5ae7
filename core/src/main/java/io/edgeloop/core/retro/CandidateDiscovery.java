package io.edgeloop.core.retro;

import io.edgeloop.core.mining.MoveFeatures;
import io.edgeloop.core.rules.Direction;
import io.edgeloop.core.rules.RuleValidator;
import io.edgeloop.core.stats.BinomialTests;
import io.edgeloop.core.stats.FdrResult;
import io.edgeloop.core.stats.MultipleTesting;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

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
 *   <li><b>Every feature adds.</b> Among the fit moves with all the other features, those
 *       with the feature must lean further in the candidate's direction than those without it
 *       (one-sided; the largest such p-value of a survivor, adjusted over all survivors with the
 *       FDR method, below alpha, see {@link #everyFeatureAdds}): otherwise the combination is a
 *       real lean with a passenger, and the simpler combination is the pattern.</li>
 *   <li><b>Out of sample.</b> A survivor's direction is the side of p0 its fit share is on. It
 *       holds when its test-window moves number at least the window minimum and lean the same
 *       way beyond the test base rate with a one-sided exact binomial p below the level (on
 *       week-clustered effective counts too).</li>
 *   <li><b>Coverage.</b> It is covered, and dropped, when at least the coverage share (80%) of
 *       its lookback moves also match one existing pattern of the same direction or a neutral one
 *       (the pattern's rule on the start day's snapshot). A pattern that expects the opposite
 *       direction does not cover it: the candidate then contradicts that pattern rather than
 *       repeating it.</li>
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

    /** An existing pattern's expected direction and its matches over the sample, by sample index. */
    public record PatternCoverage(String patternId, Direction direction, BitSet matches) {
        public PatternCoverage {
            Objects.requireNonNull(patternId, "patternId");
            Objects.requireNonNull(direction, "direction");
            matches = (BitSet) matches.clone();
        }

        /** True when the pattern already says what a candidate of this direction would: same direction, or neutral. */
        boolean speaksFor(Direction candidate) {
            return direction == candidate || direction == Direction.NEUTRAL;
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
        DiscoverySample s = new DiscoverySample(sample, windows, features);
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
        CandidateGates gates = new CandidateGates(config);
        List<Candidate> survivors = new ArrayList<>();
        for (int c : fdr.rejectedIndices()) {
            survivors.add(gates.gate(s, combos.get(c), features, p[c], fdr.adjusted(c), library));
        }
        return new DiscoveryResult(features.size(), combos.size(), tested, naive, config.fdrMethod(),
                config.fdrLevel(), s.fitN, s.fitUp, s.testN, s.testUp, rank(everyFeatureAdds(survivors), s, features));
    }

    /**
     * Step 4 over the survivors as one family: each survivor's "every feature adds" p-value (the
     * largest of its features' one-sided increment tests) is adjusted over all survivors with the
     * method of {@code retro.fdr.method}, and the survivor is REDUNDANT unless the adjusted value
     * is below alpha. With a real lean among the features, hundreds of survivors are that lean
     * with passengers; tested each at a plain 5%, some dozen passed by chance in every run and the
     * out-of-sample check let about one in six through as proposals. The survivors share features
     * and moves, so their tests are dependent: Benjamini-Yekutieli ({@code retro.fdr.method=BY})
     * controls the false share under any dependence, Benjamini-Hochberg (the default) only under
     * positive dependence, and the family itself is chosen on the same fit window; read the gate as
     * a strong filter, not a guaranteed rate.
     */
    private List<Candidate> everyFeatureAdds(List<Candidate> survivors) {
        if (survivors.isEmpty()) {
            return survivors;
        }
        double[] increments = new double[survivors.size()];
        for (int i = 0; i < increments.length; i++) {
            increments[i] = survivors.get(i).incrementP();
        }
        FdrResult adds = MultipleTesting.control(increments, config.alpha(), config.fdrMethod());
        List<Candidate> out = new ArrayList<>(survivors.size());
        for (int i = 0; i < increments.length; i++) {
            Candidate c = survivors.get(i);
            double adjusted = adds.adjusted(i);
            out.add(new Candidate(c.features(), c.direction(), c.fitN(), c.fitHits(), c.fitRate(), c.interval(),
                    c.fitBase(), c.pValue(), c.qValue(), adjusted, c.testN(), c.testHits(), c.testBase(), c.oosP(),
                    c.holdsOutOfSample(), c.coverage(), c.coveredBy(), c.rule(), c.noRule(),
                    adjusted < config.alpha() ? c.status() : Candidate.Status.REDUNDANT));
        }
        return out;
    }

    /** Orders survivors (q, then lift, then name) and marks duplicates and the proposed top. */
    private List<Candidate> rank(List<Candidate> survivors, DiscoverySample s, List<DiscoveryFeature> features) {
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
                    .anyMatch(taken -> n > 0 && (double) DiscoverySample.intersect(moves, taken) / n >= config.coverage());
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
                c.pValue(), c.qValue(), c.incrementP(), c.testN(), c.testHits(), c.testBase(), c.oosP(),
                c.holdsOutOfSample(), c.coverage(), c.coveredBy(), c.rule(), c.noRule(), status);
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

}
