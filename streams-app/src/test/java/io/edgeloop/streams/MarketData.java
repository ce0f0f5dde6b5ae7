package io.edgeloop.streams;

import io.edgeloop.core.candle.Candle;
import io.edgeloop.core.candle.CandleFiles;
import io.edgeloop.core.candle.CandleNormaliser;
import io.edgeloop.core.candle.SessionCalendar;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Real candles from the shared data folder ({@code edgeloop.data.dir}), normalised as the connector does. */
final class MarketData {

    private MarketData() {
    }

    static Path dir() {
        String dir = System.getProperty("edgeloop.data.dir");
        if (dir == null) {
            throw new IllegalStateException("system property edgeloop.data.dir is not set (surefire sets it)");
        }
        Path path = Path.of(dir);
        if (!Files.isDirectory(path)) {
            throw new IllegalStateException("edgeloop.data.dir " + path + " is not a directory");
        }
        return path;
    }

    /** Every candle of a history file, e.g. {@code history("SPY_60")}. */
    static List<Candle> history(String name) {
        return read(dir().resolve("history").resolve(name + ".json"));
    }

    /** The candles of a history file whose open time lies in [from, to). */
    static List<Candle> history(String name, String from, String to) {
        long start = Instant.parse(from).toEpochMilli();
        long end = Instant.parse(to).toEpochMilli();
        List<Candle> out = new ArrayList<>();
        for (Candle c : history(name)) {
            if (c.openTime() >= start && c.openTime() < end) {
                out.add(c);
            }
        }
        return out;
    }

    /** Candles of several series merged in open-time order (ties by ticker), as a feed would interleave them. */
    static List<Candle> merged(List<List<Candle>> series) {
        List<Candle> all = new ArrayList<>();
        series.forEach(all::addAll);
        all.sort(Comparator.comparingLong(Candle::openTime).thenComparing(Candle::ticker));
        return all;
    }

    static io.edgeloop.schemas.avro.Candle avro(Candle c) {
        return new io.edgeloop.schemas.avro.Candle(c.ticker(), c.interval().code(), Instant.ofEpochMilli(c.openTime()),
                c.open(), c.high(), c.low(), c.close(), c.volume(), c.source());
    }

    static List<Candle> read(Path file) {
        try {
            List<Candle> raw = CandleFiles.read(file).candles();
            if (raw.isEmpty()) {
                return raw;
            }
            return CandleNormaliser.normalise(raw, SessionCalendar.forTicker(raw.get(0).ticker())).candles();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
