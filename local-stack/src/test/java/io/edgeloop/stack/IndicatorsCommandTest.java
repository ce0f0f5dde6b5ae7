package io.edgeloop.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.edgeloop.core.candle.CandleFiles;
import io.edgeloop.core.indicators.IndicatorReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndicatorsCommandTest {

    private static final Path DATA = Path.of(System.getProperty("edgeloop.data.dir", "../../shared/data"));

    @TempDir
    Path tmp;

    @Test
    void shouldWriteOneRowPerBarForEveryFileOfTheMarketData() throws IOException {
        List<Path> files = CandleFiles.list(DATA);
        assertThat(files).hasSizeGreaterThan(300);
        for (Path file : files) {
            Path out = tmp.resolve(file.getFileName() + ".csv");
            Cli cli = Cli.run("indicators", "--candles", file.toString(), "--out", out.toString());

            assertThat(cli.exitCode()).as("%s: %s", file, cli.err()).isZero();
            List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
            assertThat(lines.get(0)).isEqualTo(IndicatorReport.HEADER);
            assertThat(cli.out()).as(file.toString()).contains((lines.size() - 1) + " bars written");
        }
    }

    @Test
    void shouldComputeWarmedUpValuesOnRealHourlyBars() throws IOException {
        Path out = tmp.resolve("spy.csv");
        Cli cli = Cli.run("indicators", "--candles", DATA.resolve("history/SPY_60.json").toString(), "--out", out.toString());

        assertThat(cli.exitCode()).isZero();
        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        String[] first = lines.get(1).split(",", -1);
        String[] late = lines.get(lines.size() - 1).split(",", -1);
        assertThat(first).hasSize(14);
        assertThat(first[7]).as("ema200 is empty before warm-up").isEmpty();
        assertThat(Double.parseDouble(late[7])).as("ema200").isPositive();
        assertThat(Double.parseDouble(late[8])).as("rsi14").isBetween(0.0, 100.0);
        assertThat(late[10]).isIn("1", "-1");
        assertThat(late[12]).isIn("0", "1");
    }

    @Test
    void shouldReportInvalidRowsOnStderrWithTheReasonAndLeaveThemOut() throws IOException {
        Path csv = tmp.resolve("bad.csv");
        Files.writeString(csv, String.join("\n",
                "ts,open,high,low,close,volume",
                "1704067200000,10,11,9,10.5,1000",
                "1704153600000,10,9,11,10.5,1000",
                "1704240000000,10.5,12,10,11,1200",
                ""), StandardCharsets.UTF_8);
        Path out = tmp.resolve("bad-out.csv");

        Cli cli = Cli.run("indicators", "--candles", csv.toString(), "--out", out.toString());

        assertThat(cli.exitCode()).isZero();
        assertThat(cli.err()).contains("row").contains("left out").containsIgnoringCase("high");
        assertThat(Files.readAllLines(out, StandardCharsets.UTF_8)).hasSize(3);
    }

    @Test
    void shouldPrintUsageForAMissingFileOrFlag() {
        Cli missing = Cli.run("indicators", "--candles", tmp.resolve("none.json").toString(), "--out", tmp.resolve("o.csv").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("--candles: no such file").contains("Usage:");

        Cli noOut = Cli.run("indicators", "--candles", "x.json");
        assertThat(noOut.exitCode()).isEqualTo(2);
        assertThat(noOut.err()).contains("Missing required option: '--out=OUT.csv'");
    }
}
