package io.edgeloop.core.engine;

import io.edgeloop.core.candle.Candle;
import io.edgeloop.core.candle.CandleFiles;
import io.edgeloop.core.candle.CandleNormaliser;
import io.edgeloop.core.candle.CandleValidator;
import io.edgeloop.core.candle.SessionCalendar;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The shared market data as the engine receives it: read with the project's parser
 * ({@link CandleFiles}), validated against a fixed clock and normalised on the ticker's calendar.
 * Parsed once per JVM.
 */
public final class HistoryData {

    private static final CandleValidator VALIDATOR =
            new CandleValidator(Clock.fixed(Instant.parse("2026-11-24T00:00:00Z"), ZoneOffset.UTC));
    private static final Map<Path, List<Candle>> CACHE = new ConcurrentHashMap<>();

    private HistoryData() {
    }

    public static Path dataDir() {
        String dir = System.getProperty("edgeloop.data.dir");
        if (dir == null) {
            throw new IllegalStateException("system property edgeloop.data.dir is not set (surefire sets it)");
        }
        return Path.of(dir);
    }

    /** A {@code history/} file by name, e.g. {@code SPY_60}. */
    public static List<Candle> history(String name) {
        return file(dataDir().resolve("history").resolve(name + ".json"));
    }

    /** Any candle file of the data folder, validated and normalised. */
    public static List<Candle> file(Path file) {
        return CACHE.computeIfAbsent(file, HistoryData::read);
    }

    /** The hourly history files ({@code history/*_60.json}), sorted by name. */
    public static List<Path> hourlyFiles() {
        try (Stream<Path> s = Files.list(dataDir().resolve("history"))) {
            return s.filter(p -> p.getFileName().toString().endsWith("_60.json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Candle> read(Path file) {
        try {
            List<Candle> candles = CandleFiles.read(file, VALIDATOR).candles();
            SessionCalendar calendar = SessionCalendar.forTicker(candles.get(0).ticker());
            return CandleNormaliser.normalise(candles, calendar).candles();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
