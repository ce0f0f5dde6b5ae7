package io.edgeloop.stack.loop;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What one run of the {@link Loop} reads and where it keeps its state.
 *
 * @param marketData folder of candle files, with {@code sectors.json} at its top when there is one
 * @param runDir     the run's directory: broker data, every app's state, the log; emptied at start
 * @param port       client port of the broker on 127.0.0.1 (0 = any free port)
 * @param tickers    tickers to load (any spelling the connector's symbol rule accepts); empty = all
 * @param from       first bar date loaded (UTC open date), null = from the start of the files
 * @param to         last bar date loaded (UTC open date), null = to the end of the files
 * @param retro      whether the weekly retrospective runs
 * @param admin      whether the operators' dashboard runs
 * @param adminPort  the dashboard's port on 127.0.0.1 (0 = any free port)
 * @param timeout    longest wait for any one stage of the run
 */
public record LoopSettings(Path marketData, Path runDir, int port, List<String> tickers, LocalDate from, LocalDate to,
                           boolean retro, boolean admin, int adminPort, Duration timeout) {

    /** Default longest wait for one stage. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(30);

    /** Validates and freezes. */
    public LoopSettings {
        Objects.requireNonNull(marketData, "marketData");
        Objects.requireNonNull(runDir, "runDir");
        Objects.requireNonNull(timeout, "timeout");
        tickers = List.copyOf(tickers);
        if (from != null && to != null && from.isAfter(to)) {
            throw new IllegalArgumentException("--from " + from + " is after --to " + to);
        }
        checkPort("--port", port);
        checkPort("--admin-port", adminPort);
    }

    private static void checkPort(String what, int value) {
        if (value < 0 || value > 65_535) {
            throw new IllegalArgumentException(what + " must be 0 (any free port) or 1..65535, got " + value);
        }
    }
}
