package io.edgeloop.core.mining;

import io.edgeloop.core.candle.Candle;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Finds significant moves in daily bars (MODEL_REFERENCE "Study").
 *
 * <p><b>Candidates.</b> For every start day {@code i} and window {@code w} whose {@code w}
 * following bars exist: UP when {@code max high[i+1..i+w] >= close[i] x (1 + minMovePct / 100)},
 * DOWN when {@code min low[i+1..i+w] <= close[i] x (1 - minMovePct / 100)}, both to within the
 * rounding slack of {@link MoveThreshold} (so 3.40 to a high of 3.57 is a 5% move), the rule of
 * the retrospective's hit test too. The move's size is {@code (extreme - close[i]) / close[i] x
 * 100}. Both can hold for the same start. The peak is the first bar in the window that reached the
 * extreme. Start days with a non-positive close are skipped (no percentage can be measured).
 * Window extremes come from monotonic deques, O(n) per window.
 *
 * <p><b>De-duplication.</b> One move per ticker, direction and start bucket
 * ({@link #startBucket}): the largest {@link Move#sizePct()} across all windows; ties go to the
 * shorter window, then the earlier start. This is the original study's "largest move per ticker,
 * direction and 3-day start bucket", with a bucket that does not depend on where a ticker's
 * history begins.
 *
 * <p><b>Eligibility.</b> A ticker is mined when it has at least {@code minBars} bars and its mean
 * volume over the bars of its last {@code liquidityDays} calendar days is at least
 * {@code minAvgVolume}; otherwise it is reported as an {@link Exclusion}. The window ends at the
 * ticker's last bar, so the rule does not depend on how much older history the miner is given.
 */
public final class MoveMiner {

    static final Comparator<Move> ORDER = Comparator.comparing(Move::startDate)
            .thenComparing(Move::direction)
            .thenComparingInt(Move::windowDays);

    private final MiningConfig config;

    public MoveMiner(MiningConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    /**
     * The start bucket of a day: {@code floor(weekdayIndex(date) / bucketDays)}, where
     * {@code weekdayIndex} counts Monday-to-Friday days since Monday 1970-01-05 (Saturday and
     * Sunday take the preceding Friday's index). Buckets hold {@code bucketDays} consecutive
     * weekdays, so a move keeps its bucket whatever history length the ticker is mined with
     * (a full study and a 90-day retrospective agree); an exchange holiday makes its bucket one
     * trading day shorter.
     */
    public static long startBucket(LocalDate date, int bucketDays) {
        long days = date.toEpochDay() - 4;
        long weekday = Math.floorDiv(days, 7) * 5 + Math.min(Math.floorMod(days, 7), 4);
        return Math.floorDiv(weekday, bucketDays);
    }

    /**
     * Mines every eligible ticker.
     *
     * @param dailyBars daily bars per ticker, each list in ascending date order, one bar a date
     * @param sectorOf  ticker to sector; null means {@link Move#UNKNOWN_SECTOR}
     */
    public MiningResult mine(Map<String, List<Candle>> dailyBars, Function<String, String> sectorOf) {
        List<Move> moves = new ArrayList<>();
        List<Exclusion> exclusions = new ArrayList<>();
        long candidates = 0;
        long bars = 0;
        int mined = 0;
        for (Map.Entry<String, List<Candle>> e : new TreeMap<>(dailyBars).entrySet()) {
            DailySeries series = DailySeries.of(e.getKey(), e.getValue(), config.liquidityDays());
            if (series.size() < config.minBars()) {
                exclusions.add(new Exclusion(series.ticker, Exclusion.Reason.TOO_SHORT, series.size(), series.avgVolume));
                continue;
            }
            if (series.avgVolume < config.minAvgVolume()) {
                exclusions.add(new Exclusion(series.ticker, Exclusion.Reason.ILLIQUID, series.size(), series.avgVolume));
                continue;
            }
            mined++;
            bars += series.size();
            BestPerBucket best = new BestPerBucket(series, config.bucketDays());
            candidates += scan(series, best);
            moves.addAll(best.moves(sectorName(sectorOf, series.ticker)));
        }
        return new MiningResult(moves, candidates, mined, bars, exclusions);
    }

    /** De-duplicated moves of one ticker, without the eligibility rules. */
    public List<Move> moves(String ticker, String sector, List<Candle> dailyBars) {
        DailySeries series = DailySeries.of(ticker, dailyBars, config.liquidityDays());
        BestPerBucket best = new BestPerBucket(series, config.bucketDays());
        scan(series, best);
        return best.moves(sector);
    }

    /** Every candidate of one ticker (all windows, all start days) before de-duplication. */
    public List<Move> candidates(String ticker, String sector, List<Candle> dailyBars) {
        DailySeries series = DailySeries.of(ticker, dailyBars, config.liquidityDays());
        List<Move> all = new ArrayList<>();
        scan(series, (direction, window, start, peak, pct) ->
                all.add(move(series, sector, direction, window, start, peak, pct)));
        all.sort(ORDER);
        return all;
    }

    /** A ticker's sector for its moves: {@link Move#UNKNOWN_SECTOR} when the map has none. */
    public static String sectorName(Function<String, String> sectorOf, String ticker) {
        String sector = sectorOf.apply(ticker);
        return sector == null || sector.isBlank() ? Move.UNKNOWN_SECTOR : sector;
    }

    static Move move(DailySeries s, String sector, MoveDirection direction, int window, int start, int peak,
                     double pct) {
        double peakPrice = direction == MoveDirection.UP ? s.high[peak] : s.low[peak];
        return new Move(s.ticker, sector, direction, window, s.dates[start], s.dates[peak], pct,
                s.close[start], peakPrice);
    }

    /** Scans all windows with monotonic deques; returns the number of candidates offered. */
    private long scan(DailySeries s, CandidateSink sink) {
        int n = s.size();
        int[] maxQ = new int[n];
        int[] minQ = new int[n];
        long count = 0;
        for (int w : config.windows()) {
            int maxHead = 0;
            int maxTail = 0;
            int minHead = 0;
            int minTail = 0;
            for (int j = 1; j < n; j++) {
                while (maxTail > maxHead && s.high[maxQ[maxTail - 1]] < s.high[j]) {
                    maxTail--;
                }
                maxQ[maxTail++] = j;
                while (minTail > minHead && s.low[minQ[minTail - 1]] > s.low[j]) {
                    minTail--;
                }
                minQ[minTail++] = j;
                int i = j - w;
                if (i < 0) {
                    continue;
                }
                while (maxQ[maxHead] <= i) {
                    maxHead++;
                }
                while (minQ[minHead] <= i) {
                    minHead++;
                }
                double close = s.close[i];
                if (!(close > 0)) {
                    continue;
                }
                int up = maxQ[maxHead];
                if (s.high[up] >= MoveThreshold.upTarget(close, config.minMovePct())) {
                    sink.offer(MoveDirection.UP, w, i, up, (s.high[up] - close) / close * 100.0);
                    count++;
                }
                int down = minQ[minHead];
                if (s.low[down] <= MoveThreshold.downTarget(close, config.minMovePct())) {
                    sink.offer(MoveDirection.DOWN, w, i, down, (s.low[down] - close) / close * 100.0);
                    count++;
                }
            }
        }
        return count;
    }

    /** Receives candidates in window order, then start order. */
    @FunctionalInterface
    interface CandidateSink {
        void offer(MoveDirection direction, int window, int start, int peak, double pct);
    }
}
