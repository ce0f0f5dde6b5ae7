package io.edgeloop.stack;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import io.edgeloop.core.candle.CandleFiles;
import io.edgeloop.core.candle.CandleNormaliser;
import io.edgeloop.core.candle.NormalisedSeries;
import io.edgeloop.core.candle.ParsedFile;
import io.edgeloop.core.candle.RowError;
import io.edgeloop.core.candle.SessionCalendar;
import io.edgeloop.core.indicators.IndicatorReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code edgeloop indicators}: reads any supported candle file, validates and normalises it (one
 * bar per period, see {@code core/NORMALISATION.md}), computes the indicators on the bars as given
 * (no resampling) and writes one CSV row per bar ({@link IndicatorReport#HEADER}). Rows that fail
 * validation, and bars the normalisation drops, are reported on stderr with the reason.
 */
@Command(name = "indicators", mixinStandardHelpOptions = true,
        description = {"Compute the indicators of one candle file and write them as CSV, one row per bar.",
            "Columns: " + IndicatorReport.HEADER + " (empty until warmed up)."})
final class IndicatorsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--candles", required = true, paramLabel = "FILE",
            description = "A candle file in any supported format (the data folder's vendor formats, or CSV ts,open,high,low,close,volume).")
    Path candles;

    @Option(names = "--out", required = true, paramLabel = "OUT.csv", description = "Where to write the CSV.")
    Path out;

    @Override
    public Integer call() throws IOException {
        if (!Files.isRegularFile(candles)) {
            throw new ParameterException(spec.commandLine(), "--candles: no such file: " + candles);
        }
        PrintWriter err = spec.commandLine().getErr();
        ParsedFile file = CandleFiles.read(candles);
        for (RowError error : file.errors()) {
            err.printf("%s: row %d left out: %s (%s)%n", candles.getFileName(), error.rowIndex(), error.reason(), error.raw());
        }
        NormalisedSeries series = CandleNormaliser.normalise(file.candles(), SessionCalendar.forTicker(file.ticker()));
        for (NormalisedSeries.Dropped dropped : series.dropped()) {
            err.printf("%s: bar at ts %d left out: %s (%s)%n", candles.getFileName(), dropped.candle().openTime(),
                    dropped.reason(), dropped.detail());
        }
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        int rows;
        try (Writer writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            rows = IndicatorReport.write(series.candles(), writer);
        }
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.printf("edgeloop: %s %s %s: %d bars written to %s (%d rows invalid, %d bars dropped by normalisation)%n",
                file.ticker(), file.interval().code(), file.format(), rows, out, file.errors().size(), series.dropped().size());
        stdout.flush();
        err.flush();
        return 0;
    }
}
