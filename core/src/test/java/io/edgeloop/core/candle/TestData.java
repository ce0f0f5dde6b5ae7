package io.edgeloop.core.candle;

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

/** The shipped market data, located by the {@code edgeloop.data.dir} system property. */
final class TestData {

    /** A fixed clock after the last bar of the shipped data, so validation is deterministic. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T00:00:00Z"), ZoneOffset.UTC);
    static final CandleValidator VALIDATOR = new CandleValidator(CLOCK);

    private static final Map<Path, ParsedFile> CACHE = new ConcurrentHashMap<>();

    private TestData() {
    }

    static Path dir() {
        String dir = System.getProperty("edgeloop.data.dir");
        if (dir == null) {
            throw new IllegalStateException("system property edgeloop.data.dir is not set (surefire sets it)");
        }
        Path p = Path.of(dir);
        if (!Files.isDirectory(p)) {
            throw new IllegalStateException("edgeloop.data.dir " + p + " is not a directory");
        }
        return p;
    }

    static Path file(String relative) {
        return dir().resolve(relative);
    }

    /** Parsed once per test JVM. */
    static ParsedFile read(String relative) {
        return CACHE.computeIfAbsent(file(relative), p -> {
            try {
                return CandleFiles.read(p, VALIDATOR);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    static List<Candle> normalised(String relative, SessionCalendar calendar) {
        return CandleNormaliser.normalise(read(relative).candles(), calendar).candles();
    }

    static List<Path> universeFiles() {
        try (var s = Files.list(dir().resolve("universe-daily"))) {
            return s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
