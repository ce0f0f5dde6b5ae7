package io.edgeloop.stack.loop;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the connectors read: the market data folder itself and its {@code sectors.json}. The
 * candle connector picks the tickers and the date range ({@code tickers}, {@code from}, {@code to}),
 * so every refused row of the chosen files is dead-lettered, with or without a range.
 *
 * @param marketData  the market data folder, absolute
 * @param sectorsFile {@code sectors.json} of the market data, null when it has none
 */
public record LoopInput(Path marketData, Path sectorsFile) {

    private static final String SECTORS = "sectors.json";

    /** The input of a run. */
    public static LoopInput prepare(LoopSettings settings) {
        Path data = settings.marketData().toAbsolutePath().normalize();
        if (!Files.isDirectory(data)) {
            throw new IllegalArgumentException("no such market data directory: " + data);
        }
        return new LoopInput(data, Files.isRegularFile(data.resolve(SECTORS)) ? data.resolve(SECTORS) : null);
    }
}
