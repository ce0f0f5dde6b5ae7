package io.edgeloop.stack;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.edgeloop.stack.logging.LogFiles;
import io.edgeloop.stack.loop.Loop;
import io.edgeloop.stack.loop.LoopRun;
import io.edgeloop.stack.loop.LoopSettings;
import io.edgeloop.stack.loop.ProgressLine;
import io.edgeloop.stack.loop.ReplaySummary;
import io.edgeloop.stack.loop.TopicFile;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code edgeloop replay}: the backtest. Runs the {@link Loop} on a fresh embedded stack over the
 * candle files, then writes every output topic as JSON lines and {@code summary.json} to
 * {@code --out} (see {@link TopicFile} for the files' order and the fields left out).
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {"Replay candle files through the whole loop on an embedded stack (the backtest).",
            "Writes scores, predictions, trades, outcomes, signals, pattern-library, model-changelog and "
                + "candles.dlq as JSON lines, and summary.json, into --out."})
final class ReplayCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "DIR", description = "Folder of candle files (and sectors.json).")
    Path data;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder for the outputs (created; files replaced).")
    Path out;

    @Mixin
    LoopSelection selection;

    @Option(names = "--run-dir", paramLabel = "DIR", defaultValue = ".edgeloop/replay",
            description = {"Broker data, app state and the log of the run; emptied at start.",
                "Default: ${DEFAULT-VALUE} (under the current directory)."})
    Path runDir;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "PT30M",
            description = "Longest wait for one stage, ISO-8601 (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Override
    public Integer call() throws IOException {
        PrintWriter w = spec.commandLine().getOut();
        LoopSettings settings = settings();
        Files.createDirectories(out);
        try (Loop loop = Loop.create(settings)) {
            LoopRun run = run(loop, w, spec.commandLine());
            Path outDir = out.toAbsolutePath().normalize();
            for (TopicFile file : TopicFile.OUTPUTS) {
                file.write(outDir, loop.read(file.topic().name()));
            }
            ObjectNode summary = ReplaySummary.of(outDir, settings, run);
            ReplaySummary.write(outDir.resolve("summary.json"), summary);
            report(w, summary, outDir);
        }
        w.println("edgeloop: stopped cleanly");
        w.flush();
        return 0;
    }

    /**
     * Runs the loop with the progress line; prints where the log is. A run directory the loop
     * refuses to empty (not one it made) is a usage error of {@code cli} (exit code 2).
     */
    static LoopRun run(Loop loop, PrintWriter w, CommandLine cli) throws IOException {
        try {
            loop.prepare();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(cli, "--run-dir: " + e.getMessage());
        }
        LogFiles.attach(loop.runDir().resolve(LogFiles.FILE_NAME));
        String log = LogFiles.current().map(Path::toString).orElse("none");
        w.printf("edgeloop: loop in %s (log: %s)%n", loop.runDir(), log);
        w.flush();
        boolean terminal = ProgressLine.stdoutIsTerminal();
        try (ProgressLine progress = new ProgressLine(w, terminal, loop::progress, terminal ? 250 : 1000, 10)) {
            return loop.run();
        }
    }

    /** The loop's settings from the flags; a bad combination is a usage error (exit code 2). */
    LoopSettings settings() {
        if (!Files.isDirectory(data)) {
            throw new ParameterException(spec.commandLine(), "--data: no such directory: " + data);
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new ParameterException(spec.commandLine(), "--timeout must be positive, got " + timeout);
        }
        if (out.toAbsolutePath().normalize().startsWith(runDir.toAbsolutePath().normalize())) {
            throw new ParameterException(spec.commandLine(), "--out " + out + " is inside --run-dir " + runDir
                    + ", which a run empties when it starts; choose a folder outside it");
        }
        return new LoopSettings(data, runDir, 0, selection.tickers(data), selection.from(), selection.to(), selection.retro(),
                false, 0, timeout);
    }

    private static void report(PrintWriter w, ObjectNode summary, Path outDir) {
        w.printf("edgeloop: wrote %s:%n", outDir);
        summary.get("counts").fields().forEachRemaining(e -> w.printf(Locale.ROOT, "            %-18s %,10d%n",
                e.getKey(), e.getValue().asLong()));
        var overall = summary.path("hitRate").path("overall");
        if (overall.path("n").asLong() > 0) {
            w.printf(Locale.ROOT, "edgeloop: hit rate %.1f%% [%.1f, %.1f] over %d resolved outcomes%n",
                    overall.get("rate").asDouble() * 100, overall.get("lower").asDouble() * 100,
                    overall.get("upper").asDouble() * 100, overall.get("n").asLong());
        }
        var timing = summary.path("timing");
        w.printf(Locale.ROOT, "edgeloop: %,d candles in %.1f s through the loop (%,d candles/s end to end), %.1f s in all%n",
                summary.path("candles").path("processed").asLong(), timing.path("resolvedMillis").asLong() / 1000.0,
                timing.path("candlesPerSecond").asLong(), timing.path("totalMillis").asLong() / 1000.0);
        w.flush();
    }
}
