package io.edgeloop.core.stats;

/**
 * Running outcome statistics of one pattern: counts and sums, so an update is O(1) and two
 * accumulators merge exactly. Immutable: {@link #plus} returns the updated value, which suits
 * state stores. Averages are NaN while their count is 0.
 *
 * <p>"Up" and "down" are the sign of the return in the pattern's expected direction (the raw
 * price direction for a neutral pattern); a zero return is neither.
 *
 * @param n             outcomes
 * @param hits          hits among them
 * @param sumReturn     sum of returns (percent)
 * @param sumHitReturn  sum of the returns of hits
 * @param sumMfe        sum of maximum favourable excursions
 * @param sumMae        sum of maximum adverse excursions (magnitudes)
 * @param ups           outcomes with a positive return
 * @param sumUp         sum of positive returns
 * @param downs         outcomes with a negative return
 * @param sumDown       sum of the magnitudes of negative returns
 */
public record PatternStats(long n, long hits, double sumReturn, double sumHitReturn, double sumMfe, double sumMae,
                           long ups, double sumUp, long downs, double sumDown) {

    /** No outcomes yet. */
    public static final PatternStats EMPTY = new PatternStats(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    public PatternStats {
        if (n < 0 || hits < 0 || hits > n || ups < 0 || downs < 0 || ups + downs > n) {
            throw new IllegalArgumentException("inconsistent counts: n " + n + ", hits " + hits
                    + ", ups " + ups + ", downs " + downs);
        }
    }

    /** Adds one outcome. */
    public PatternStats plus(Observation o) {
        double r = o.returnPct();
        return new PatternStats(n + 1, hits + (o.hit() ? 1 : 0), sumReturn + r, sumHitReturn + (o.hit() ? r : 0),
                sumMfe + o.mfePct(), sumMae + o.maePct(),
                ups + (r > 0 ? 1 : 0), sumUp + Math.max(r, 0), downs + (r < 0 ? 1 : 0), sumDown + Math.max(-r, 0));
    }

    /** The statistics of both sets of outcomes together. */
    public PatternStats merge(PatternStats o) {
        return new PatternStats(n + o.n, hits + o.hits, sumReturn + o.sumReturn, sumHitReturn + o.sumHitReturn,
                sumMfe + o.sumMfe, sumMae + o.sumMae, ups + o.ups, sumUp + o.sumUp, downs + o.downs, sumDown + o.sumDown);
    }

    public long misses() {
        return n - hits;
    }

    /** hits / n. */
    public double hitRate() {
        return ratio(hits, n);
    }

    /** Mean return in percent. */
    public double avgReturn() {
        return ratio(sumReturn, n);
    }

    public double avgMfe() {
        return ratio(sumMfe, n);
    }

    public double avgMae() {
        return ratio(sumMae, n);
    }

    /** Mean return of hits. */
    public double avgWin() {
        return ratio(sumHitReturn, hits);
    }

    /** Mean loss of misses as a magnitude: minus their mean return. */
    public double avgLoss() {
        return ratio(-(sumReturn - sumHitReturn), misses());
    }

    /**
     * EV = p x avgWin - (1 - p) x avgLoss with p the sample hit rate ({@link ExpectedValue#directional});
     * a side with no outcomes has weight 0. Algebraically this equals {@link #avgReturn()}.
     * NaN when n is 0.
     */
    public double expectedValue() {
        if (n == 0) {
            return Double.NaN;
        }
        return ExpectedValue.directional(hitRate(), hits == 0 ? 0 : avgWin(), misses() == 0 ? 0 : avgLoss());
    }

    /** Share of up outcomes in percent. */
    public double upPct() {
        return 100 * ratio(ups, n);
    }

    /** Share of down outcomes in percent. */
    public double downPct() {
        return 100 * ratio(downs, n);
    }

    public double avgUpMove() {
        return ratio(sumUp, ups);
    }

    /** Mean size of down moves as a magnitude. */
    public double avgDownMove() {
        return ratio(sumDown, downs);
    }

    /**
     * The study's EV = (UP% x avg up move - DOWN% x avg down move) / 100 ({@link ExpectedValue#ofMoves});
     * a side with no moves has weight 0. NaN when n is 0.
     */
    public double moveExpectedValue() {
        if (n == 0) {
            return Double.NaN;
        }
        return ExpectedValue.ofMoves(upPct(), ups == 0 ? 0 : avgUpMove(), downPct(), downs == 0 ? 0 : avgDownMove());
    }

    /** The Beta-Binomial posterior of the hit rate under the given prior. */
    public BetaPosterior posterior(BetaPrior prior) {
        return new BetaPosterior(prior, hits, misses());
    }

    /** Wilson score interval of the hit rate. */
    public Interval wilson(double level) {
        return WilsonInterval.of(hits, n, level);
    }

    private static double ratio(double sum, long count) {
        return count == 0 ? Double.NaN : sum / count;
    }
}
