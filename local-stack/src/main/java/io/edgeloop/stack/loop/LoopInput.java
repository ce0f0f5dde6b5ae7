package io.edgeloop.stack.loop;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.edgeloop.core.candle.Candle;
import io.edgeloop.core.candle.CandleFiles;
import io.edgeloop.core.candle.ParsedFile;
import io.edgeloop.core.candle.Symbols;

/**
 * The candle paths the connectors read. Without a date range: the market data folder itself
 * (the connector filters tickers). With {@code --from}/{@code --to} (the connector has no date
 * option): a copy of the chosen tickers' files restricted to bars whose UTC open date lies in the
 * range, written as CSV ({@code ts,open,high,low,close,volume}, epoch ms, exact doubles) to
 * {@code <run>/input/<original relative path>/TICKER-INTERVAL.csv} (one folder per original file, so
 * two files of one series stay two files, and the name keeps ticker and interval). Rows a file refuses are not copied (the unfiltered replay dead-letters them);
 * the copy's candles carry the copy's name as {@code source}.
 *
 * @param candlePaths what the candle connector reads
 * @param sectorsFile {@code sectors.json} of the market data, null when it has none
 */
public record LoopInput(List<Path> candlePaths, Path sectorsFile) {

    private static final Logger LOG = LoggerFactory.getLogger(LoopInput.class);
    private static final String SECTORS = "sectors.json";

    /** Frozen. */
    public LoopInput {
        candlePaths = List.copyOf(candlePaths);
    }

    /** Prepares the input of a run. */
    public static LoopInput prepare(LoopSettings settings) {
        Path data = settings.marketData().toAbsolutePath().normalize();
        if (!Files.isDirectory(data)) {
            throw new IllegalArgumentException("no such market data directory: " + data);
        }
        Path sectors = Files.isRegularFile(data.resolve(SECTORS)) ? data.resolve(SECTORS) : null;
        if (!settings.dateFiltered()) {
            return new LoopInput(List.of(data), sectors);
        }
        Path copy = settings.runDir().toAbsolutePath().normalize().resolve("input");
        Set<String> tickers = settings.tickers().stream().map(Symbols::normalise).collect(Collectors.toSet());
        int files = 0;
        long bars = 0;
        try (Stream<Path> walk = Files.walk(data)) {
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                if (file.getFileName().toString().equals(SECTORS) || !CandleFiles.isCandleFile(file)) {
                    continue;
                }
                ParsedFile parsed = CandleFiles.read(file);
                if (!tickers.isEmpty() && !tickers.contains(parsed.ticker())) {
                    continue;
                }
                List<Candle> kept = parsed.candles().stream().filter(c -> inRange(c, settings.from(), settings.to())).toList();
                if (kept.isEmpty()) {
                    continue;
                }
                Path target = copy.resolve(data.relativize(file).toString())
                        .resolve(parsed.ticker() + "-" + parsed.interval().code() + ".csv");
                write(target, kept);
                files++;
                bars += kept.size();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the input from " + data, e);
        }
        if (files == 0) {
            throw new IllegalArgumentException("no bars of " + (tickers.isEmpty() ? "any ticker" : tickers) + " between "
                    + (settings.from() == null ? "the start" : settings.from()) + " and "
                    + (settings.to() == null ? "the end" : settings.to()) + " in " + data);
        }
        LOG.info("input: {} bars in {} files copied to {} for the date range", bars, files, copy);
        return new LoopInput(List.of(copy), sectors);
    }

    /** Whether the candle's UTC open date lies in [from, to] (null = open). */
    static boolean inRange(Candle c, LocalDate from, LocalDate to) {
        LocalDate day = LocalDate.ofInstant(java.time.Instant.ofEpochMilli(c.openTime()), ZoneOffset.UTC);
        return (from == null || !day.isBefore(from)) && (to == null || !day.isAfter(to));
    }

    private static void write(Path target, List<Candle> candles) throws IOException {
        Files.createDirectories(target.getParent());
        List<String> lines = new ArrayList<>(candles.size() + 1);
        lines.add("ts,open,high,low,close,volume");
        for (Candle c : candles) {
            lines.add(c.openTime() + "," + c.open() + "," + c.high() + "," + c.low() + "," + c.close() + "," + c.volume());
        }
        try (BufferedWriter w = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
            for (String line : lines) {
                w.write(line);
                w.write('\n');
            }
        }
    }
}
