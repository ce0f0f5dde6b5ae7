package io.edgeloop.schemas;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgeloop.schemas.avro.Candle;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Reads the shared real market data (see the data README) for tests. */
public final class RealData {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private RealData() {
    }

    public static Path dir() {
        String dir = System.getProperty("edgeloop.data.dir");
        if (dir == null || !Files.isDirectory(Path.of(dir))) {
            throw new IllegalStateException("system property edgeloop.data.dir must point to the shared data folder, got "
                    + dir);
        }
        return Path.of(dir);
    }

    public static JsonNode json(String relative) throws IOException {
        return MAPPER.readTree(dir().resolve(relative).toFile());
    }

    /** Candles of a {@code universe-daily/TICKER-D.json} file, as published (duplicates included). */
    public static List<Candle> universeDaily(String ticker) throws IOException {
        JsonNode root = json("universe-daily/" + ticker + "-D.json");
        List<Candle> candles = new ArrayList<>();
        for (JsonNode c : root.get("candles")) {
            candles.add(Candle.newBuilder().setTicker(root.get("ticker").asText()).setInterval("D")
                    .setOpenTime(Instant.ofEpochMilli(c.get("ts").asLong()))
                    .setOpen(c.get("o").asDouble()).setHigh(c.get("h").asDouble()).setLow(c.get("l").asDouble())
                    .setClose(c.get("c").asDouble()).setVolume(c.get("v").asDouble())
                    .setSource("universe-daily").build());
        }
        return candles;
    }
}
