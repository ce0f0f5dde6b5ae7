package io.edgeloop.core.mining;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgeloop.core.candle.Candle;
import io.edgeloop.core.candle.Timeframe;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Test-only reader of the daily files in the shared data folder, until the candle package's
 * parsers land (then tests switch to {@code CandleFiles.read}). Rules, kept deliberately small:
 * <ul>
 *   <li>exchange date = New York date of (timestamp + 6 h): equity bars stamped 00:00 UTC,
 *       04:00/05:00 UTC (New York midnight), 13:30/14:30 UTC (open) or 20:00/21:00 UTC map to
 *       their own date, futures sessions opening at 18:00 New York map to the next date;</li>
 *   <li>one bar per ticker and exchange date: the bar stamped at New York midnight wins (the
 *       more precise source), then the one at UTC midnight, then the latest other stamp;</li>
 *   <li>a ticker present in several folders keeps the longest series (no splicing of adjusted
 *       and unadjusted prices);</li>
 *   <li>a missing ({@code null}) value reads as 0 (only volumes of some futures are missing);</li>
 *   <li>sector = {@code SECTOR_MAP}, with "Healthcare" spelled "Health Care".</li>
 * </ul>
 */
public final class DailyDataFixture {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
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

    /** One ticker of {@code universe-daily}, normalised to one bar per exchange date. */
    public static List<Candle> universeDaily(String ticker) {
        Path file = dataDir().resolve("universe-daily").resolve(ticker.replace('!', '_') + "-D.json");
        return readTickerFile(file).getValue();
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
        Map<String, List<Candle>> byTicker = new HashMap<>();
        List<Path> files = new ArrayList<>();
        files.addAll(list(dataDir().resolve("universe-daily"), "-D.json"));
        files.addAll(list(dataDir().resolve("history"), "_D.json"));
        files.addAll(list(dataDir().resolve("etf-daily"), ".json"));
        for (Path file : files) {
            Map.Entry<String, List<Candle>> series = file.getParent().getFileName().toString().equals("etf-daily")
                    ? readEtfFile(file) : readTickerFile(file);
            byTicker.merge(series.getKey(), series.getValue(), (a, b) -> a.size() >= b.size() ? a : b);
        }
        return new TreeMap<>(byTicker);
    }

    /** Ticker to sector from sectors.json; null for tickers outside the map. */
    public static Function<String, String> sectors() {
        JsonNode map = read(dataDir().resolve("sectors.json")).get("SECTOR_MAP");
        Map<String, String> sectors = new HashMap<>();
        for (Map.Entry<String, JsonNode> e : map.properties()) {
            String sector = e.getValue().asText();
            sectors.put(e.getKey(), sector.equals("Healthcare") ? "Health Care" : sector);
        }
        return sectors::get;
    }

    private static Map.Entry<String, List<Candle>> readTickerFile(Path file) {
        return parse(file, null);
    }

    private static Map.Entry<String, List<Candle>> readEtfFile(Path file) {
        return parse(file, file.getFileName().toString().split("-")[1]);
    }

    /**
     * Streams one file: {@code {"ticker", "candles": [{ts,o,h,l,c,v}]}} (numbers, ts in ms) or,
     * when {@code fileTicker} is given, the etf-daily form {@code {"candles": [{start, open, high,
     * low, close, volume}]}} (strings, start in seconds).
     */
    private static Map.Entry<String, List<Candle>> parse(Path file, String fileTicker) {
        Map<LocalDate, Candle> byDate = new TreeMap<>();
        Map<LocalDate, Integer> priority = new HashMap<>();
        String ticker = fileTicker;
        try (JsonParser p = JSON.getFactory().createParser(file.toFile())) {
            p.nextToken();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                if (field.equals("ticker")) {
                    ticker = p.getText();
                } else if (field.equals("candles")) {
                    if (ticker == null) {
                        throw new IllegalStateException(file + ": candles before ticker");
                    }
                    while (p.nextToken() == JsonToken.START_OBJECT) {
                        double ts = 0;
                        double o = 0;
                        double h = 0;
                        double l = 0;
                        double c = 0;
                        double v = 0;
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            String name = p.currentName();
                            JsonToken value = p.nextToken();
                            double x = value == JsonToken.VALUE_NULL ? 0
                                    : value == JsonToken.VALUE_STRING ? Double.parseDouble(p.getText())
                                    : p.getDoubleValue();
                            switch (name) {
                                case "ts" -> ts = x;
                                case "start" -> ts = x * 1000;
                                case "o", "open" -> o = x;
                                case "h", "high" -> h = x;
                                case "l", "low" -> l = x;
                                case "c", "close" -> c = x;
                                case "v", "volume" -> v = x;
                                default -> throw new IllegalStateException(file + ": unknown bar field " + name);
                            }
                        }
                        add(byDate, priority, ticker, file, (long) ts, o, h, l, c, v);
                    }
                } else {
                    p.skipChildren();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return Map.entry(ticker, List.copyOf(byDate.values()));
    }

    private static void add(Map<LocalDate, Candle> byDate, Map<LocalDate, Integer> priority, String ticker,
                            Path file, long ts, double o, double h, double l, double c, double v) {
        ZonedDateTime ny = Instant.ofEpochMilli(ts).atZone(NEW_YORK);
        LocalDate date = ny.plusHours(6).toLocalDate();
        int rank = ny.getHour() == 0 && ny.getMinute() == 0 ? 3 : ts % 86_400_000L == 0 ? 2 : 1;
        Integer kept = priority.get(date);
        if (kept != null && kept > rank) {
            return;
        }
        long openTime = date.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        priority.put(date, rank);
        byDate.put(date, new Candle(ticker, Timeframe.D1, openTime, o, h, l, c, v, file.getFileName().toString()));
    }

    private static List<Path> list(Path dir, String suffix) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    private static JsonNode read(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
