package io.edgeloop.core.retro;

import java.util.List;
import java.util.Objects;

/**
 * Regime detection of one retrospective: market, every sector with moves, every pattern with
 * matched moves.
 *
 * @param market   all moves
 * @param sectors  one row per sector, by name
 * @param patterns one row per library pattern, in library order (moves whose start-day
 *                 snapshot the pattern matches)
 */
public record RegimeReport(RegimeRow market, List<RegimeRow> sectors, List<RegimeRow> patterns) {

    public RegimeReport {
        Objects.requireNonNull(market, "market");
        sectors = List.copyOf(sectors);
        patterns = List.copyOf(patterns);
    }
}
