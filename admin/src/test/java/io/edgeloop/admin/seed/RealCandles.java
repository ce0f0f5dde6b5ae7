package io.edgeloop.admin.seed;

import io.edgeloop.core.candle.Candle;
import io.edgeloop.core.candle.CandleFiles;
import io.edgeloop.core.candle.CandleNormaliser;
import io.edgeloop.core.candle.SessionCalendar;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Real daily candles from the shared data ({@code universe-daily/}), one bar per exchange date after core's normaliser. */
public final class RealCandles {

    private RealCandles() {
    }

    /** The data directory from {@code edgeloop.data.dir}. */
    public static Path dataDir() {
        String dir = System.getProperty("edgeloop.data.dir");
        if (dir == null || !Files.isDirectory(Path.of(dir))) {
            throw new IllegalStateException("set edgeloop.data.dir to the shared market data (got " + dir + ")");
        }
        return Path.of(dir);
    }

    /** The first {@code count} tickers of universe-daily in name order, each with its last {@code bars} daily bars. */
    public static Map<String, List<Candle>> universe(int count, int bars) {
        Path dir = dataDir().resolve("universe-daily");
        try (Stream<Path> files = Files.list(dir)) {
            Map<String, List<Candle>> out = new LinkedHashMap<>();
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith("-D.json")).sorted().toList()) {
                List<Candle> daily = daily(file);
                if (daily.size() >= bars) {
                    out.put(daily.get(0).ticker(), daily.subList(daily.size() - bars, daily.size()));
                }
                if (out.size() == count) {
                    break;
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir, e);
        }
    }

    private static List<Candle> daily(Path file) throws IOException {
        List<Candle> raw = CandleFiles.read(file).candles();
        String ticker = raw.get(0).ticker();
        return CandleNormaliser.normalise(raw, SessionCalendar.forTicker(ticker)).candles();
    }
}
