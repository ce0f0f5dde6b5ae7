package io.edgeloop.core.stats;

/**
 * How much a feature (or feature combination) lifts a rate over the base rate, with exact
 * binomial p-values ({@link BinomialTests}) to feed {@link MultipleTesting}.
 *
 * @param hits           outcomes with the feature that went the tested way (e.g. UP)
 * @param n              outcomes with the feature
 * @param rate           hits / n
 * @param baseRate       the rate without conditioning on the feature
 * @param lift           rate / baseRate
 * @param pValueGreater  P(X &gt;= hits) under the base rate: the feature raises the rate
 * @param pValueLess     P(X &lt;= hits): the feature lowers the rate
 * @param pValueTwoSided two-sided exact p-value
 */
public record FeatureLift(long hits, long n, double rate, double baseRate, double lift,
                          double pValueGreater, double pValueLess, double pValueTwoSided) {

    /** Tests {@code hits} of {@code n} against {@code baseRate} in (0, 1). */
    public static FeatureLift test(long hits, long n, double baseRate) {
        if (n <= 0) {
            throw new IllegalArgumentException("feature lift needs n > 0, got " + n);
        }
        if (!(baseRate > 0 && baseRate < 1)) {
            throw new IllegalArgumentException("base rate must be in (0, 1), got " + baseRate);
        }
        double rate = (double) hits / n;
        return new FeatureLift(hits, n, rate, baseRate, rate / baseRate,
                BinomialTests.pValueGreater(hits, n, baseRate), BinomialTests.pValueLess(hits, n, baseRate),
                BinomialTests.pValueTwoSided(hits, n, baseRate));
    }
}
