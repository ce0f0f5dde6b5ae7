package io.edgeloop.core.retro;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What seeding found: every judged pattern's edge over the history and the proposals that follow.
 *
 * @param from      the first date of the history judged
 * @param asOf      the last date used
 * @param tickers   tickers with a score trail
 * @param edges     every non-retired pattern, in library order
 * @param proposals PROMOTE and DEGRADE proposals with their evidence
 */
public record SeedResult(LocalDate from, LocalDate asOf, int tickers, List<PatternEdge> edges,
                         List<Proposal> proposals) {

    public SeedResult {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(asOf, "asOf");
        edges = List.copyOf(edges);
        proposals = List.copyOf(proposals);
    }
}
