package io.edgeloop.connectors;

import io.edgeloop.connectors.FeedItem.Bar;
import io.edgeloop.connectors.FeedItem.DeadRow;
import io.edgeloop.core.candle.Candle;
import io.edgeloop.core.candle.CandleFiles;
import io.edgeloop.core.candle.CandleNormaliser;
import io.edgeloop.core.candle.SessionCalendar;
import io.edgeloop.core.candle.Timeframe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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

class CandleFeedTest {

    private static final String CSV_HEADER = "ts,open,high,low,close,volume\n";

    @TempDir
    Path dir;

    private CandleFeed feed(MapOffsets offsets) {
        return feed(offsets, 0, 1, Clock.systemUTC());
    }

    private CandleFeed feed(MapOffsets offsets, int index, int count, Clock clock) {
        return new CandleFeed(new CandleFileScanner(List.of(dir), 1_000, clock), offsets, Set.of(), Set.of(), OpenDateRange.ALL,
                index, count);
    }

    private static List<Bar> drain(CandleFeed feed, int max) {
        List<Bar> out = new ArrayList<>();
        while (feed.hasNext() && out.size() < max) {
            out.add(feed.next());
        }
        return out;
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
