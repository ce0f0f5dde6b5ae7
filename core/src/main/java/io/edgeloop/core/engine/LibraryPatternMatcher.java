package io.edgeloop.core.engine;

import io.edgeloop.core.model.PatternMatches;
import io.edgeloop.core.rules.CompiledPatternSet;
import io.edgeloop.core.rules.PatternDefinition;
import io.edgeloop.core.rules.PatternStatus;
import io.edgeloop.core.snapshot.Snapshot;
import io.edgeloop.core.stats.BetaPosterior;
import io.edgeloop.core.stats.BetaPrior;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@link PatternMatcher} of a pattern library: the rules compiled once
 * ({@link CompiledPatternSet}), matched allocation-free at candle rate.
 *
 * <ul>
 *   <li>ACTIVE patterns match and boost (they may promote a stage and confirm a pullback entry);</li>
 *   <li>DEGRADED and CANDIDATE patterns match (so their outcomes are tracked) but do not boost;</li>
 *   <li>RETIRED patterns are left out.</li>
 * </ul>
 * A match's confidence is the pattern's posterior mean hit rate in its own direction,
 * {@code (prior alpha + hits) / (prior alpha + prior beta + n)} ({@link BetaPosterior#mean()}),
 * NaN while the pattern has no outcomes (a seed's reference rate from the original model is
 * documentation, not evidence). Immutable; build a new one for each library version.
 */
public final class LibraryPatternMatcher implements PatternMatcher {

    private final CompiledPatternSet set;
    private final int[] directions;
    private final double[] confidences;
    private final boolean[] boosts;
    private final int[] scratch;

    private LibraryPatternMatcher(CompiledPatternSet set, BetaPrior prior) {
        this.set = set;
        int n = set.size();
        directions = new int[n];
        confidences = new double[n];
        boosts = new boolean[n];
        scratch = new int[n];
        for (int i = 0; i < n; i++) {
            PatternDefinition p = set.pattern(i);
            directions[i] = p.direction().sign();
            boosts[i] = p.status() == PatternStatus.ACTIVE;
            long trials = p.stats().n();
            confidences[i] = trials == 0 ? Double.NaN : BetaPosterior.of(prior, p.stats().hits(), trials).mean();
        }
    }

    /**
     * Compiles the library's patterns (all but RETIRED ones), in the given order.
     *
     * @param prior the Beta prior of the confidence posterior
     * @throws io.edgeloop.core.rules.InvalidRuleException naming the first invalid pattern
     */
    public static LibraryPatternMatcher of(List<PatternDefinition> patterns, BetaPrior prior) {
        List<PatternDefinition> matched = new ArrayList<>();
        for (PatternDefinition p : patterns) {
            if (p.status() != PatternStatus.RETIRED) {
                matched.add(p);
            }
        }
        return new LibraryPatternMatcher(CompiledPatternSet.of(matched), prior);
    }

    @Override
    public int size() {
        return set.size();
    }

    /** The pattern at a match position ({@link PatternMatches#position}). */
    public PatternDefinition pattern(int position) {
        return set.pattern(position);
    }

    @Override
    public void match(Snapshot snapshot, PatternMatches out) {
        out.clear();
        int n = set.match(snapshot, scratch);
        for (int i = 0; i < n; i++) {
            int p = scratch[i];
            out.add(p, directions[p], confidences[p], boosts[p]);
        }
    }
}
