package io.edgeloop.stack;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.Callable;

import io.edgeloop.core.config.AppConfig;
import io.edgeloop.core.config.ConfigException;
import io.edgeloop.retro.ChangePublisher;
import io.edgeloop.retro.ProposalFiles;
import io.edgeloop.retro.RetroCommand;
import io.edgeloop.retro.RetroOptions;
import io.edgeloop.retro.RetroRun;
import io.edgeloop.retro.SeedRun;
import io.edgeloop.schemas.avro.ModelChange;
import io.edgeloop.schemas.topics.Topics;
import org.apache.kafka.clients.CommonClientConfigs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code edgeloop retro --data DIR --out DIR}: the study and the weekly retrospective on candle
 * files, without a broker (the logic is {@link RetroCommand} in retro-app).
 */
@Command(name = "retro", mixinStandardHelpOptions = true,
        description = {"Mine moves, score lead-up patterns and run the retrospective on candle files.",
            "Writes moves.jsonl, pattern_features.jsonl, pattern_scores.json, FINDINGS.md/.html, RETRO.md/.html "
                + "and proposals.jsonl into --out."})
final class RetroCli implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "DIR", description = "Folder of candle files (daily files are used).")
    Path data;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder for the outputs (created; files replaced).")
    Path out;

    @Option(names = "--lookback", paramLabel = "DAYS", description = "Lookback in data time, e.g. 90d (default 90d).")
    String lookback;

    @Option(names = "--as-of", paramLabel = "DATE", description = "Last date used, YYYY-MM-DD (default: the latest bar).")
    LocalDate asOf;

    @Option(names = "--library", paramLabel = "FILE", description = "Patterns to re-score (JSON array); default the seeds.")
    Path library;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = {"Any retro.* option, e.g. retro.fdr=0.05; "
            + "repeatable. The environment's APP_RETRO_* variables (APP_RETRO_FDR=0.05) count too, under these."})
    List<String> settings = new ArrayList<>();

    @Option(names = "--seed", description = {"Seeding instead of the retrospective: judge every library pattern on "
            + "the whole history up to the as-of date against its base rate; writes SEED.md and seed-proposals.jsonl."})
    boolean seed;

    @Option(names = "--publish", description = "Publish the proposals to model-changelog (each change id once) for the "
            + "operators to approve.")
    boolean publish;

    @Option(names = "--bootstrap", paramLabel = "HOST:PORT", description = "Kafka bootstrap servers for --publish "
            + "(default: KAFKA_BOOTSTRAP_SERVERS, else the local stack's 127.0.0.1:" + StackOptions.DEFAULT_PORT + ").")
    String bootstrap;

    /**
     * The environment's {@code APP_RETRO_*} variables: a shell's other {@code APP_*} variables (an
     * app's {@code APP_HTTP_PORT}, say) are not this command's and must not stop it.
     */
    static Map<String, String> retroEnvironment(Map<String, String> environment) {
        Map<String, String> env = new TreeMap<>();
        environment.forEach((key, value) -> {
            if (key.startsWith("APP_RETRO_")) {
                env.put(key, value);
            }
        });
        return env;
    }

    @Override
    public Integer call() throws Exception {
        if (!Files.isDirectory(data)) {
            throw new ParameterException(spec.commandLine(), "--data: no such directory: " + data);
        }
        List<String> flags = new ArrayList<>(settings);
        if (lookback != null) {
            flags.add(RetroOptions.LOOKBACK.name() + "=" + lookback);
        }
        RetroOptions options;
        try {
            options = RetroOptions.from(AppConfig.resolve(RetroOptions.all(), new Properties(), retroEnvironment(System.getenv()),
                    flags));
        } catch (ConfigException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        if (asOf != null) {
            options = options.withAsOf(asOf);
        }
        if (library != null) {
            options = options.withLibrary(library.toString());
        }
        if (bootstrap != null && !publish) {
            throw new ParameterException(spec.commandLine(), "--bootstrap goes with --publish");
        }
        PrintWriter w = spec.commandLine().getOut();
        List<ModelChange> changes;
        if (seed) {
            SeedRun run = RetroCommand.standard().seed(data, out, options);
            run.describe().forEach(line -> w.println("edgeloop: " + line));
            changes = run.changes();
        } else {
            RetroRun run = RetroCommand.standard().run(data, out, options);
            run.describe().forEach(line -> w.println("edgeloop: " + line));
            changes = ProposalFiles.records(run.result().proposals(), run.proposedAt());
        }
        if (publish) {
            Properties kafka = new Properties();
            kafka.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrap != null ? bootstrap
                    : System.getenv().getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:" + StackOptions.DEFAULT_PORT));
            ChangePublisher.Result r = ChangePublisher.publish(kafka, changes, Duration.ofSeconds(30));
            w.printf("edgeloop: published %d proposals to %s; %d already on the changelog%n", r.published().size(),
                    Topics.MODEL_CHANGELOG.name(), r.skipped().size());
        }
        w.flush();
        return 0;
    }
}
