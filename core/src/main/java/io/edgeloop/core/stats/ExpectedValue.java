package io.edgeloop.core.stats;

/**
 * Expected value of following a signal, in percent per signal.
 *
 * <p>Two forms, equal when their rates are the sample rates of the same outcomes (both then
 * equal the mean return):
 * <ul>
 *   <li>{@link #ofMoves}: the original model's study formula, over undirected moves;</li>
 *   <li>{@link #directional}: for a pattern with an expected direction, over hits and misses.</li>
 * </ul>
 */
public final class ExpectedValue {

    private ExpectedValue() {
    }

    /**
     * EV = (UP% x average up move - DOWN% x average down move) / 100 (MODEL_REFERENCE, "Study").
     *
     * @param upPct         share of up outcomes in percent (0..100)
     * @param avgUpMove     average size of up moves in percent (&gt;= 0)
     * @param downPct       share of down outcomes in percent (0..100)
     * @param avgDownMove   average size of down moves in percent, as a magnitude (&gt;= 0)
     */
    public static double ofMoves(double upPct, double avgUpMove, double downPct, double avgDownMove) {
        return (upPct * avgUpMove - downPct * avgDownMove) / 100;
    }

    /**
     * EV = p x average win - (1 - p) x average loss, for a pattern with an expected direction.
     *
     * @param p       hit rate in [0, 1] (sample rate or a posterior mean)
     * @param avgWin  average directional return of hits, in percent
     * @param avgLoss average loss of misses in percent, as a magnitude (minus their average
     *                directional return; negative when misses were small gains)
     */
    public static double directional(double p, double avgWin, double avgLoss) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("hit rate must be in [0, 1], got " + p);
        }
        return p * avgWin - (1 - p) * avgLoss;
    }
}
