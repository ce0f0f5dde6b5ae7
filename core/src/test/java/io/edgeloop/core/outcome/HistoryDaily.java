package io.edgeloop.core.outcome;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgeloop.core.candle.Candle;
import io.edgeloop.core.candle.CandleFiles;
import io.edgeloop.core.candle.Timeframe;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Test-only reader of {@code history/<TICKER>_D.json} (real daily bars, {@code ts} = session
 * open, epoch ms UTC). Each bar is stamped like a normalised daily candle: its New York
 * exchange date at 00:00 UTC.
 */
final class HistoryDaily {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final Map<String, List<Candle>> CACHE = new ConcurrentHashMap<>();

    private HistoryDaily() {
    }

    static List<Candle> load(String ticker) {
        return CACHE.computeIfAbsent(ticker, HistoryDaily::read);
    }

    /** The bar of an exchange date; fails when the file has none. */
    static Candle on(String ticker, LocalDate date) {
        long stamp = date.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        return load(ticker).stream().filter(c -> c.openTime() == stamp).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(ticker + " has no daily bar on " + date));
    }

    static int indexOf(String ticker, LocalDate date) {
        return load(ticker).indexOf(on(ticker, date));
    }

    /**
     * The daily bars of a {@code universe-daily} file as the vendor stamps them (not normalised;
     * e.g. {@code ES1_-D.json}: 18:00 New York, the evening open of the next trade date).
     */
    static List<Candle> universe(String file) {
        Path path = dataDir().resolve("universe-daily").resolve(file);
        try {
            return CandleFiles.read(path).candles();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    private static Path dataDir() {
        String dir = System.getProperty("edgeloop.data.dir");
        if (dir == null) {
            throw new IllegalStateException("system property edgeloop.data.dir is not set (surefire sets it)");
        }
        return Path.of(dir);
    }

    private static List<Candle> read(String ticker) {
        Path file = dataDir().resolve("history").resolve(ticker + "_D.json");
        try {
            JsonNode root = new ObjectMapper().readTree(Files.readAllBytes(file));
            List<Candle> candles = new ArrayList<>();
            for (JsonNode bar : root.get("candles")) {
                LocalDate date = LocalDate.ofInstant(Instant.ofEpochMilli(bar.get("ts").asLong()), NEW_YORK);
                candles.add(new Candle(ticker, Timeframe.D1,
                        date.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli(),
                        bar.get("o").asDouble(), bar.get("h").asDouble(), bar.get("l").asDouble(),
                        bar.get("c").asDouble(), bar.get("v").asDouble(), "history/" + ticker + "_D"));
            }
            return List.copyOf(candles);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
