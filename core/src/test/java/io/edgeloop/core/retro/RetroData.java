package io.edgeloop.core.retro;

import io.edgeloop.core.candle.Candle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The shared real data for the retrospective's tests, read once per test JVM. */
final class RetroData {

    private static Map<String, List<Candle>> longHistories;
    private static DailyData all;

    private RetroData() {
    }

    /** The shared data folder, from the {@code edgeloop.data.dir} system property. */
    static Path dir() {
        String dir = System.getProperty("edgeloop.data.dir");
        if (dir == null) {
            throw new IllegalStateException("system property edgeloop.data.dir is not set (surefire sets it)");
        }
        return Path.of(dir);
    }

    /**
     * The long daily histories: {@code history/*_D} (SPY, QQQ, IWM, GLD, MSTR, NVDA, TSLA, UNH,
     * USO, XLE) and the 36 sector ETFs of {@code etf-daily} (2019 onwards), longest series per
     * ticker.
     */
    static synchronized Map<String, List<Candle>> longHistories() {
        if (longHistories == null) {
            Map<String, List<Candle>> bars = new TreeMap<>();
            for (String folder : List.of("history", "etf-daily")) {
                load(dir().resolve(folder)).bars().forEach((ticker, series) ->
                        bars.merge(ticker, series, (a, b) -> a.size() >= b.size() ? a : b));
            }
            longHistories = Collections.unmodifiableMap(bars);
        }
        return longHistories;
    }

    /** Every daily file of the shared data folder. */
    static synchronized DailyData all() {
        if (all == null) {
            all = load(dir());
        }
        return all;
    }

    private static DailyData load(Path dir) {
        try {
            return DailyData.load(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
