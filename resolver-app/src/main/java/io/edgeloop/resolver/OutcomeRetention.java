package io.edgeloop.resolver;


import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * The retention rule of the outcome tasks' stores, so they do not grow without bound.
 *
 * <p>Rule: with {@code cutoff = stream time - retention} (default 90 days, at least 30):
 * <ul>
 *   <li>a resolved prediction (it has an outcome) whose bar time is before the cutoff is
 *       forgotten: its entries in {@code resolver-predictions}, {@code resolver-outcomes} and
 *       {@code resolver-trade-links} are deleted (the topics keep them forever);</li>
 *   <li>a prediction whose bar time is before the cutoff is refused when it arrives, so a
 *       forgotten id can never get a second outcome: exactly one outcome per prediction still
 *       holds, because every id is either remembered or too old to be accepted. Such a late
 *       prediction could not be measured anyway: its horizon's candles are past the 30 days
 *       {@code candles} keeps, and its horizon plus grace ended long before;</li>
 *   <li>a ticker that sent no bar since the cutoff and has no open prediction loses its
 *       {@code resolver-ticker-days} and {@code resolver-forming-days} entries.</li>
 * </ul>
 * Open predictions are never dropped: the sweep expires them at horizon + grace. The purge runs
 * once a day of stream time (at the first record of each UTC day, see
 * {@code OutcomeProcessor#runDue}), so a replay purges as it goes and a restart loses nothing (the
 * deletes are changelogged in the same transaction).
 */
final class OutcomeRetention {

    /** Default retention: a quarter of stream time. */
    static final Duration DEFAULT = Duration.ofDays(90);
    /** Shortest retention: longer than a default horizon plus grace (about two weeks) and than candles' 30 days. */
    static final Duration MINIMUM = Duration.ofDays(30);
    /** Stream-time interval of the purge. */
    static final Duration PURGE_INTERVAL = Duration.ofDays(1);

    /** What one purge forgets: the resolved predictions, by id, and the silent tickers. */
    record Purged(List<String> predictions, List<String> tickers) {
        boolean any() {
            return !predictions.isEmpty() || !tickers.isEmpty();
        }
    }

    private final long retentionMs;

    OutcomeRetention(Duration retention) {
        this.retentionMs = Objects.requireNonNull(retention, "retention").toMillis();
    }

    /** Bar times before this are too old at {@code streamTime}: stream time minus the retention. */
    long cutoff(long streamTime) {
        return streamTime == Long.MIN_VALUE ? Long.MIN_VALUE : streamTime - retentionMs;
    }

    /** True when a prediction with this bar time must be refused at {@code streamTime}. */
    boolean tooOld(long barTime, long streamTime) {
        return barTime < cutoff(streamTime);
    }

    /**
     * What to forget at {@code streamTime} (see the class doc): the resolved predictions older
     * than the cutoff and the silent tickers. The caller deletes them.
     *
     * @param predictionTimes bar time of each prediction held, by id
     * @param resolved        whether a prediction has its outcome
     * @param lastBar         open time of each ticker's latest bar, daily or intraday
     * @param hasOpen         whether a ticker has an open prediction
     */
    Purged purge(long streamTime, Map<String, Long> predictionTimes, Predicate<String> resolved,
                 Map<String, Long> lastBar, Predicate<String> hasOpen) {
        long cutoff = cutoff(streamTime);
        List<String> old = new ArrayList<>();
        predictionTimes.forEach((id, time) -> {
            if (time < cutoff && resolved.test(id)) {
                old.add(id);
            }
        });
        List<String> silent = new ArrayList<>();
        lastBar.forEach((ticker, last) -> {
            if (last < cutoff && !hasOpen.test(ticker)) {
                silent.add(ticker);
            }
        });
        return new Purged(old, silent);
    }
}
