package io.edgeloop.resolver;

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
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The shipped market data (system property {@code edgeloop.data.dir}), read and normalised as a feed would publish it. */
final class MarketData {

    /** After the last shipped bar, so validation does not depend on the day the tests run. */
    private static final CandleValidator VALIDATOR =
            new CandleValidator(Clock.fixed(Instant.parse("2026-12-31T00:00:00Z"), ZoneOffset.UTC));
    private static final Map<String, List<Candle>> CACHE = new ConcurrentHashMap<>();

    private MarketData() {
    }

    /** Daily bars of a history file (e.g. {@code SPY_D.json}), one per trading date, stamped 00:00 UTC. */
    static List<Candle> history(String file) {
        return CACHE.computeIfAbsent(file, f -> {
            try {
                List<Candle> raw = CandleFiles.read(dir().resolve("history").resolve(f), VALIDATOR).candles();
                return CandleNormaliser.normalise(raw, SessionCalendar.US_EQUITY).candles();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** The bar of a trading date. */
    static Candle on(List<Candle> bars, LocalDate date) {
        return bars.stream().filter(c -> date(c).equals(date)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no bar on " + date));
    }

    /** Bars from {@code from} to {@code to}, both included. */
    static List<Candle> between(List<Candle> bars, LocalDate from, LocalDate to) {
        return bars.stream().filter(c -> !date(c).isBefore(from) && !date(c).isAfter(to)).toList();
    }

    static LocalDate date(Candle c) {
        return LocalDate.ofInstant(Instant.ofEpochMilli(c.openTime()), ZoneOffset.UTC);
    }

    private static Path dir() {
        String dir = System.getProperty("edgeloop.data.dir");
        if (dir == null || !Files.isDirectory(Path.of(dir))) {
            throw new IllegalStateException("system property edgeloop.data.dir must name the shared data folder, was "
                    + dir);
        }
        return Path.of(dir);
    }
}
