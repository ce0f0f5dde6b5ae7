package io.edgeloop.connectors;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.edgeloop.connectors.FeedItem.Bar;
import io.edgeloop.connectors.FeedItem.DeadRow;
import io.edgeloop.core.candle.Candle;
import io.edgeloop.core.candle.CandleFiles;
import io.edgeloop.core.candle.CandleNormaliser;
import io.edgeloop.core.candle.SessionCalendar;
import io.edgeloop.core.candle.Timeframe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class CandleFeedTest {

    private static final String CSV_HEADER = "ts,open,high,low,close,volume\n";
    private static final LocalDate JAN_2 = LocalDate.of(2024, 1, 2);
    private static final LocalDate FEB_9 = LocalDate.of(2024, 2, 9);

    @TempDir
    Path dir;

    private CandleFeed feed(MapOffsets offsets) {
        return feed(offsets, 0, 1, Clock.systemUTC());
    }

    private CandleFeed feed(MapOffsets offsets, int index, int count, Clock clock) {
        return new CandleFeed(new CandleFileScanner(List.of(dir), 1_000, clock), offsets, Set.of(), Set.of(), OpenDateRange.ALL,
                index, count);
    }

    /** A feed that reads files however recently they were modified. */
    private CandleFeed feedWithoutMinAge() {
        return new CandleFeed(new CandleFileScanner(List.of(dir), 0, Clock.systemUTC()), new MapOffsets(), Set.of(),
                Set.of(), OpenDateRange.ALL, 0, 1);
    }

    /**
     * One series in two files: {@code a/ACME-D.csv} has the weekdays of January 2024 from the
     * 2nd, {@code b/ACME-D.csv} those of February up to the 9th. Returns the first.
     */
    private Path januaryThenFebruary() throws IOException {
        Path january = TestData.write(dir.resolve("a/ACME-D.csv"), weekdays(JAN_2, LocalDate.of(2024, 1, 31)));
        TestData.write(dir.resolve("b/ACME-D.csv"), weekdays(LocalDate.of(2024, 2, 1), FEB_9));
        return january;
    }

    private static List<Bar> drain(CandleFeed feed, int max) {
        List<Bar> out = new ArrayList<>();
        while (feed.hasNext() && out.size() < max) {
            out.add(feed.next());
        }
        return out;
    }

    /** A daily CSV file with one row per weekday from {@code from} to {@code to}, both included. */
    private static String weekdays(LocalDate from, LocalDate to) {
        StringBuilder b = new StringBuilder(CSV_HEADER);
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            if (d.getDayOfWeek().getValue() <= 5) {
                double p = 10 + d.getDayOfYear();
                b.append(d).append(',').append(p).append(',').append(p + 1).append(',').append(p - 1).append(',')
                        .append(p + 0.5).append(",1000\n");
            }
        }
        return b.toString();
    }

    private static List<LocalDate> weekdayList(LocalDate from, LocalDate to) {
        return from.datesUntil(to.plusDays(1)).filter(d -> d.getDayOfWeek().getValue() <= 5).toList();
    }

    private static List<LocalDate> openDates(List<Bar> bars) {
        return bars.stream().map(b -> LocalDate.ofInstant(Instant.ofEpochMilli(b.candle().openTime()), ZoneOffset.UTC))
                .toList();
    }

    private static int normalisedBars(Path file) throws IOException {
        var parsed = CandleFiles.read(file);
        return CandleNormaliser.normalise(parsed.candles(), SessionCalendar.forTicker(parsed.ticker())).candles().size();
    }

    @Test
    void shouldPublishEveryNormalisedBarOfRealFilesInCloseTimeOrder() throws IOException {
        Path aapl = TestData.copy("universe-daily/AAPL-D.json", dir);
        Path spyHourly = TestData.copy("history/SPY_60.json", dir);
        Path spyWeekly = TestData.copy("history/SPY_W.json", dir.resolve("weekly"));
        CandleFeed feed = feed(new MapOffsets());

        assertThat(feed.scan()).isEmpty();
        List<Bar> bars = drain(feed, Integer.MAX_VALUE);

        Map<SeriesKey, List<Candle>> bySeries = new HashMap<>();
        bars.forEach(b -> bySeries.computeIfAbsent(b.key(), k -> new ArrayList<>()).add(b.candle()));
        assertThat(bySeries.get(new SeriesKey("AAPL", Timeframe.D1))).hasSize(normalisedBars(aapl));
        assertThat(bySeries.get(new SeriesKey("SPY", Timeframe.H1))).hasSize(normalisedBars(spyHourly));
        assertThat(bySeries.get(new SeriesKey("SPY", Timeframe.W1))).hasSize(normalisedBars(spyWeekly));
        bySeries.values().forEach(series -> assertThat(series)
                .isSortedAccordingTo((a, b) -> Long.compare(a.openTime(), b.openTime()))
                .extracting(Candle::openTime).doesNotHaveDuplicates());
        assertThat(bars).extracting(Bar::closeTime).isSorted();
        assertThat(feed.pending()).isZero();
    }

    @Test
    void shouldResumeAtTheStoredOffsetWithoutLossOrDuplicates() throws IOException {
        TestData.copy("universe-daily/AAPL-D.json", dir);
        TestData.copy("history/SPY_W.json", dir);
        MapOffsets offsets = new MapOffsets();
        CandleFeed first = feed(offsets);
        first.scan();
        List<Bar> before = drain(first, 700);
        before.forEach(offsets::commit);

        CandleFeed restarted = feed(offsets);
        restarted.scan();
        List<Bar> after = drain(restarted, Integer.MAX_VALUE);

        CandleFeed once = feed(new MapOffsets());
        once.scan();
        List<Bar> all = drain(once, Integer.MAX_VALUE);
        List<Candle> resumed = new ArrayList<>(before.stream().map(Bar::candle).toList());
        resumed.addAll(after.stream().map(Bar::candle).toList());
        assertThat(resumed).containsExactlyElementsOf(all.stream().map(Bar::candle).toList());
    }

    @Test
    void shouldPublishOnlyTheAppendedBarsWhenAPublishedFileChanges() throws IOException {
        Path csv = TestData.write(dir.resolve("ACME-D.csv"), CSV_HEADER
                + "2024-01-02,10,11,9,10.5,1000\n"
                + "2024-01-03,10.5,12,10,11.5,1200\n");
        MapOffsets offsets = new MapOffsets();
        CandleFeed first = feed(offsets);
        first.scan();
        drain(first, Integer.MAX_VALUE).forEach(offsets::commit);

        TestData.write(csv, Files.readString(csv) + "2024-01-04,11.5,12.5,11,12,900\n2024-01-05,12,13,11.8,12.9,800\n");
        CandleFeed restarted = feed(offsets);
        restarted.scan();

        assertThat(drain(restarted, Integer.MAX_VALUE)).extracting(b -> Instant.ofEpochMilli(b.candle().openTime()))
                .containsExactly(Instant.parse("2024-01-04T00:00:00Z"), Instant.parse("2024-01-05T00:00:00Z"));
    }

    @Test
    void shouldExtendASeriesFromALaterFileWithoutMixingSources() throws IOException {
        TestData.write(dir.resolve("a/ACME-D.csv"), CSV_HEADER
                + "2024-01-02,10,11,9,10.5,1000\n2024-01-03,10.5,12,10,11.5,1200\n");
        TestData.write(dir.resolve("b/ACME-D.csv"), CSV_HEADER
                + "2024-01-03,20,21,19,20.5,5000\n2024-01-04,11.5,12.5,11,12,900\n");
        CandleFeed feed = feed(new MapOffsets());
        feed.scan();

        assertThat(drain(feed, Integer.MAX_VALUE)).extracting(b -> b.candle().close()).containsExactly(10.5, 11.5, 12.0);
    }

    @Test
    void shouldPickUpANewFileOnTheNextScan() throws IOException {
        TestData.copy("universe-daily/AAPL-D.json", dir);
        CandleFeed feed = feed(new MapOffsets());
        feed.scan();
        int aapl = drain(feed, Integer.MAX_VALUE).size();

        Path msft = TestData.copy("universe-daily/MSFT-D.json", dir);
        feed.scan();

        assertThat(aapl).isPositive();
        assertThat(drain(feed, Integer.MAX_VALUE)).hasSize(normalisedBars(msft))
                .allSatisfy(b -> assertThat(b.key().ticker()).isEqualTo("MSFT"));
    }

    @Test
    void shouldLeaveAFileStillBeingWrittenForALaterScan() throws IOException {
        Path csv = dir.resolve("ACME-D.csv");
        Files.writeString(csv, CSV_HEADER + "2024-01-02,10,11,9,10.5,1000\n");
        Instant written = Files.getLastModifiedTime(csv).toInstant();
        CandleFeed feed = feed(new MapOffsets(), 0, 1, Clock.fixed(written.plusMillis(500), ZoneOffset.UTC));

        feed.scan();

        assertThat(feed.hasNext()).isFalse();
    }

    /**
     * A file rewritten in place is too young to read for file.min.age.ms: its series keeps the
     * bars of the version read before, so the other file of the series does not take over and
     * the rest of the first file is still published.
     */
    @Test
    void shouldKeepPublishingAFileWhileItsNewVersionIsTooYoungToRead() throws IOException {
        Path january = januaryThenFebruary();
        CandleFeed feed = feed(new MapOffsets());
        feed.scan();
        List<Bar> published = new ArrayList<>(drain(feed, 5));

        Files.writeString(january, weekdays(JAN_2, LocalDate.of(2024, 2, 1)));
        assertThat(feed.scan()).isEmpty();
        published.addAll(drain(feed, Integer.MAX_VALUE));
        TestData.age(january);
        assertThat(feed.scan()).isEmpty();
        published.addAll(drain(feed, Integer.MAX_VALUE));

        assertThat(openDates(published)).as("all of January from a, then February from b, each once")
                .containsExactlyElementsOf(weekdayList(JAN_2, FEB_9));
    }

    @Test
    void shouldDropADeletedFileFromItsSeries() throws IOException {
        Path january = TestData.write(dir.resolve("a/ACME-D.csv"), weekdays(JAN_2, LocalDate.of(2024, 1, 31)));
        TestData.write(dir.resolve("b/ACME-D.csv"), weekdays(LocalDate.of(2024, 1, 29), LocalDate.of(2024, 2, 2)));
        CandleFeed feed = feed(new MapOffsets());
        feed.scan();
        assertThat(openDates(drain(feed, 2))).containsExactly(JAN_2, LocalDate.of(2024, 1, 3));

        Files.delete(january);
        feed.scan();

        assertThat(openDates(drain(feed, Integer.MAX_VALUE))).as("the series goes on from b alone")
                .containsExactlyElementsOf(weekdayList(LocalDate.of(2024, 1, 29), LocalDate.of(2024, 2, 2)));
    }

    /**
     * A broken export of a known file goes to the dead-letter topic once, and the series keeps
     * the bars of its last good version instead of skipping ahead to the other file's.
     */
    @Test
    void shouldKeepTheLastGoodBarsOfAFileWhoseNewVersionIsMalformed() throws IOException {
        Path january = januaryThenFebruary();
        CandleFeed feed = feed(new MapOffsets());
        feed.scan();
        List<Bar> published = new ArrayList<>(drain(feed, 5));

        TestData.write(january, "ts,open,high,low\n2024-01-02,10,11,9\n");
        List<DeadRow> dead = feed.scan();
        published.addAll(drain(feed, Integer.MAX_VALUE));

        assertThat(dead).singleElement().satisfies(d -> {
            assertThat(d.file()).isEqualTo(january.toAbsolutePath().normalize());
            assertThat(d.rowIndex()).isEqualTo(-1);
            assertThat(d.reason()).isEqualTo("ACME-D.csv: the CSV header has no close column"
                    + " (expected ts,open,high,low,close,volume)");
        });
        assertThat(openDates(published)).containsExactlyElementsOf(weekdayList(JAN_2, FEB_9));
        assertThat(feed.scan()).as("the broken version is reported once").isEmpty();
        assertThat(feed.hasNext()).isFalse();
    }

    /** A .json file broken before its candle array, or with a candle field that is no array, is reported, not passed over. */
    @Test
    void shouldDeadLetterAJsonFileThatIsMalformedOrWhoseCandlesAreNotAnArray() throws IOException {
        TestData.write(dir.resolve("ACME-D.json"), "{\"ticker\":\"ACME\",\"candles\":{\"ts\":1}}");
        TestData.write(dir.resolve("BETA-D.json"), "{\"ticker\": BETA, \"candles\": [");
        TestData.write(dir.resolve("EMPTY-D.json"), "");
        TestData.write(dir.resolve("sectors.json"), "{\"sectors\": {\"ACME\": \"Energy\"}}");
        CandleFeed feed = feed(new MapOffsets());

        List<DeadRow> dead = feed.scan();

        assertThat(dead).extracting(d -> d.file().getFileName().toString())
                .containsExactly("ACME-D.json", "BETA-D.json", "EMPTY-D.json");
        assertThat(dead).allSatisfy(d -> {
            assertThat(d.rowIndex()).isEqualTo(-1);
            assertThat(d.errorClass()).isEqualTo("io.edgeloop.core.candle.CandleFileException");
        });
        assertThat(dead.get(0).reason()).isEqualTo("ACME-D.json: 'candles' is not an array");
        assertThat(dead.get(1).reason()).startsWith("BETA-D.json: malformed JSON at line 1, column ")
                .contains("Unrecognized token 'BETA'");
        assertThat(dead.get(2).reason()).isEqualTo("EMPTY-D.json: expected a JSON object at the top level");
        assertThat(feed.hasNext()).isFalse();
    }

    /** A symbolic link to /proc/self/mem is a file that exists and fails with an I/O error when read, even for root. */
    private static void linkToUnreadable(Path link) throws IOException {
        Path mem = Path.of("/proc/self/mem");
        assumeTrue(Files.isRegularFile(mem), "no /proc/self/mem to make an unreadable file with");
        Files.createDirectories(link.getParent());
        try {
            Files.createSymbolicLink(link, mem);
        } catch (IOException | UnsupportedOperationException e) {
            assumeTrue(false, "cannot create a symbolic link: " + e);
        }
    }

    @Test
    void shouldPublishTheOtherFilesWhileOneCannotBeRead() throws IOException {
        TestData.write(dir.resolve("ACME-D.csv"), CSV_HEADER + "2024-01-02,10,11,9,10.5,1000\n");
        linkToUnreadable(dir.resolve("BAD-D.json"));
        linkToUnreadable(dir.resolve("BAD-D.csv"));
        CandleFeed feed = feedWithoutMinAge();
        ListAppender<ILoggingEvent> warnings = new ListAppender<>();
        warnings.start();
        List<Logger> loggers = List.of((Logger) LoggerFactory.getLogger(CandleFeed.class),
                (Logger) LoggerFactory.getLogger(CandleFileScanner.class));
        loggers.forEach(l -> l.addAppender(warnings));
        try {
            assertThat(feed.scan()).as("an unreadable file is retried, not dead-lettered").isEmpty();
            assertThat(drain(feed, Integer.MAX_VALUE)).extracting(b -> b.key().ticker() + "@" + b.candle().openTime())
                    .containsExactly("ACME@" + Instant.parse("2024-01-02T00:00:00Z").toEpochMilli());
            assertThat(feed.scan()).isEmpty();
            assertThat(feed.scan()).isEmpty();
        } finally {
            loggers.forEach(l -> l.detachAppender(warnings));
        }

        assertThat(warnings.list).as("one warning per unreadable file, not one per scan")
                .extracting(e -> e.getLevel() + " " + e.getFormattedMessage().replace(dir.toString(), "<dir>"))
                .containsExactlyInAnyOrder(
                        "WARN cannot read: <dir>/BAD-D.json (java.io.IOException: Input/output error); retried on every scan",
                        "WARN cannot read: <dir>/BAD-D.csv (java.io.IOException: Input/output error); retried on every scan");
    }

    @Test
    void shouldKeepTheBarsOfAKnownFileWhileItCannotBeRead() throws IOException {
        Path january = januaryThenFebruary();
        CandleFeed feed = feedWithoutMinAge();
        feed.scan();
        List<Bar> published = new ArrayList<>(drain(feed, 5));

        String good = Files.readString(january);
        Files.delete(january);
        linkToUnreadable(january);
        assertThat(feed.scan()).isEmpty();
        published.addAll(drain(feed, 3));
        Files.delete(january);
        TestData.write(january, good);
        assertThat(feed.scan()).isEmpty();
        published.addAll(drain(feed, Integer.MAX_VALUE));

        assertThat(openDates(published)).containsExactlyElementsOf(weekdayList(JAN_2, FEB_9));
    }

    /** Only where permissions bind (not as root): a directory that cannot be listed keeps the files known under it. */
    @Test
    void shouldKeepTheFilesOfADirectoryThatCannotBeListed() throws IOException {
        Path sub = dir.resolve("a");
        TestData.write(sub.resolve("ACME-D.csv"), weekdays(JAN_2, LocalDate.of(2024, 1, 31)));
        CandleFeed feed = feed(new MapOffsets());
        feed.scan();
        List<Bar> published = new ArrayList<>(drain(feed, 5));

        Set<PosixFilePermission> before = Files.getPosixFilePermissions(sub);
        Files.setPosixFilePermissions(sub, Set.of());
        try {
            assumeFalse(Files.isReadable(sub), "permissions do not bind here (root)");
            assertThat(feed.scan()).isEmpty();
            published.addAll(drain(feed, Integer.MAX_VALUE));
        } finally {
            Files.setPosixFilePermissions(sub, before);
        }

        assertThat(openDates(published)).containsExactlyElementsOf(weekdayList(JAN_2, LocalDate.of(2024, 1, 31)));
    }

    /** A file that fails as a whole in between keeps the mark of its reported rows: they are not reported again once it is fixed. */
    @Test
    void shouldReportARefusedRowOnceAcrossABrokenVersionOfItsFile() throws IOException {
        Path csv = TestData.write(dir.resolve("ACME-D.csv"), CSV_HEADER
                + "2024-01-02,10,11,9,10.5,1000\n"
                + "2024-01-03,10.5,9,10,11.5,1200\n");
        String good = Files.readString(csv);
        MapOffsets offsets = new MapOffsets();
        CandleFeed feed = feed(offsets);

        List<DeadRow> first = feed.scan();
        TestData.write(csv, "ts,open,high,low\n2024-01-02,10,11,9\n");
        List<DeadRow> broken = feed.scan();
        TestData.write(csv, good);
        List<DeadRow> fixed = feed.scan();

        assertThat(first).extracting(DeadRow::rowIndex).containsExactly(1L);
        assertThat(broken).singleElement().satisfies(d -> {
            assertThat(d.rowIndex()).isEqualTo(-1);
            assertThat(d.offset()).containsEntry("lastRow", 1L);
        });
        assertThat(fixed).isEmpty();
        first.forEach(offsets::commit);
        broken.forEach(offsets::commit);
        assertThat(feed(offsets).scan()).as("after a restart, from the stored offsets").isEmpty();
    }

    @Test
    void shouldReportInvalidRowsWithTheirReasonOnce() throws IOException {
        TestData.write(dir.resolve("ACME-D.csv"), CSV_HEADER
                + "2024-01-02,10,11,9,10.5,1000\n"
                + "2024-01-03,10.5,9,10,11.5,1200\n"
                + "2024-01-04,11.5,12.5,11,12,900\n");
        MapOffsets offsets = new MapOffsets();
        CandleFeed first = feed(offsets);
        List<DeadRow> dead = first.scan();

        assertThat(dead).singleElement().satisfies(d -> {
            assertThat(d.rowIndex()).isEqualTo(1);
            assertThat(d.ticker()).isEqualTo("ACME");
            assertThat(d.raw()).isEqualTo("2024-01-03,10.5,9,10,11.5,1200");
            assertThat(d.reason()).contains("high 9.0 is below low 10.0");
        });
        assertThat(drain(first, Integer.MAX_VALUE)).hasSize(2);

        dead.forEach(offsets::commit);
        assertThat(feed(offsets).scan()).isEmpty();
    }

    @Test
    void shouldPublishOnlyTheBarsOfTheDateRangeAndStillReportInvalidRows() throws IOException {
        TestData.write(dir.resolve("ACME-D.csv"), CSV_HEADER
                + "2024-01-02,10,11,9,10.5,1000\n"
                + "2024-01-03,10.5,9,10,11.5,1200\n"
                + "2024-01-04,11.5,12.5,11,12,900\n"
                + "2024-01-05,12,13,11.5,12.5,800\n"
                + "2024-01-08,12.5,13,12,12.8,700\n");
        OpenDateRange range = new OpenDateRange(LocalDate.of(2024, 1, 4), LocalDate.of(2024, 1, 5));
        MapOffsets offsets = new MapOffsets();
        CandleFeed feed = new CandleFeed(new CandleFileScanner(List.of(dir), 0, Clock.systemUTC()), offsets, Set.of(),
                Set.of(), range, 0, 1);

        assertThat(feed.scan()).as("a refused row is reported whatever its date")
                .singleElement().satisfies(d -> assertThat(d.raw()).isEqualTo("2024-01-03,10.5,9,10,11.5,1200"));
        List<Bar> bars = drain(feed, Integer.MAX_VALUE);
        assertThat(bars).extracting(b -> LocalDate.ofInstant(Instant.ofEpochMilli(b.candle().openTime()), ZoneOffset.UTC))
                .containsExactly(LocalDate.of(2024, 1, 4), LocalDate.of(2024, 1, 5));
        bars.forEach(offsets::commit);

        CandleFeed wider = new CandleFeed(new CandleFileScanner(List.of(dir), 0, Clock.systemUTC()), offsets, Set.of(),
                Set.of(), OpenDateRange.ALL, 0, 1);
        wider.scan();
        assertThat(drain(wider, Integer.MAX_VALUE)).as("another range resumes after the last published bar")
                .extracting(b -> LocalDate.ofInstant(Instant.ofEpochMilli(b.candle().openTime()), ZoneOffset.UTC))
                .containsExactly(LocalDate.of(2024, 1, 8));
    }

    @Test
    void shouldDeadLetterAFileThatCannotBeReadAtAll() throws IOException {
        TestData.write(dir.resolve("ACME-D.csv"), "ts,open,high,low\n2024-01-02,10,11,9\n");
        CandleFeed feed = feed(new MapOffsets());

        assertThat(feed.scan()).singleElement().satisfies(d -> {
            assertThat(d.rowIndex()).isEqualTo(-1);
            assertThat(d.ticker()).isNull();
            assertThat(d.reason()).contains("close");
            assertThat(d.errorClass()).isEqualTo("io.edgeloop.core.candle.CandleFileException");
        });
        assertThat(feed.hasNext()).isFalse();
    }

    @Test
    void shouldSplitTickersAcrossTasksWithoutOverlap() throws IOException {
        for (String t : List.of("AAPL", "MSFT", "NVDA", "SPY", "QQQ", "XLE")) {
            TestData.copy("universe-daily/" + t + "-D.json", dir);
        }
        List<String> zero = drainTickers(feed(new MapOffsets(), 0, 2, Clock.systemUTC()));
        List<String> one = drainTickers(feed(new MapOffsets(), 1, 2, Clock.systemUTC()));

        assertThat(zero).doesNotContainAnyElementsOf(one);
        assertThat(zero).isNotEmpty();
        assertThat(one).isNotEmpty();
        List<String> both = new ArrayList<>(zero);
        both.addAll(one);
        assertThat(new java.util.TreeSet<>(both)).containsExactly("AAPL", "MSFT", "NVDA", "QQQ", "SPY", "XLE");
    }

    @Test
    void shouldPublishOnlyTheConfiguredTickersAndIntervals() throws IOException {
        TestData.copy("universe-daily/AAPL-D.json", dir);
        TestData.copy("history/SPY_W.json", dir);
        TestData.copy("history/SPY_D.json", dir);
        CandleFeed feed = new CandleFeed(new CandleFileScanner(List.of(dir), 0, Clock.systemUTC()), new MapOffsets(),
                Set.of("SPY"), Set.of(Timeframe.W1), OpenDateRange.ALL, 0, 1);
        feed.scan();

        assertThat(drain(feed, Integer.MAX_VALUE)).extracting(Bar::key).containsOnly(new SeriesKey("SPY", Timeframe.W1));
    }

    private static List<String> drainTickers(CandleFeed feed) throws IOException {
        feed.scan();
        return drain(feed, Integer.MAX_VALUE).stream().map(b -> b.key().ticker()).distinct().toList();
    }
}
