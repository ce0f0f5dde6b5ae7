package io.edgeloop.core.mining;

import java.util.List;

/**
 * Thresholds of the significant-move study (MODEL_REFERENCE "Study"). Every value is a default
 * the operator may change; {@link #defaults()} gives the original study's values.
 *
 * @param minBars       a ticker needs at least this many daily bars to be mined (default 20)
 * @param minAvgVolume  a ticker's mean daily volume over its last {@code liquidityDays} must be
 *                      at least this (default 500,000 shares)
 * @param liquidityDays calendar days, up to and including a ticker's last bar, whose bars the
 *                      mean volume is taken over (default 365, a year): the rule reads
 *                      the same bars whether the miner gets decades of history (a study from
 *                      files) or the days retro-app keeps ({@code retro.keep.days}, at least this
 *                      many), and a year reaches well beyond the retrospective's 90-day lookback,
 *                      so a month of heavy trading around a big move does not decide by itself
 *                      which tickers are mined
 * @param windows       forward windows in trading days, each > 0, strictly ascending
 *                      (default 3, 5, 10, 20)
 * @param minMovePct    minimum close-to-peak change in percent (default 5)
 * @param bucketDays    width of a de-duplication start bucket in weekdays (default 3), see
 *                      {@link MoveMiner#startBucket}
 */
public record MiningConfig(int minBars, double minAvgVolume, int liquidityDays, List<Integer> windows,
                           double minMovePct, int bucketDays) {

    public MiningConfig {
        windows = List.copyOf(windows);
        if (minBars < 2) {
            throw new IllegalArgumentException("minBars must be >= 2, got " + minBars);
        }
        if (!(minAvgVolume >= 0)) {
            throw new IllegalArgumentException("minAvgVolume must be >= 0, got " + minAvgVolume);
        }
        if (liquidityDays < 1) {
            throw new IllegalArgumentException("liquidityDays must be >= 1, got " + liquidityDays);
        }
        if (windows.isEmpty()) {
            throw new IllegalArgumentException("at least one forward window is needed");
        }
        int previous = 0;
        for (int w : windows) {
            if (w <= previous) {
                throw new IllegalArgumentException(
                        "windows must be positive and strictly ascending, got " + windows);
            }
            previous = w;
        }
        if (!(minMovePct > 0)) {
            throw new IllegalArgumentException("minMovePct must be > 0, got " + minMovePct);
        }
        if (bucketDays < 1) {
            throw new IllegalArgumentException("bucketDays must be >= 1, got " + bucketDays);
        }
    }

    /** The original study: 20 bars, 500k average volume (over the last year), windows 3/5/10/20, 5%, 3-day buckets. */
    public static MiningConfig defaults() {
        return new MiningConfig(20, 500_000, 365, List.of(3, 5, 10, 20), 5.0, 3);
    }

    /** The longest forward window. */
    public int maxWindow() {
        return windows.get(windows.size() - 1);
    }
}
