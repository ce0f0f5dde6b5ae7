package io.edgeloop.core.engine;

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
 * Test-only reader of the shared {@code history/} files ({@code {"candles":[{ts,o,h,l,c,v}]}}),
 * parsed once per test JVM, until the project's candle parsers are on this branch.
 */
public final class HistoryData {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, List<Candle>> CACHE = new ConcurrentHashMap<>();

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
        return CACHE.computeIfAbsent(name, HistoryData::read);
    }

    private static List<Candle> read(String name) {
        Path file = dataDir().resolve("history").resolve(name + ".json");
        JsonNode root;
        try {
            root = JSON.readTree(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        String ticker = root.get("ticker").asText();
        Timeframe tf = Timeframe.parse(root.get("tf").asText())
                .orElseThrow(() -> new IllegalStateException("unknown tf in " + file));
        List<Candle> out = new ArrayList<>();
        for (JsonNode c : root.get("candles")) {
            out.add(new Candle(ticker, tf, c.get("ts").asLong(), c.get("o").asDouble(), c.get("h").asDouble(),
                    c.get("l").asDouble(), c.get("c").asDouble(), c.get("v").asDouble(), name));
        }
        return List.copyOf(out);
    }
}
