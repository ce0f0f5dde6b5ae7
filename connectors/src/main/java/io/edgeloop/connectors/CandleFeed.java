package io.edgeloop.connectors;

import io.edgeloop.connectors.CandleFileScanner.FileStat;
import io.edgeloop.connectors.FeedItem.Bar;
import io.edgeloop.connectors.FeedItem.DeadRow;
import io.edgeloop.core.candle.Candle;
import io.edgeloop.core.candle.SessionCalendar;
import io.edgeloop.core.candle.Timeframe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeSet;

/**
 * The candle source without Kafka: scans the files, keeps one time-ordered chain of bars per
 * series ({@link SeriesChain}), and hands out the bars of all its series merged by close time
 * ({@link io.edgeloop.core.candle.BarClose}; ties: ticker, then the shorter interval), so the stream moves forward
 * in time across tickers as a live feed would. Refused rows come out as {@link DeadRow}s.
 *
 * <p>Resuming. Each bar carries its series' offset: the count of bars published
 * ({@code position}), the last open time, and the fingerprint of the series' files (path, size
 * and modification time of each). On (re)start the stored offset is looked up when a series is
 * first seen: an unchanged series resumes at {@code position}; a changed one (a file appended
 * to, added or removed) resumes after {@code lastOpenTime}. Bars at or before it are never sent
 * again: the candles topic is an append-only log of closed bars, and a revision of a published
 * bar is a downstream matter (BarSequencer). Dead rows resume alike per file ({@link DeadRowLog}).
 *
 * <p>Ownership. With several tasks each owns the tickers whose {@code hashCode} modulo the task
 * count is its index (files that cannot be read at all: by path), so a ticker's series are
 * ordered by one task. Every task reads every file once per version to learn its ticker.
 *
 * <p>Not thread-safe: the task's poll thread owns it.
 */
final class CandleFeed {

    /** Reads stored Connect offsets for source partitions (absent = never published). */
    @FunctionalInterface
    interface OffsetLookup {
        Map<Map<String, Object>, Map<String, Object>> stored(Collection<Map<String, Object>> partitions);
    }

    private static final Logger LOG = LoggerFactory.getLogger(CandleFeed.class);

    /**
     * A known file.
     *
     * @param latest its last version read (perhaps failed), so an unchanged file is not read again
     * @param served the read whose bars its series uses: {@code latest}, or after a failed version
     *               the last good one; null when the file was never read well
     */
    private record Known(CandleFileRead latest, CandleFileRead served) {

        SeriesKey key() {
            return served == null ? null : served.key();
        }
    }

    private final CandleFileScanner scanner;
    private final OffsetLookup offsets;
    private final DeadRowLog deadRows;
    private final Set<String> tickers;
    private final Set<Timeframe> intervals;
    private final OpenDateRange dates;
    private final int taskIndex;
    private final int taskCount;
    private final Map<Path, Known> files = new HashMap<>();
    private final RetryWarnings unreadable = new RetryWarnings(LOG);
    private final Map<SeriesKey, SeriesCursor> series = new HashMap<>();
    private final PriorityQueue<SeriesCursor> queue = new PriorityQueue<>(Comparator
            .comparingLong(SeriesCursor::headCloseTime)
            .thenComparing(SeriesCursor::key, SeriesKey.ORDER));

    /**
     * @param scanner   lists the files
     * @param offsets   stored offsets
     * @param tickers   tickers to publish, empty = all
     * @param intervals intervals to publish, empty = all
     * @param dates     open dates of the bars to publish
     * @param taskIndex this task's index
     * @param taskCount number of tasks
     */
    CandleFeed(CandleFileScanner scanner, OffsetLookup offsets, Set<String> tickers, Set<Timeframe> intervals,
               OpenDateRange dates, int taskIndex, int taskCount) {
        this.scanner = scanner;
        this.offsets = offsets;
        this.deadRows = new DeadRowLog(offsets);
        this.tickers = Set.copyOf(tickers);
        this.intervals = Set.copyOf(intervals);
        this.dates = dates;
        this.taskIndex = taskIndex;
        this.taskCount = taskCount;
    }

