package io.edgeloop.core.retro;

import java.util.Map;
import java.util.TreeMap;

/**
 * Hits and trials of one window grouped into clusters (the observations of one ISO week), for
 * the design-effect correction of {@link #designEffect}.
 */
final class ClusteredCounts {

    private final Map<Long, long[]> clusters = new TreeMap<>();
    private long n;
    private long hits;

    /** Adds one trial to a cluster. */
    void add(long cluster, boolean hit) {
        long[] c = clusters.computeIfAbsent(cluster, k -> new long[2]);
        c[0]++;
        c[1] += hit ? 1 : 0;
        n++;
        hits += hit ? 1 : 0;
    }

    long n() {
        return n;
    }

    long hits() {
        return hits;
    }

    int clusters() {
        return clusters.size();
    }

    /**
     * The pooled first-order Rao-Scott design effect of several windows (J. N. K. Rao and A. J.
     * Scott, "A simple method for the analysis of clustered binary data", Biometrics 48, 1992):
     * with window rates {@code p_i}, cluster counts {@code y_ij} of {@code n_ij} and {@code M}
     * clusters in all,
     * <pre>
     *   d = max(1, M / (M - k) x sum_ij (y_ij - p_i n_ij)^2 / sum_i n_i p_i (1 - p_i))
     * </pre>
     * for {@code k} windows: the variance between clusters relative to the binomial variance.
     * Independent trials give {@code d} close to 1; significant moves of many tickers in one
     * market week give a large {@code d}, and the test then weighs them as the evidence of
     * fewer independent events. One factor for both windows, estimated from all their clusters,
     * because a 30-day window alone has only four or five weeks. 1 when there are not more
     * clusters than windows or no window has both hits and misses; never below 1, so the
     * correction can only make a test more conservative.
     */
    static double designEffect(ClusteredCounts... windows) {
        int m = 0;
        double residual = 0;
        double binomial = 0;
        for (ClusteredCounts w : windows) {
            m += w.clusters.size();
            if (w.n == 0) {
                continue;
            }
            double p = (double) w.hits / w.n;
            binomial += w.n * p * (1 - p);
            for (long[] c : w.clusters.values()) {
                double r = c[1] - p * c[0];
                residual += r * r;
            }
        }
        if (m <= windows.length || binomial == 0) {
            return 1;
        }
        return Math.max(1, (double) m / (m - windows.length) * residual / binomial);
    }

    /**
     * The intraclass correlation of several windows, from their pooled design effect {@code d}
     * and mean cluster size {@code m}: {@code rho = (d - 1) / (m - 1)}, within [0, 1]; 0 when
     * clusters hold one trial on average (L. Kish, Survey Sampling, 1965: {@code d = 1 + (m - 1) rho}).
     */
    static double intraclassCorrelation(ClusteredCounts... windows) {
        long n = 0;
        int m = 0;
        for (ClusteredCounts w : windows) {
            n += w.n;
            m += w.clusters.size();
        }
        double size = m == 0 ? 0 : (double) n / m;
        if (size <= 1) {
            return 0;
        }
        return Math.min(1, Math.max(0, (designEffect(windows) - 1) / (size - 1)));
    }

    /**
     * Kish's design effect {@code 1 + (m - 1) rho} of a subset of a population whose intraclass
     * correlation is {@code rho}, {@code m} the subset's mean cluster size over the given windows:
     * the subset's own clusters are too few and too small for a stable estimate, the population's
     * correlation is not.
     */
    static double kishDesignEffect(double rho, ClusteredCounts... windows) {
        long n = 0;
        int m = 0;
        for (ClusteredCounts w : windows) {
            n += w.n;
            m += w.clusters.size();
        }
        return m == 0 ? 1 : Math.max(1, 1 + ((double) n / m - 1) * rho);
    }

    /** {@code round(n / d)}, at least 1 when n > 0. */
    long effectiveN(double d) {
        return n == 0 ? 0 : Math.max(1, Math.round(n / d));
    }

    /** {@code round(hits / d)}, within {@code [0, effectiveN(d)]}. */
    long effectiveHits(double d) {
        return Math.min(effectiveN(d), Math.round(hits / d));
    }

    /** ISO-week cluster key of an epoch day: weeks start on Monday (epoch day 4 is Monday 1970-01-05). */
    static long week(long epochDay) {
        return Math.floorDiv(epochDay - 4, 7);
    }
}
