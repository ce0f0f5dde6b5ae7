package io.edgeloop.core.candle;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CandleFilesTest {

    private static final Logger LOG = LoggerFactory.getLogger(CandleFilesTest.class);

    @TempDir
    Path tmp;

    @Test
    void shouldReadTickerJsonOfTheUniverse() {
        ParsedFile f = TestData.read("universe-daily/SPY-D.json");
        assertThat(f.ticker()).isEqualTo("SPY");
        assertThat(f.interval()).isEqualTo(Timeframe.D1);
        assertThat(f.format()).isEqualTo(CandleFormat.TICKER_JSON);
        assertThat(f.source()).isEqualTo("SPY-D.json");
        assertThat(f.candles()).hasSize(500);
        assertThat(f.errors()).isEmpty();
        Candle first = f.candles().get(0);
        assertThat(first.openTime()).isEqualTo(1_742_961_600_000L);
        assertThat(first.open()).isEqualTo(575.19);
        assertThat(first.high()).isEqualTo(576.33);
        assertThat(first.low()).isEqualTo(567.19);
        assertThat(first.close()).isEqualTo(568.59);
        assertThat(first.volume()).isEqualTo(52_228_898);
    }

    @Test
    void shouldPreferTheFileTickerFieldOverTheFileName() {
        assertThat(TestData.read("universe-daily/ES1_-D.json").ticker()).isEqualTo("ES1!");
        assertThat(TestData.read("universe-daily/BTCUSD-D.json").ticker()).isEqualTo("BTC-USD");
        assertThat(TestData.read("universe-daily/BRK-B-D.json").ticker()).isEqualTo("BRK-B");
    }

    @Test
    void shouldReadNullVolumeAsZeroAndCountIt() {
        ParsedFile f = TestData.read("universe-daily/CL1_-D.json");
        assertThat(f.missingVolume()).isEqualTo(300);
        assertThat(f.errors()).isEmpty();
        assertThat(f.candles()).hasSize(353);
        assertThat(f.candles().get(0).volume()).isZero();
    }

    @Test
    void shouldReadHistoryJsonWithItsIntervalAndVendor() {
        ParsedFile f = TestData.read("history/SPY_60.json");
        assertThat(f.ticker()).isEqualTo("SPY");
        assertThat(f.interval()).isEqualTo(Timeframe.H1);
        assertThat(f.format()).isEqualTo(CandleFormat.HISTORY_JSON);
        assertThat(f.source()).isEqualTo("tradingview");
        assertThat(f.candles()).hasSize(2500);
        assertThat(Instant.ofEpochMilli(f.candles().get(0).openTime())).isEqualTo(Instant.parse("2025-01-14T14:30:00Z"));
        assertThat(TestData.read("history/SPY_W.json").interval()).isEqualTo(Timeframe.W1);
        assertThat(TestData.read("history/UNH_D.json").candles()).hasSize(10_499);
    }

    @Test
    void shouldReadStringJsonTakingTickerAndIntervalFromTheFileName() {
        ParsedFile f = TestData.read("etf-daily/YahooFinance-XLK-PT1D-20190102_20260710.json");
        assertThat(f.ticker()).isEqualTo("XLK");
        assertThat(f.interval()).isEqualTo(Timeframe.D1);
        assertThat(f.format()).isEqualTo(CandleFormat.STRING_JSON);
        assertThat(f.source()).isEqualTo("YahooFinance");
        assertThat(f.candles().get(0).openTime()).isEqualTo(1_546_439_400_000L);
    }

    @Test
    void shouldReadCryptoFilesWithCanonicalPairSymbols() {
        ParsedFile btc = TestData.read("crypto/Coinbase-BTC-USD-PT4H-20160518_20251028.json");
        assertThat(btc.ticker()).isEqualTo("BTC-USD");
        assertThat(btc.interval()).isEqualTo(Timeframe.H4);
        assertThat(btc.candles()).hasSize(20_695);
        ParsedFile index = TestData.read("crypto/TradingView-INDEX_BTCUSD-PT1D-20091005_20260306.json");
        assertThat(index.ticker()).isEqualTo("BTC-USD");
        assertThat(index.source()).isEqualTo("TradingView");
        assertThat(index.candles()).hasSize(5_905);
    }

    @Test
    void shouldTurnCoinbaseEndTimeIntoOpenTime() {
        ParsedFile f = TestData.read("crypto/Coinbase-ETH-USD-PT1D-20160517_20260310.json");
        assertThat(f.format()).isEqualTo(CandleFormat.OHLC_END_TIME_JSON);
        assertThat(f.ticker()).isEqualTo("ETH-USD");
        Candle first = f.candles().get(0);
        assertThat(Instant.ofEpochMilli(first.openTime())).isEqualTo(Instant.parse("2016-05-18T00:00:00Z"));
        assertThat(first.open()).isEqualTo(12.5);
        assertThat(first.high()).isEqualTo(14.93);
        assertThat(f.candles()).allSatisfy(c -> assertThat(c.openTime() % EpochDays.DAY_MS).isZero());
    }

    @Test
    void shouldListEveryCandleFileIgnoringReadmeAndSectors() throws IOException {
        List<Path> files = CandleFiles.list(TestData.dir());
        assertThat(files).hasSize(238 + 30 + 36 + 4);
        assertThat(files).noneMatch(p -> p.getFileName().toString().equals("sectors.json"))
                .noneMatch(p -> p.getFileName().toString().startsWith("README"));
        assertThat(CandleFiles.isCandleFile(TestData.file("sectors.json"))).isFalse();
    }

    /**
     * Measured as this thread's CPU time, which does not depend on how busy the machine is;
     * wall time is logged next to it.
     */
    @Test
    void shouldParseTheWholeDataSetWithoutErrorsInUnderTwoSecondsOfCpu() throws IOException {
        List<Path> files = CandleFiles.list(TestData.dir());
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long start = System.nanoTime();
        long cpuStart = threads.getCurrentThreadCpuTime();
        int bars = 0;
        int errors = 0;
        int missingVolume = 0;
        for (Path p : files) {
            ParsedFile f = CandleFiles.read(p, TestData.VALIDATOR);
            bars += f.candles().size();
            errors += f.errors().size();
            missingVolume += f.missingVolume();
        }
        double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        double seconds = (System.nanoTime() - start) / 1e9;
        LOG.info("parsed {} files, {} bars, {} row errors, {} rows without volume in {} s CPU ({} s wall)",
                files.size(), bars, errors, missingVolume, String.format("%.3f", cpuSeconds),
                String.format("%.3f", seconds));
        assertThat(bars).isEqualTo(452_708);
        assertThat(errors).isZero();
        assertThat(missingVolume).isEqualTo(300 + 449 + 446);
        assertThat(cpuSeconds).isLessThan(2.0);
    }

    @Test
    void shouldReadCsvWithEpochMillisAndIsoTimestamps() throws IOException {
        Path csv = tmp.resolve("SPY_60.csv");
        Files.writeString(csv, """
                ts,open,high,low,close,volume
                1736865000000,584.34,585,581.97,583.15,1250793
                2025-01-14T15:30:00Z,583.17,583.61,580.2,580.85,622111
                2025-01-14T11:30:00-05:00,580.84,581.41,578.58,579.73,541901
                """);
        ParsedFile f = CandleFiles.read(csv, TestData.VALIDATOR);
        assertThat(f.ticker()).isEqualTo("SPY");
        assertThat(f.interval()).isEqualTo(Timeframe.H1);
        assertThat(f.format()).isEqualTo(CandleFormat.CSV);
        assertThat(f.errors()).isEmpty();
        assertThat(f.candles()).extracting(Candle::openTime)
                .containsExactly(1_736_865_000_000L, 1_736_868_600_000L, 1_736_872_200_000L);
    }

    @Test
    void shouldReadCsvColumnsByHeaderNameAndInferTheInterval() throws IOException {
        Path csv = tmp.resolve("brk.b.csv");
        Files.writeString(csv, """
                date,close,open,high,low
                2025-03-03,480,478,482,475
                2025-03-04,481,480,483,479
                2025-03-05,482,481,484,480
                """);
        ParsedFile f = CandleFiles.read(csv, TestData.VALIDATOR);
        assertThat(f.ticker()).isEqualTo("BRK-B");
        assertThat(f.interval()).isEqualTo(Timeframe.D1);
        assertThat(f.missingVolume()).isEqualTo(3);
        assertThat(f.candles().get(0).close()).isEqualTo(480);
        assertThat(f.candles().get(0).open()).isEqualTo(478);
    }

    @Test
    void shouldReportEveryInvalidCsvRowWithItsIndexRawTextAndReason() throws IOException {
        Path csv = tmp.resolve("TEST-D.csv");
        Files.writeString(csv, """
                ts,open,high,low,close,volume
                1736865000000,10,11,9,10,100
                1736951400000,10,9,11,10,100
                yesterday,10,11,9,10,100
                1737124200000,10,11,9,abc,100
                1737210600000,10,11,9,10,-1
                1737297000000,10,11,9,10,100
                """);
        ParsedFile f = CandleFiles.read(csv, TestData.VALIDATOR);
        assertThat(f.candles()).hasSize(2);
        assertThat(f.errors()).extracting(RowError::rowIndex).containsExactly(1, 2, 3, 4);
        assertThat(f.errors().get(0).raw()).isEqualTo("1736951400000,10,9,11,10,100");
        assertThat(f.errors().get(0).reason()).contains("high 9.0 is below low 11.0");
        assertThat(f.errors().get(1).reason()).contains("neither epoch milliseconds nor ISO-8601");
        assertThat(f.errors().get(2).reason()).isEqualTo("close 'abc' is not a number");
        assertThat(f.errors().get(3).reason()).isEqualTo("volume is negative (-1.0)");
    }

    @Test
    void shouldReportInvalidJsonRowsWithTheirRawText() throws IOException {
        Path json = tmp.resolve("TEST-D.json");
        Files.writeString(json, """
                {"ticker": "test", "candles": [
                  {"ts": 1736865000000, "o": 10, "h": 11, "l": 9, "c": 10, "v": 100},
                  {"ts": 1736951400000, "o": 10, "h": 11, "l": 9, "v": 100},
                  {"ts": 1737037800000, "o": "x", "h": 11, "l": 9, "c": 10, "v": 100},
                  [1, 2, 3],
                  {"ts": 1737124200000, "o": 10, "h": 11, "l": 9, "c": 12, "v": 100}
                ]}
                """);
        ParsedFile f = CandleFiles.read(json, TestData.VALIDATOR);
        assertThat(f.ticker()).isEqualTo("TEST");
        assertThat(f.candles()).hasSize(1);
        assertThat(f.errors()).extracting(RowError::rowIndex).containsExactly(1, 2, 3, 4);
        assertThat(f.errors().get(0).reason()).isEqualTo("missing or null close");
        assertThat(f.errors().get(0).raw()).isEqualTo("{\"ts\": 1736951400000, \"o\": 10, \"h\": 11, \"l\": 9, \"v\": 100}");
        assertThat(f.errors().get(1).reason()).isEqualTo("field 'o' is not a number: x");
        assertThat(f.errors().get(2).reason()).isEqualTo("row is not a JSON object");
        assertThat(f.errors().get(3).reason()).contains("high 11.0 is below max(open, close) 12.0");
    }

    @Test
    void shouldFailClearlyOnMalformedJson() throws IOException {
        Path json = tmp.resolve("BROKEN-D.json");
        Files.writeString(json, "{\"ticker\": \"X\", \"candles\": [ {\"ts\": 1, \"o\": }");
        assertThatThrownBy(() -> CandleFiles.read(json, TestData.VALIDATOR))
                .isInstanceOf(CandleFileException.class)
                .hasMessageStartingWith("BROKEN-D.json: malformed JSON at line 1, column");
    }

    private Path written(String name, String text) throws IOException {
        Path file = tmp.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    /** A broken export must reach the reader, whose error says what is wrong, not be passed over. */
    @Test
    void shouldTakeAJsonFileThatIsMalformedOrWhoseCandlesAreNotAnArrayForACandleFile() throws IOException {
        Path truncated = written("CUT-D.json", "{\"ticker\": \"CUT\", \"candles\": [");
        Path brokenHeader = written("BAD-D.json", "{\"ticker\": BAD, \"candles\": []}");
        Path notAnArray = written("OBJ-D.json", "{\"ticker\": \"OBJ\", \"ohlc\": {\"ts\": 1}}");
        Path empty = written("EMPTY-D.json", "");

        assertThat(List.of(truncated, brokenHeader, notAnArray, empty)).allSatisfy(f ->
                assertThat(CandleFiles.isCandleFile(f)).as("%s", f.getFileName()).isTrue());
        assertThatThrownBy(() -> CandleFiles.read(brokenHeader, TestData.VALIDATOR))
                .isInstanceOf(CandleFileException.class)
                .hasMessageStartingWith("BAD-D.json: malformed JSON at line 1, column ")
                .hasMessageContaining("Unrecognized token 'BAD'");
        assertThatThrownBy(() -> CandleFiles.read(notAnArray, TestData.VALIDATOR))
                .isInstanceOf(CandleFileException.class)
                .hasMessage("OBJ-D.json: 'ohlc' is not an array");
        assertThatThrownBy(() -> CandleFiles.read(empty, TestData.VALIDATOR))
                .isInstanceOf(CandleFileException.class)
                .hasMessage("EMPTY-D.json: expected a JSON object at the top level");
    }

    @Test
    void shouldNotTakeWellFormedJsonWithoutCandlesForACandleFile() throws IOException {
        Path packageJson = written("package.json", "{\"name\": \"x\", \"dependencies\": {\"candles\": \"1.0\"}}");
        Path array = written("list.json", "[{\"candles\": []}]");
        Path hidden = written(".SPY-D.json", "{\"candles\": [");

        assertThat(CandleFiles.isCandleFile(packageJson)).isFalse();
        assertThat(CandleFiles.isCandleFile(array)).isFalse();
        assertThat(CandleFiles.isCandleFile(hidden)).isFalse();
        assertThat(CandleFiles.isCandleFile(TestData.file("sectors.json"))).isFalse();
    }

    @Test
    void shouldFailWhenTheCsvHeaderLacksAColumn() throws IOException {
        Path csv = tmp.resolve("X-D.csv");
        Files.writeString(csv, "ts,open,high,close\n1736865000000,1,2,1\n");
        assertThatThrownBy(() -> CandleFiles.read(csv, TestData.VALIDATOR))
                .isInstanceOf(CandleFileException.class)
                .hasMessage("X-D.csv: the CSV header has no low column (expected ts,open,high,low,close,volume)");
    }

    @Test
    void shouldReadTheUniverseDailyRowsAsDailyBarsWhenTheyComeAsAPlainCsv() throws IOException {
        // The same rows as universe-daily/AAPL-D.json (both feeds: 00:00 UTC and 04:00 UTC of each
        // trading day), written as the documented plain CSV "TICKER.csv": nothing in the file
        // names the interval, so it is inferred from the steps between rows.
        ParsedFile json = TestData.read("universe-daily/AAPL-D.json");
        StringBuilder text = new StringBuilder("ts,open,high,low,close,volume\n");
        for (Candle c : json.candles()) {
            text.append(c.openTime()).append(',').append(c.open()).append(',').append(c.high()).append(',')
                    .append(c.low()).append(',').append(c.close()).append(',').append(c.volume()).append('\n');
        }
        Path csv = tmp.resolve("AAPL.csv");
        Files.writeString(csv, text);

        ParsedFile f = CandleFiles.read(csv, TestData.VALIDATOR);

        assertThat(f.errors()).isEmpty();
        assertThat(f.candles()).hasSize(json.candles().size());
        // daily bars, as the JSON file of the same rows: one bar per trading day after normalisation
        assertThat(f.interval()).isEqualTo(Timeframe.D1);
        assertThat(CandleNormaliser.normalise(f.candles(), SessionCalendar.US_EQUITY).candles())
                .hasSameSizeAs(CandleNormaliser.normalise(json.candles(), SessionCalendar.US_EQUITY).candles());
    }

    @Test
    void shouldFailWhenTheIntervalCannotBeTold() throws IOException {
        Path csv = tmp.resolve("LONELY.csv");
        Files.writeString(csv, "ts,open,high,low,close,volume\n1736865000000,1,2,1,1,5\n");
        assertThatThrownBy(() -> CandleFiles.read(csv, TestData.VALIDATOR))
                .isInstanceOf(CandleFileException.class)
                .hasMessageContaining("cannot tell the bar interval");
        // the ticker alone needs no interval
        assertThat(CandleFiles.ticker(csv)).isEqualTo("LONELY");
    }

    @Test
    void shouldNameEveryShippedFileAsItsFullReadDoes() throws IOException {
        List<Path> files = CandleFiles.list(TestData.dir());
        assertThat(files).hasSizeGreaterThan(250);
        for (Path file : files) {
            assertThat(CandleFiles.ticker(file)).as("%s", file)
                    .isEqualTo(CandleFiles.read(file, TestData.VALIDATOR).ticker());
        }
    }

    @Test
    void shouldNameTheTickerWithoutParsingTheRows() throws IOException {
        Path json = tmp.resolve("LATE-D.json");
        // the ticker field after the rows, one row not even an object, and a name given twice:
        // the last field wins, as in a full read
        Files.writeString(json, "{\"name\": \"first\", \"candles\": [{\"ts\": 1736865000000, \"o\": \"x\"}, 7],"
                + " \"ticker\": \"brk.b\"}");
        assertThat(CandleFiles.ticker(json)).isEqualTo(CandleFiles.read(json, TestData.VALIDATOR).ticker())
                .isEqualTo("BRK-B");
        Path csv = tmp.resolve("QQQ_60.csv");
        Files.writeString(csv, "not even a header");
        assertThat(CandleFiles.ticker(csv)).isEqualTo("QQQ");
    }

    @Test
    void shouldRefuseATickerWhereAFullReadWould() throws IOException {
        Path broken = tmp.resolve("BROKEN-D.json");
        Files.writeString(broken, "{\"ticker\": \"X\", \"candles\": [ {\"ts\": 1, \"o\": }");
        assertThatThrownBy(() -> CandleFiles.ticker(broken))
                .isInstanceOf(CandleFileException.class)
                .hasMessageStartingWith("BROKEN-D.json: malformed JSON at line 1, column");
        Path notArray = tmp.resolve("FLAT-D.json");
        Files.writeString(notArray, "{\"ticker\": \"X\", \"candles\": 5}");
        assertThatThrownBy(() -> CandleFiles.ticker(notArray))
                .isInstanceOf(CandleFileException.class)
                .hasMessage("FLAT-D.json: 'candles' is not an array");
        Path badSymbol = tmp.resolve("ODD-D.json");
        Files.writeString(badSymbol, "{\"ticker\": \"a@b\", \"candles\": []}");
        assertThatThrownBy(() -> CandleFiles.ticker(badSymbol))
                .isInstanceOf(CandleFileException.class)
                .hasMessageStartingWith("ODD-D.json: symbol 'a@b' has characters outside");
        Path text = tmp.resolve("SPY.txt");
        Files.writeString(text, "ts,open,high,low,close,volume\n");
        assertThatThrownBy(() -> CandleFiles.ticker(text))
                .isInstanceOf(CandleFileException.class)
                .hasMessage("SPY.txt: not a supported candle file (expected .json or .csv)");
    }
}
