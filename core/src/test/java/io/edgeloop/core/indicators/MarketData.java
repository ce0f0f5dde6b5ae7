package io.edgeloop.core.indicators;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgeloop.core.candle.Candle;
import io.edgeloop.core.candle.Timeframe;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Minimal test-only reader for two formats of the shared data folder, until the real parsers
 * land: {@code history/*.json} ({@code ticker, tf, candles[ts, o, h, l, c, v]}) and the
 * string-valued Coinbase / Yahoo format ({@code candles[start, open, high, low, close, volume]},
 * start in epoch seconds). No validation or normalisation: these files are clean series.
 * Parsed once per test JVM and shared, read-only.
 */
final class MarketData {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, List<Candle>> CACHE = new ConcurrentHashMap<>();

    private MarketData() {
    }

    static Path dataDir() {
        String dir = System.getProperty("edgeloop.data.dir");
        if (dir == null) {
            throw new IllegalStateException("system property edgeloop.data.dir is not set (surefire sets it)");
        }
        return Path.of(dir);
    }

    /** A {@code history/} file, e.g. {@code history("SPY_60")}. */
    static List<Candle> history(String name) {
        return CACHE.computeIfAbsent("history/" + name, key -> readHistory(name));
    }

    private static List<Candle> readHistory(String name) {
        JsonNode root = read(dataDir().resolve("history").resolve(name + ".json"));
        String ticker = root.get("ticker").asText();
        Timeframe tf = Timeframe.parse(root.get("tf").asText())
                .orElseThrow(() -> new IllegalStateException("unknown tf in " + name));
        List<Candle> out = new ArrayList<>();
        for (JsonNode c : root.get("candles")) {
            out.add(new Candle(ticker, tf, c.get("ts").asLong(), c.get("o").asDouble(), c.get("h").asDouble(),
                    c.get("l").asDouble(), c.get("c").asDouble(), c.get("v").asDouble(), name));
        }
        return List.copyOf(out);
    }

    /** A string-format file under {@code crypto/}, e.g. the Coinbase BTC-USD 4h bars. */
    static List<Candle> crypto(String fileName, String ticker, Timeframe tf) {
        return CACHE.computeIfAbsent("crypto/" + fileName, key -> readCrypto(fileName, ticker, tf));
    }

    private static List<Candle> readCrypto(String fileName, String ticker, Timeframe tf) {
        JsonNode root = read(dataDir().resolve("crypto").resolve(fileName));
        List<Candle> out = new ArrayList<>();
        for (JsonNode c : root.get("candles")) {
            out.add(new Candle(ticker, tf, c.get("start").asLong() * 1000, c.get("open").asDouble(),
                    c.get("high").asDouble(), c.get("low").asDouble(), c.get("close").asDouble(),
                    c.get("volume").asDouble(), fileName));
        }
        return List.copyOf(out);
    }

    static List<Candle> btc4h() {
        return crypto("Coinbase-BTC-USD-PT4H-20160518_20251028.json", "BTC-USD", Timeframe.H4);
    }

    private static JsonNode read(Path file) {
        try {
            return JSON.readTree(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
