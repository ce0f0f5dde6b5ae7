package io.edgeloop.core.mining;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgeloop.core.candle.Candle;
import io.edgeloop.core.candle.CandleFiles;
import io.edgeloop.core.candle.CandleNormaliser;
import io.edgeloop.core.candle.SessionCalendar;
import io.edgeloop.core.retro.DailyData;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The daily files of the shared data folder for tests, read and normalised as the product reads
 * them ({@link DailyData#load} of universe-daily, history and etf-daily: one bar per trade date,
 * the primary source first, another instrument mixed into a file dropped, the longest series of
 * a ticker kept), and the sector map as {@code sectors.json} gives it (with "Healthcare" spelled
 * "Health Care", and none of the product's overrides).
 */
public final class DailyDataFixture {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static Map<String, List<Candle>> allDaily;

    private DailyDataFixture() {
    }

    /** The shared data folder, from the {@code edgeloop.data.dir} system property. */
    public static Path dataDir() {
        String dir = System.getProperty("edgeloop.data.dir");
        if (dir == null) {
            throw new IllegalStateException("system property edgeloop.data.dir is not set (surefire sets it)");
        }
        return Path.of(dir);
    }

    /** One ticker of {@code universe-daily}, normalised to one bar per trade date. */
    public static List<Candle> universeDaily(String ticker) {
        Path file = dataDir().resolve("universe-daily").resolve(ticker.replace('!', '_') + "-D.json");
        return read(file);
    }

    /**
     * Every daily series of universe-daily, history/*_D and etf-daily, longest per ticker; read
     * once per test JVM (the lists are immutable).
     */
    public static synchronized Map<String, List<Candle>> allDaily() {
        if (allDaily == null) {
            allDaily = Collections.unmodifiableMap(readAllDaily());
        }
        return allDaily;
    }

    private static Map<String, List<Candle>> readAllDaily() {
        Map<String, List<Candle>> byTicker = new TreeMap<>();
        for (String folder : List.of("universe-daily", "history", "etf-daily")) {
            try {
                DailyData.load(dataDir().resolve(folder)).bars().forEach((ticker, series) ->
                        byTicker.merge(ticker, series, (a, b) -> a.size() >= b.size() ? a : b));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + folder, e);
            }
        }
        return byTicker;
    }

    /** Ticker to sector from sectors.json; null for tickers outside the map. */
    public static Function<String, String> sectors() {
        JsonNode map = readJson(dataDir().resolve("sectors.json")).get("SECTOR_MAP");
        Map<String, String> sectors = new HashMap<>();
        for (Map.Entry<String, JsonNode> e : map.properties()) {
            String sector = e.getValue().asText();
            sectors.put(e.getKey(), sector.equals("Healthcare") ? "Health Care" : sector);
        }
        return sectors::get;
    }

    private static List<Candle> read(Path file) {
        try {
            List<Candle> raw = CandleFiles.read(file).candles();
            return raw.isEmpty() ? List.of() : List.copyOf(
                    CandleNormaliser.normalise(raw, SessionCalendar.forTicker(raw.get(0).ticker())).candles());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static JsonNode readJson(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
