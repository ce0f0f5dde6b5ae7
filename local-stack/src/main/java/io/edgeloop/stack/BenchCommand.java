package io.edgeloop.stack;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import io.edgeloop.kstreams.KafkaSettingNames;
import io.edgeloop.retro.RetroBench;
import io.edgeloop.stack.loop.Loop;
import io.edgeloop.stack.loop.LoopRun;
import io.edgeloop.stack.loop.LoopSettings;
import io.edgeloop.stack.loop.PassthroughBench;
import io.edgeloop.stack.loop.RunDirectory;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.streams.StreamsConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code edgeloop bench}: benchmarks on the embedded stack. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Benchmarks on the embedded stack.",
        subcommands = {BenchCommand.Replay.class, BenchCommand.Streams.class, BenchCommand.Retro.class})
final class BenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    /** Without a subcommand: a usage error. */
    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "Missing benchmark: choose one of "
                + String.join(", ", spec.subcommands().keySet()));
    }

    /** The options the stack-free benchmarks share: where the data is and how many counted rounds. */
    static final class DataAndRounds {

        @Spec(Spec.Target.MIXEE)
        CommandSpec spec;

        @Option(names = "--data", paramLabel = "DIR", description = "Candle files (default: ../shared/data beside the project).")
        Path data;

        @Option(names = "--rounds", paramLabel = "N", defaultValue = "3", description = "Counted rounds (default: ${DEFAULT-VALUE}).")
        int rounds;

        /** The data folder: the option, else the shared data beside the project; a usage error when missing. */
        Path data() {
            return DemoCommand.marketData(data, spec.commandLine());
        }

        /** The rounds; a usage error below one. */
        int rounds() {
            if (rounds < 1) {
                throw new ParameterException(spec.commandLine(), "--rounds must be at least 1, got " + rounds);
            }
            return rounds;
        }
    }

    /** The market data folder of a benchmark: the option, else the shared data beside the project. */
    /** {@code edgeloop bench streams}: streams-app's topology against a plain passthrough ({@link StreamsBench}). */
    @Command(name = "streams", mixinStandardHelpOptions = true,
            description = {"The live topology against a plain Kafka Streams passthrough over the same candles, both "
                + "exactly-once on one embedded broker, alternating rounds; prints both throughputs, b/a (goal: >= 0.5) "
                + "and the topology's own cost per candle."})
    static final class Streams implements Callable<Integer> {

        @Mixin
        DataAndRounds options;

        @Option(names = "--glob", paramLabel = "GLOB", defaultValue = "history/*_60.json",
                description = "Files under --data to publish (default: ${DEFAULT-VALUE}).")
        String glob;

        @Option(names = "--warmup", paramLabel = "N", defaultValue = "3",
                description = "Rounds of all three before the counted ones, not counted (default: ${DEFAULT-VALUE}); "
                        + "up to " + StreamsBench.MAX_EXTRA_WARMUPS + " more while the JIT still compiles for over a tenth "
                        + "of the topology's round.")
        int warmup;

        @Option(names = "--variant", paramLabel = "KEY=VALUE",
                description = "Also run the topology with this Kafka Streams setting, right after (b) in every round "
                        + "(b2; e.g. max.task.idle.ms=0), to compare the two under the same load.")
        Map<String, String> variant = new LinkedHashMap<>();

        @Option(names = "--run-dir", paramLabel = "DIR", defaultValue = ".edgeloop/bench-streams",
                description = "Broker data and app state; emptied at start, deleted at the end "
                        + "(default: ${DEFAULT-VALUE}).")
        Path runDir;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            int rounds = options.rounds();
            if (warmup < 0) {
                throw new ParameterException(spec.commandLine(), "--warmup must be at least 0, got " + warmup);
            }
            checkVariant();
            Path data = options.data();
            try {
                RunDirectory.prepare(runDir);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--run-dir: " + e.getMessage());
            }
            StreamsBench.Result result = StreamsBench.run(data, glob, runDir, 1, warmup, rounds, Map.of(),
                    Map.<String, Object>copyOf(variant));
            StreamsBench.print(result, glob, spec.commandLine().getOut());
            return 0;
        }

        /**
         * Refuses a {@code --variant} key that no Kafka Streams client reads (a typo would run the
         * same topology twice and compare it with itself) and a value Kafka Streams does not parse.
         */
        private void checkVariant() {
            List<String> unknown = KafkaSettingNames.unknown(variant.keySet());
            if (!unknown.isEmpty()) {
                throw new ParameterException(spec.commandLine(), "--variant: " + unknown
                        + " not a Kafka Streams setting, nor a consumer, producer or admin setting");
            }
            Map<String, Object> props = new LinkedHashMap<>(variant);
            props.put(StreamsConfig.APPLICATION_ID_CONFIG, "bench-variant-check");
            props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:9092");
            try {
                new StreamsConfig(props);
            } catch (ConfigException e) {
                throw new ParameterException(spec.commandLine(), "--variant: " + e.getMessage(), e);
            }
        }
    }

    /** {@code edgeloop bench retro}: the retrospective's study over every daily bar ({@link RetroBench}). */
    @Command(name = "retro", mixinStandardHelpOptions = true,
            description = {"The study of the retrospective (score trails, mining, lead-up features, archetypes) over "
                + "every daily bar of the data, after a warm-up round; prints each round and the figure per 1M bars "
                + "(goal: under 10 s for the shared data)."})
    static final class Retro implements Callable<Integer> {

        @Mixin
        DataAndRounds options;

        @Override
        public Integer call() throws Exception {
            int rounds = options.rounds();
            RetroBench.main(new String[] {options.data().toString(), Integer.toString(rounds)});
            return 0;
        }
    }

    /**
     * {@code edgeloop bench replay}: the replay's end-to-end throughput against a plain Streams
     * passthrough over the same candles on the same broker, in one run ({@link PassthroughBench}).
     */
    @Command(name = "replay", mixinStandardHelpOptions = true,
            description = {"Replay the data through the loop, then copy the same candles with a plain Kafka Streams "
                + "passthrough on the same broker; print both throughputs and their ratio (goal: >= 1/3)."})
    static final class Replay implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--data", paramLabel = "DIR", description = "Candle files (default: ../shared/data beside the project).")
        Path data;

        @Mixin
        LoopSelection selection;

        @Option(names = "--run-dir", paramLabel = "DIR", defaultValue = ".edgeloop/bench",
                description = "Broker data and app state; emptied at start (default: ${DEFAULT-VALUE}).")
        Path runDir;

        @Override
        public Integer call() throws Exception {
            PrintWriter w = spec.commandLine().getOut();
            Path marketData = DemoCommand.marketData(data, spec.commandLine());
            LoopSettings settings = new LoopSettings(marketData, runDir, 0, selection.tickers(marketData), selection.from(),
                    selection.to(), selection.retro(), false, 0, LoopSettings.DEFAULT_TIMEOUT);
            try (Loop loop = Loop.create(settings)) {
                LoopRun run = ReplayCommand.run(loop, w, spec.commandLine());
                w.println("edgeloop: replay done; now the passthrough over the same candles");
                w.flush();
                PassthroughBench.Result pass = PassthroughBench.run(loop, LoopSettings.DEFAULT_TIMEOUT);
                w.printf(Locale.ROOT, "candles                          %,d%n", run.candlesProcessed());
                w.printf(Locale.ROOT, "(a) passthrough, end to end      %,.0f candles/s (start to all committed)%n",
                        pass.endToEndPerSecond());
                w.printf(Locale.ROOT, "(a) passthrough, processing      %,.0f candles/s (first to last record)%n",
                        pass.processingPerSecond());
                w.printf(Locale.ROOT, "(b) replay, end to end           %,.0f candles/s (candle connector added to resolver "
                        + "and keeper committed; %.1f s)%n", run.candlesPerSecond(), run.resolvedMillis() / 1000.0);
                w.printf(Locale.ROOT, "(b) replay, whole run            %,.0f candles/s (start-up and retrospective "
                        + "included; %.1f s)%n", run.candlesPerSecondWall(), run.totalMillis() / 1000.0);
                w.printf(Locale.ROOT, "b/a end to end                   %.2f (goal >= 0.33)%n",
                        run.candlesPerSecond() / pass.endToEndPerSecond());
                w.printf(Locale.ROOT, "b/a against processing           %.2f%n",
                        run.candlesPerSecond() / pass.processingPerSecond());
                w.flush();
            }
            return 0;
        }
    }
}