    /**
     * Scans the files, reads new and changed ones, and re-chains the series they belong to. A
     * known file that is there but not ready now (see {@link CandleFileScanner}) or cannot be
     * read now keeps its last read in its series; only a file that is gone leaves it. A new
     * version that is malformed as a whole goes to the dead-letter topic, and its series keeps
     * the bars of the file's last good version.
     *
     * @return the dead rows found in new and changed files, to publish before further bars
     */
    List<DeadRow> scan() {
        CandleFileScanner.Scan found = scanner.scan();
        Set<Path> ready = new HashSet<>();
        Set<SeriesKey> touched = new TreeSet<>(SeriesKey.ORDER);
        List<CandleFileRead> changed = new ArrayList<>();
        for (FileStat stat : found.ready()) {
            ready.add(stat.path());
            Known cached = files.get(stat.path());
            if (cached != null && cached.latest().stat().equals(stat)) {
                continue;
            }
            CandleFileRead read;
            try {
                read = CandleFileRead.read(stat);
            } catch (IOException e) {
                unreadable.failed(stat.path(), stat.fingerprint(), "cannot read", e);
                continue;
            }
            boolean owned = owns(read);
            CandleFileRead kept = owned ? read : read.withoutBars();
            if (read.failed() && cached != null && cached.served() != null) {
                files.put(stat.path(), new Known(kept, cached.served()));
            } else {
                files.put(stat.path(), new Known(kept, read.failed() ? null : kept));
                if (cached != null && cached.key() != null) {
                    touched.add(cached.key());
                }
                if (owned && read.key() != null) {
                    touched.add(read.key());
                }
            }
            if (owned) {
                changed.add(read);
            }
        }
        unreadable.scanDone();
        for (Path path : new ArrayList<>(files.keySet())) {
            if (!ready.contains(path) && !found.mayBePresent(path)) {
                Known removed = files.remove(path);
                if (removed.key() != null) {
                    touched.add(removed.key());
                }
            }
        }
        List<DeadRow> dead = deadRows.reportable(changed);
        rechain(touched);
        return dead;
    }

    /** True when a bar is waiting. */
    boolean hasNext() {
        return !queue.isEmpty();
    }

    /** The event time of the next bar; only when {@link #hasNext()}. */
    long nextCloseTime() {
        return queue.element().headCloseTime();
    }

    /** Takes the next bar in close-time order; only when {@link #hasNext()}. */
    Bar next() {
        SeriesCursor cursor = queue.remove();
        Bar bar = cursor.take();
        if (cursor.hasNext()) {
            queue.add(cursor);
        }
        return bar;
    }

    /** Bars known (in chains of owned series) and not yet handed out. */
    long pending() {
        long n = 0;
        for (SeriesCursor c : queue) {
            n += c.remaining();
        }
        return n;
    }

    /** Series this task owns. */
    int seriesCount() {
        return series.size();
    }

    private boolean owns(CandleFileRead read) {
        if (read.failed()) {
            return Math.floorMod(read.stat().path().toString().hashCode(), taskCount) == taskIndex;
        }
        SeriesKey key = read.key();
        return (tickers.isEmpty() || tickers.contains(key.ticker()))
                && (intervals.isEmpty() || intervals.contains(key.interval()))
                && Math.floorMod(key.ticker().hashCode(), taskCount) == taskIndex;
    }

    private void rechain(Set<SeriesKey> touched) {
        List<Map<String, Object>> unknown = new ArrayList<>();
        for (SeriesKey key : touched) {
            if (!series.containsKey(key)) {
                unknown.add(key.partition());
            }
        }
        Map<Map<String, Object>, Map<String, Object>> stored = unknown.isEmpty() ? Map.of() : offsets.stored(unknown);
        for (SeriesKey key : touched) {
            List<SeriesChain.FileBars> members = new ArrayList<>();
            List<FileStat> stats = new ArrayList<>();
            for (Known known : files.values()) {
                CandleFileRead read = known.served();
                if (read != null && key.equals(read.key()) && read.bars() != null) {
                    members.add(new SeriesChain.FileBars(read.stat().path(), read.bars()));
                    stats.add(read.stat());
                }
            }
            SeriesCursor cursor = series.get(key);
            if (cursor == null) {
                if (members.isEmpty()) {
                    continue;
                }
                cursor = SeriesCursor.resumed(key, SessionCalendar.forTicker(key.ticker()), stored.get(key.partition()));
                series.put(key, cursor);
            }
            queue.remove(cursor);
            SeriesChain.Chained chained = SeriesChain.chain(members);
            if (chained.skipped() > 0) {
                LOG.info("{}: {} files, {} bars dropped where an earlier file already covers the time", key,
                        members.size(), chained.skipped());
            }
            List<Candle> bars = dates.all() ? chained.bars()
                    : chained.bars().stream().filter(c -> dates.contains(c.openTime())).toList();
            cursor.reset(fingerprint(stats, dates), bars);
            if (cursor.hasNext()) {
                queue.add(cursor);
            }
        }
    }

    /**
     * The version of a series as published: a hash of each member file's path, size and
     * modification time, and of the date range when there is one (another range is another
     * list of bars, so the series resumes after its last published bar, not at a position).
     */
    static String fingerprint(List<FileStat> members, OpenDateRange dates) {
        List<FileStat> sorted = new ArrayList<>(members);
        sorted.sort(Comparator.comparing(FileStat::path));
        StringBuilder b = new StringBuilder();
        for (FileStat s : sorted) {
            b.append(s.path()).append('|').append(s.fingerprint()).append('\n');
        }
        if (!dates.all()) {
            b.append("dates|").append(dates).append('\n');
        }
        return Fingerprint.of(b.toString());
    }

    static long asLong(Object value) {
        return value instanceof Number n ? n.longValue() : Long.parseLong(String.valueOf(value));
    }

}
