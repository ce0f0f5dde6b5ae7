package io.edgeloop.core.retro;

import io.edgeloop.core.candle.Aggregator;
import io.edgeloop.core.candle.BarClose;
import io.edgeloop.core.candle.Candle;
import io.edgeloop.core.candle.MutableBar;
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
 *
 * <p>A daily bar aggregated from intraday candles is filed when its session's last candle
 * completes it (the 15:30 hourly bar of a US equity), when a candle of a later session arrives,
 * or when {@link #advanceTo} passes the close of its date. The calendar does not know half days
 * (they are taken from the data, see {@link SessionCalendar}): the hourly bars of Friday
 * 2025-11-28 end at 13:00 New York, and nothing in them says that the 12:30 bar is the last, so
 * the reader of the book advances it to its data time before it reads, e.g. the retrospective
 * service to the scheduled instant of a run (Fridays 21:15 UTC, after the 16:00 close).
 */
public final class DailyBook implements TrailSource {

    private final int keepDays;
    private final Map<String, DatedList<Candle>> bars = new TreeMap<>();
    private final Map<String, DatedList<Snapshot>> trails = new HashMap<>();
    private final Map<String, Feed> feeds = new TreeMap<>();

    /** One ticker's intraday candles of one interval, aggregated to session days. */
    private static final class Feed {
        final String ticker;
        final Aggregator aggregator;
        /** Source of the last candle merged: the source of the aggregated bar. */
        String source;

        Feed(String ticker, Timeframe interval) {
            this.ticker = ticker;
            this.aggregator = new Aggregator(SessionCalendar.forTicker(ticker), interval, EnumSet.of(Timeframe.D1));
        }
    }

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
            Feed f = feeds.computeIfAbsent(c.ticker() + "/" + c.interval().code(), k -> new Feed(c.ticker(),
                    c.interval()));
            f.source = c.source();
            f.aggregator.update(c, bar -> putBar(bar.toCandle(c.ticker(), c.source())));
        }
    }

    /**
     * Files the daily bar still forming from each ticker's intraday candles whose session is over
     * at the given data time (epoch ms): its date's close by {@link BarClose}, 16:00 New York for
     * US equities, also on a half day, and 24:00 UTC for crypto. Event time only: pass the data
     * time up to which candles have been added, never a later one. Without look-ahead: a session
     * still open at that time is not filed. The bar stays forming, so a late candle of its date
     * still goes into it, and it is filed again when it closes or at the next call.
     */
    public void advanceTo(long dataTime) {
        for (Feed f : feeds.values()) {
            MutableBar day = f.aggregator.forming(Timeframe.D1);
            if (!day.isEmpty() && dataTime >= BarClose.of(day.openTime(), Timeframe.D1, f.aggregator.calendar())) {
                putBar(day.toCandle(f.ticker, f.source));
            }
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
