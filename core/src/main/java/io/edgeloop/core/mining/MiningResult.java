package io.edgeloop.core.mining;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a mining run found.
 *
 * @param moves        de-duplicated moves, ordered by ticker, start date, direction
 * @param candidates   moves found before de-duplication (every window and start day)
 * @param tickersMined tickers that passed the history and liquidity rules
 * @param barsScanned  daily bars of the mined tickers
 * @param exclusions   tickers skipped, with the reason, ordered by ticker
 */
public record MiningResult(List<Move> moves, long candidates, int tickersMined, long barsScanned,
                           List<Exclusion> exclusions) {

    public MiningResult {
        moves = List.copyOf(moves);
        exclusions = List.copyOf(exclusions);
    }

    public long upCount() {
        return moves.stream().filter(m -> m.direction() == MoveDirection.UP).count();
    }

    public long downCount() {
        return moves.stream().filter(m -> m.direction() == MoveDirection.DOWN).count();
    }

    /** Number of distinct tickers with at least one move. */
    public long tickersWithMoves() {
        return moves.stream().map(Move::ticker).distinct().count();
    }

    /** Excluded tickers per reason; every reason is present, zero when none. */
    public Map<Exclusion.Reason, Integer> exclusionCounts() {
        Map<Exclusion.Reason, Integer> counts = new EnumMap<>(Exclusion.Reason.class);
        for (Exclusion.Reason reason : Exclusion.Reason.values()) {
            counts.put(reason, 0);
        }
        exclusions.forEach(e -> counts.merge(e.reason(), 1, Integer::sum));
        return counts;
    }

    /** UP and DOWN counts per window, windows ascending; value = {up, down}. */
    public Map<Integer, long[]> countsByWindow() {
        Map<Integer, long[]> counts = new TreeMap<>();
        for (Move m : moves) {
            counts.computeIfAbsent(m.windowDays(), w -> new long[2])[m.direction().ordinal()]++;
        }
        return counts;
    }

    /** UP and DOWN counts per sector, sectors by name; value = {up, down}. */
    public Map<String, long[]> countsBySector() {
        Map<String, long[]> counts = new TreeMap<>();
        for (Move m : moves) {
            counts.computeIfAbsent(m.sector(), s -> new long[2])[m.direction().ordinal()]++;
        }
        return counts;
    }
}
