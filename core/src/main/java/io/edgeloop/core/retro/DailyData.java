package io.edgeloop.core.retro;

import io.edgeloop.core.candle.Candle;
import io.edgeloop.core.candle.CandleFileException;
import io.edgeloop.core.candle.CandleFiles;
import io.edgeloop.core.candle.CandleNormaliser;
import io.edgeloop.core.candle.ParsedFile;
import io.edgeloop.core.candle.SectorMap;
import io.edgeloop.core.candle.SessionCalendar;
import io.edgeloop.core.candle.Timeframe;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The daily bars of a data folder, one normalised series per ticker, as the study and the
 * retrospective read them without a broker.
 *
 * <p>Rules: every candle file under the folder is read with {@link CandleFiles#read}; only
 * daily files are used (the daily profile: LTF = D, HTF = W and M are aggregated from them by
 * the engine; weekly and intraday files are skipped and listed in {@link #skipped()}). Each
 * daily file is normalised with {@link CandleNormaliser} on the ticker's calendar. A ticker
 * present in several files keeps the longest series (adjusted and unadjusted prices are never
 * spliced). Sectors come from {@code sectors.json} in the folder when present.
 *
 * @param bars        daily bars per ticker, ascending, one bar per exchange date, tickers sorted
 * @param sectors     the folder's sector map (empty when it has no {@code sectors.json})
 * @param skipped     files not used, each with the reason, in path order
 * @param description what was read, in words, for the reports
 */
public record DailyData(Map<String, List<Candle>> bars, SectorMap sectors, List<String> skipped, String description) {

    /** Name of the sector file inside a data folder. */
    public static final String SECTORS_FILE = "sectors.json";

    public DailyData {
        bars = Collections.unmodifiableMap(new TreeMap<>(bars));
        Objects.requireNonNull(sectors, "sectors");
        skipped = List.copyOf(skipped);
        Objects.requireNonNull(description, "description");
    }

    /**
     * Reads a data folder.
     *
     * @throws IOException when the folder cannot be listed or a file cannot be read
     * @throws IllegalArgumentException when the folder holds no daily candle file
     */
    public static DailyData load(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("data folder " + dir + " does not exist or is not a folder");
        }
        Map<String, List<Candle>> bars = new TreeMap<>();
        List<String> skipped = new ArrayList<>();
        int files = 0;
        for (Path file : CandleFiles.list(dir)) {
            String name = dir.relativize(file).toString();
            ParsedFile parsed;
            try {
                parsed = CandleFiles.read(file);
            } catch (CandleFileException e) {
                skipped.add(name + ": " + e.getMessage());
                continue;
            }
            if (parsed.interval() != Timeframe.D1) {
                skipped.add(name + ": " + parsed.interval().code() + " bars (the daily profile reads daily files)");
                continue;
            }
            List<Candle> series = CandleNormaliser.normalise(parsed.candles(),
                    SessionCalendar.forTicker(parsed.ticker())).candles();
            files++;
            bars.merge(parsed.ticker(), series, (a, b) -> a.size() >= b.size() ? a : b);
        }
        if (bars.isEmpty()) {
            throw new IllegalArgumentException("no daily candle file under " + dir);
        }
        Path sectorFile = dir.resolve(SECTORS_FILE);
        SectorMap sectors = Files.isRegularFile(sectorFile) ? SectorMap.read(sectorFile) : SectorMap.of(Map.of(), Map.of());
        long count = bars.values().stream().mapToLong(List::size).sum();
        String description = String.format(java.util.Locale.ROOT,
                "%,d daily bars of %d tickers from %d daily files under %s", count, bars.size(), files,
                dir.getFileName());
        return new DailyData(bars, sectors, skipped, description);
    }

    /** Total number of daily bars. */
    public long barCount() {
        return bars.values().stream().mapToLong(List::size).sum();
    }

    /** The exchange date of the latest bar of any ticker. */
    public LocalDate latestDate() {
        return bars.values().stream().filter(l -> !l.isEmpty()).map(l -> Bars.date(l.get(l.size() - 1)))
                .max(LocalDate::compareTo).orElseThrow();
    }

    /** Sector of a ticker, or {@link SectorMap#UNCLASSIFIED}. */
    public String sectorOf(String ticker) {
        return sectors.sector(ticker);
    }
}
