package io.edgeloop.core.outcome;

import io.edgeloop.core.candle.Candle;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Batch form of {@link PendingOutcome}: the outcome of one prediction from a list of daily
 * candles and trades, for code that holds the candles at once (today the admin's tests, which
 * measure real outcomes for their seed records, and core's tests; the resolver and its
 * resolve-due request feed {@link PendingOutcome} as the candles stream in). Candles may be given
 * in any order and may include bars on or before the prediction's trading date: the same
 * no-look-ahead rule ({@link TradingDates}) drops them. Gives the same figures as feeding the
 * candles to a {@link PendingOutcome} in time order and then every trade. So a trade given here
 * counts (by {@link PendingOutcome#onTrade}) even when it came after the last horizon bar, where
 * the resolver, which offers a trade only to the predictions open when it arrives, would not.
 */
public final class OutcomeCalculator {

    private final OutcomeConfig config;

    public OutcomeCalculator(OutcomeConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    /** A calculator with {@link OutcomeConfig#defaults()}. */
    public static OutcomeCalculator withDefaults() {
        return new OutcomeCalculator(OutcomeConfig.defaults());
    }

    public OutcomeConfig config() {
        return config;
    }

    /**
     * The RESOLVED outcome when the candles hold all horizon bars after the prediction, else
     * empty (no expiry without a stream time; see {@link #resolve(PredictionTerms, List, List, long)}).
     */
    public Optional<Outcome> resolve(PredictionTerms terms, List<Candle> dailyCandles, List<TradeRef> trades) {
        PendingOutcome pending = accumulate(terms, dailyCandles, trades);
        return pending.isDue() ? Optional.of(pending.resolve()) : Optional.empty();
    }

    /**
     * The outcome as known at {@code streamTime}: RESOLVED when all horizon bars are in,
     * EXPIRED when stream time reached the expiry time first, else empty.
     */
    public Optional<Outcome> resolve(PredictionTerms terms, List<Candle> dailyCandles, List<TradeRef> trades,
                                     long streamTime) {
        return accumulate(terms, dailyCandles, trades).tryResolve(streamTime);
    }

    private PendingOutcome accumulate(PredictionTerms terms, List<Candle> dailyCandles, List<TradeRef> trades) {
        Objects.requireNonNull(dailyCandles, "dailyCandles");
        Objects.requireNonNull(trades, "trades");
        PendingOutcome pending = PendingOutcome.open(terms, config);
        List<Candle> ordered = new ArrayList<>(dailyCandles);
        ordered.sort(Comparator.comparingLong(Candle::openTime));
        for (Candle candle : ordered) {
            pending.onDailyCandle(candle);
        }
        for (TradeRef trade : trades) {
            pending.onTrade(trade);
        }
        return pending;
    }
}
