package io.edgeloop.stack;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code edgeloop demo}: the whole loop on the real market data. Today it starts the stack,
 * creates the topics, shows the data it will load, and names the parts that are not built yet;
 * it grows as the apps land.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Run the loop on real market data (today: the stack, and what is not there yet).",
            "Starts the broker and topics, shows the market data it will load, and waits for Ctrl-C."})
final class DemoCommand implements Callable<Integer> {

    /** Parts of the loop this build does not have yet, as "part: what it will do". */
    static final List<String> NOT_YET = List.of(
            "connectors: load the candle files into the candles topic",
            "streams-app: scores, signals, predictions and paper trades",
            "resolver-app: outcomes, the fast learning loop, the pattern-library keeper",
            "retro-app: the weekly retrospective and its proposals",
            "admin: operator approvals and the dashboard");

    @Spec
    CommandSpec spec;

    @Mixin
    StackOptions options;

    @Option(names = "--data", paramLabel = "DIR",
            description = "Market data to load (default: ../shared/data beside the project, when it exists).")
    Path data;

    @Option(names = "--exit-after-summary", description = "Stop after printing the summary instead of waiting for Ctrl-C.")
    boolean exitAfterSummary;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        Path dataDir = marketData();
        LocalStack stack = StackLauncher.startAndReport(options, out);
        try {
            printSummary(out, dataDir);
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
        if (exitAfterSummary) {
            stack.close();
            out.println("edgeloop: stopped cleanly; data kept in " + stack.dataDir());
            out.flush();
            return 0;
        }
        StackLauncher.runUntilStopped(stack, out);
        return 0;
    }

    private Path marketData() {
        if (data != null) {
            if (!Files.isDirectory(data)) {
                throw new ParameterException(spec.commandLine(), "--data: no such directory: " + data);
            }
            return data.toAbsolutePath().normalize();
        }
        Path fallback = ProjectPaths.defaultMarketData();
        return Files.isDirectory(fallback) ? fallback : null;
    }

    private static void printSummary(PrintWriter out, Path dataDir) {
        if (dataDir == null) {
            out.println("edgeloop: no market data found at " + ProjectPaths.defaultMarketData()
                    + "; pass --data DIR to choose one");
        } else {
            MarketDataSummary summary = MarketDataSummary.of(dataDir);
            out.printf("edgeloop: market data %s: %d files%n", dataDir, summary.totalFiles());
            summary.folders().forEach(f -> out.printf("            %-16s %5d files%n", f.name(), f.files()));
        }
        out.println("edgeloop: running now: the Kafka broker and every catalog topic");
        out.println("edgeloop: not there yet, so nothing is loaded and the topics stay empty:");
        NOT_YET.forEach(part -> out.println("            - " + part));
        out.flush();
    }
}
