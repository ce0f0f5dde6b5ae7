package io.edgeloop.stack.deploy;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code edgeloop deploy}: files for docker-compose and Kubernetes (Strimzi) generated from the catalog. */
@Command(name = "deploy", mixinStandardHelpOptions = true,
        description = "Deploy files generated from the topic catalog and the topic-ownership table.",
        subcommands = {DeployCommand.Render.class, CommandLine.HelpCommand.class})
public final class DeployCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    /** Without a subcommand: a usage error that lists the subcommands. */
    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "Missing command: choose one of "
                + String.join(", ", spec.subcommands().keySet()));
    }

    /** {@code edgeloop deploy render}: writes the KafkaTopic and KafkaUser manifests and the compose topic script. */
    @Command(name = "render", mixinStandardHelpOptions = true,
            description = {"Write the Strimzi KafkaTopic and KafkaUser manifests and the docker-compose topic script.",
                "Run it from the repository root after changing the topic catalog or the ownership table;",
                "a unit test fails while the checked-in files differ from a fresh render."})
    static final class Render implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--out", paramLabel = "DIR", defaultValue = "k8s/generated",
                description = "Directory of the Kubernetes manifests (default: ${DEFAULT-VALUE}).")
        Path out;

        @Option(names = "--compose-out", paramLabel = "DIR", defaultValue = "docker/generated",
                description = "Directory of the compose topic script (default: ${DEFAULT-VALUE}).")
        Path composeOut;

        @Override
        public Integer call() throws IOException {
            PrintWriter writer = spec.commandLine().getOut();
            for (Path file : DeployRenderer.write(out, composeOut)) {
                writer.println("wrote " + file);
            }
            writer.flush();
            return 0;
        }
    }
}
