package io.edgeloop.core.retro;

import io.edgeloop.core.candle.Aggregator;
import io.edgeloop.core.candle.Candle;
import io.edgeloop.core.candle.SessionCalendar;
import io.edgeloop.core.candle.Timeframe;
import io.edgeloop.core.mining.Trail;
import io.edgeloop.core.snapshot.Snapshot;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What the retrospective service keeps from the topics, per ticker: daily bars (from daily
 * candles as they are, or aggregated from intraday candles on the ticker's calendar; a later
 * candle of the same date replaces the earlier one) and the daily trail (the last snapshot of
 * each exchange date). Entries older than {@code keepDays} calendar days before the newest date
 * are dropped, so memory stays bounded. Not thread-safe.
 */
public final class DailyBook implements TrailSource {

    private final int keepDays;
    private final Map<String, DatedList<Candle>> bars = new TreeMap<>();
    private final Map<String, DatedList<Snapshot>> trails = new HashMap<>();
    private final Map<String, Aggregator> aggregators = new HashMap<>();

    /** @param keepDays calendar days of history kept behind each ticker's newest date (> 0) */
    public DailyBook(int keepDays) {
        if (keepDays < 1) {
            throw new IllegalArgumentException("keepDays must be >= 1, got " + keepDays);
        }
        this.keepDays = keepDays;
    }

    /** Adds a candle of any interval; intraday candles count once their session day closes. */
    public void addCandle(Candle c) {
        if (c.interval() == Timeframe.D1) {
            putBar(c);
        } else if (c.interval().intraday()) {
            Aggregator a = aggregators.computeIfAbsent(c.ticker() + "/" + c.interval().code(), k ->
                    new Aggregator(SessionCalendar.forTicker(c.ticker()), c.interval(), EnumSet.of(Timeframe.D1)));
            a.update(c, bar -> putBar(bar.toCandle(c.ticker(), c.source())));
        }
    }

    /** Adds the snapshot of a ticker at the close of a bar on an exchange date; the last one of a date wins. */
    public void addSnapshot(String ticker, LocalDate date, Snapshot snapshot) {
        DatedList<Snapshot> trail = trails.computeIfAbsent(ticker, t -> new DatedList<>());
        trail.put(date, snapshot.copy());
        trim(trail);
    }

    /** Daily bars per ticker, ascending. */
    public Map<String, List<Candle>> dailyBars() {
        Map<String, List<Candle>> out = new TreeMap<>();
        bars.forEach((ticker, m) -> out.put(ticker, List.copyOf(m.values())));
        return out;
    }

    @Override
    public Optional<Trail> trail(String ticker) {
        DatedList<Snapshot> trail = trails.get(ticker);
        if (trail == null || trail.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Trail.of(trail.dates(), trail.values()));
    }

    /** Tickers with bars. */
    public int tickers() {
        return bars.size();
    }

    /** Files a daily bar under its trade date ({@link SessionCalendar#tradeDate}), restamped at that date 00:00 UTC. */
    private void putBar(Candle c) {
        long day = SessionCalendar.forTicker(c.ticker()).tradeDate(c.openTime());
        DatedList<Candle> m = bars.computeIfAbsent(c.ticker(), t -> new DatedList<>());
        m.put(LocalDate.ofEpochDay(day), c.withOpenTime(day * 86_400_000L));
        trim(m);
    }

    private void trim(DatedList<?> m) {
        m.dropBefore(m.lastDate().minusDays(keepDays));
    }
}
