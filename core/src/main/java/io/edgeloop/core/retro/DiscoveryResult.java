package io.edgeloop.core.retro;

import io.edgeloop.core.stats.FdrMethod;

import java.util.List;

/**
 * What candidate discovery tried and what survived each gate.
 *
 * @param features         features combined
 * @param combinations     pairs and triples formed: every one counts as a test in the FDR
 *                         correction (those below the minimum n enter with p = 1)
 * @param tested           combinations with at least the minimum fit-window n
 * @param naiveSignificant tested combinations with an unadjusted p below 0.05: what a search
 *                         without correction would have reported
 * @param method           the FDR procedure
 * @param level            its level
 * @param fitN             fit-window (prior) moves with lead-up features
 * @param fitUp            of those, UP moves
 * @param testN            test-window (recent) moves with lead-up features
 * @param testUp           of those, UP moves
 * @param survivors        every combination the FDR procedure rejected, best q first, with the
 *                         gate it stopped at
 */
public record DiscoveryResult(int features, int combinations, int tested, int naiveSignificant, FdrMethod method,
                              double level, int fitN, int fitUp, int testN, int testUp, List<Candidate> survivors) {

    public DiscoveryResult {
        survivors = List.copyOf(survivors);
    }

    /** The survivors that became proposals, in rank order. */
    public List<Candidate> proposed() {
        return survivors.stream().filter(c -> c.status() == Candidate.Status.PROPOSED).toList();
    }
}
