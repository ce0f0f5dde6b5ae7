package io.edgeloop.stack;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

import io.edgeloop.admin.auth.AccountsFile;
import io.edgeloop.stack.loop.DemoSummary;
import io.edgeloop.stack.loop.Loop;
import io.edgeloop.stack.loop.LoopRun;
import io.edgeloop.stack.loop.LoopSettings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code edgeloop demo}: the whole loop on the real market data ({@link Loop} with the
 * dashboard), a short summary, where to look next, then the query APIs and the dashboard keep
 * serving until Ctrl-C.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Run the whole loop on real market data, print a summary, then serve the dashboard and query APIs.",
            "Each demo starts from an empty run directory; stop it with Ctrl-C."})
final class DemoCommand implements Callable<Integer> {

    /**
     * First bar date the demo loads unless told otherwise: the span of the 238-ticker universe
     * (2025-03 .. 2026-04) and every other file's bars since, about 106,000 of the 394,000 bars,
     * so that the demo reaches its summary in minutes on a 2-core machine; {@code --full} loads
     * everything (the whole loop over all of it takes about ten minutes there).
     */
    static final LocalDate DEFAULT_FROM = LocalDate.of(2025, 1, 1);

    /** The operator account the first demo creates. */
    static final String OPERATOR = "admin";

    @Spec
    CommandSpec spec;

    @Option(names = "--data", paramLabel = "DIR",
            description = "Market data to load (default: ../shared/data beside the project).")
    Path data;

    @Mixin
    LoopSelection selection;

    @Option(names = "--full", description = "Load every bar of the data (default: the bars since 2025-01-01, unless --from or --to is given).")
    boolean full;

    @Option(names = "--run-dir", paramLabel = "DIR", defaultValue = ".edgeloop/demo",
            description = {"Broker data, app state, reports and the log; emptied at start.",
                "Default: ${DEFAULT-VALUE} (under the current directory); the operators file is kept beside it."})
    Path runDir;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "9092",
            description = "Broker client port on 127.0.0.1 (default: ${DEFAULT-VALUE}, what 'edgeloop admin' uses; 0 = any).")
    int port;

    @Option(names = "--admin-port", paramLabel = "PORT", defaultValue = "8080",
            description = "Dashboard port on 127.0.0.1 (default: ${DEFAULT-VALUE}; 0 = any).")
    int adminPort;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "PT30M",
            description = "Longest wait for one stage, ISO-8601 (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(names = "--exit-after-summary", description = "Stop after printing the summary instead of serving until Ctrl-C.")
    boolean exitAfterSummary;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        LoopSettings settings = settings();
        Loop loop = Loop.create(settings);
        Optional<String> password = Optional.empty();
        try {
            out.printf("edgeloop: demo on %s%s%s%n", settings.marketData(),
                    settings.tickers().isEmpty() ? "" : " (tickers " + String.join(",", settings.tickers()) + ")",
                    selection.from == null && selection.to == null && !full
                            ? ", bars since " + DEFAULT_FROM + " (--full for all, --from DATE to choose)" : "");
            MarketDataSummary files = MarketDataSummary.of(settings.marketData());
            out.printf("edgeloop: market data: %d files (%s)%n", files.totalFiles(), String.join(", ",
                    files.folders().stream().map(f -> f.name() + " " + f.files()).toList()));
            password = AccountsFile.createIfMissing(loop.operatorsFile(), OPERATOR);
            LoopRun run = ReplayCommand.run(loop, out, spec.commandLine());
            out.printf(Locale.ROOT, "edgeloop: the loop is done in %.1f s (%,d candles, %,d candles/s end to end)%n",
                    run.totalMillis() / 1000.0, run.candlesProcessed(), Math.round(run.candlesPerSecond()));
            DemoSummary.lines(loop::read).forEach(line -> out.println("edgeloop: " + line));
            whereNext(out, loop, password, settings.marketData());
        } catch (IOException | RuntimeException e) {
            loop.close();
            if (password.isPresent()) {
                // its one-time password is only shown after a run: an account nobody can use goes too
                Files.deleteIfExists(loop.operatorsFile());
            }
            throw e;
        }
        if (exitAfterSummary) {
            loop.close();
            out.println("edgeloop: stopped cleanly; state kept in " + loop.runDir());
            out.flush();
            return 0;
        }
        StackLauncher.runUntilStopped(out, "serving", loop::close, "stopped cleanly; state kept in " + loop.runDir());
        return 0;
    }

    private void whereNext(PrintWriter out, Loop loop, Optional<String> password, Path marketData) {
        String dashboard = loop.admin().map(a -> a.url()).orElse("(dashboard not running)");
        out.println("edgeloop: where to look next:");
        out.println("            dashboard      " + dashboard);
        out.println(password.map(p -> "            login          user " + OPERATOR + ", password " + p
                        + " (shown once; accounts in " + loop.operatorsFile() + ")")
                .orElse("            login          an account of " + loop.operatorsFile()
                        + " (made by an earlier demo; 'edgeloop admin hash-password' adds one)"));
        out.printf("            market         http://localhost:%d/model/signals?level=market%n", loop.streamsPort());
        out.printf("            a ticker       http://localhost:%d/model/tickers/SPY%n", loop.streamsPort());
        out.printf("            patterns       http://127.0.0.1:%d/model/patterns%n", loop.resolverPort());
        out.printf("            outcomes       http://127.0.0.1:%d/model/outcomes?limit=20%n", loop.resolverPort());
        out.printf("            proposals      edgeloop admin proposals --bootstrap %s --user %s%n", loop.bootstrapServers(),
                OPERATOR);
        out.printf("            reports        %s%n", loop.reportsDir());
        out.printf("            backtest       edgeloop replay --data %s --out replay-out%n", marketData);
        out.flush();
    }

    /**
     * The market data folder: {@code --data} when given, else the shared data beside the project;
     * a missing folder is a usage error of {@code cli}.
     */
    static Path marketData(Path data, CommandLine cli) {
        if (data != null) {
            if (!Files.isDirectory(data)) {
                throw new ParameterException(cli, "--data: no such directory: " + data);
            }
            return data.toAbsolutePath().normalize();
        }
        Path fallback = ProjectPaths.defaultMarketData();
        if (!Files.isDirectory(fallback)) {
            throw new ParameterException(cli, "no market data at " + fallback + "; pass --data DIR");
        }
        return fallback;
    }

    private LoopSettings settings() {
        LocalDate from = selection.from();
        LocalDate to = selection.to();
        if (timeout.isNegative() || timeout.isZero()) {
            throw new ParameterException(spec.commandLine(), "--timeout must be positive, got " + timeout);
        }
        if (full && (from != null || to != null)) {
            throw new ParameterException(spec.commandLine(), "--full loads every bar; leave out --from and --to with it");
        }
        LocalDate first = from != null || to != null || full ? from : DEFAULT_FROM;
        try {
            Path marketData = marketData(data, spec.commandLine());
            return new LoopSettings(marketData, runDir, port, selection.tickers(marketData), first, to,
                    selection.retro(), true, adminPort, timeout);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}
