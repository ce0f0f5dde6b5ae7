package io.edgeloop.stack;

import java.util.concurrent.Callable;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.edgeloop.stack.logging.LogFiles;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The {@code edgeloop} command line. Each subcommand is one class listed in {@code subcommands}.
 * Exit codes: 0 success, 1 failure while running, 2 bad usage.
 */
@Command(name = "edgeloop", mixinStandardHelpOptions = true, versionProvider = EdgeloopCommand.Version.class,
        description = "edgeloop: a closed-loop, self-learning trading-signal model on Kafka.",
        subcommands = {StackCommand.class, TopicsCommand.class, DemoCommand.class, CommandLine.HelpCommand.class,
            io.edgeloop.stack.deploy.DeployCommand.class, AdminCommand.class, RetroCli.class,
            IndicatorsCommand.class, ReplayCommand.class, BenchCommand.class},
        footer = {"", "Run 'edgeloop COMMAND --help' for the options of a command."})
public final class EdgeloopCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(EdgeloopCommand.class);

    @Spec
    CommandSpec spec;

    /** Without a subcommand: a usage error that lists the commands. */
    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "Missing command: choose one of "
                + String.join(", ", spec.subcommands().keySet()));
    }

    /** A configured command line; tests call {@code execute} on it with captured output. */
    public static CommandLine commandLine() {
        return new CommandLine(new EdgeloopCommand())
                .setExecutionExceptionHandler(EdgeloopCommand::failure);
    }

    /** Runs the command line and exits with its exit code. */
    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    private static int failure(Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        LOG.error(LogFiles.FILE_ONLY, "command {} failed", commandLine.getCommandName(), e);
        commandLine.getErr().println("edgeloop: error: " + describe(e)
                + LogFiles.current().map(f -> " (details in " + f + ")").orElse(""));
        commandLine.getErr().flush();
        return CommandLine.ExitCode.SOFTWARE;
    }

    /** The distinct messages of an exception and its causes, outermost first: "a: b: c". */
    static String describe(Throwable e) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
            if (text.indexOf(message) < 0) {
                text.append(text.length() == 0 ? "" : ": ").append(message);
            }
        }
        return text.toString();
    }

    /** {@code --version}: edgeloop, Kafka and Java versions. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"edgeloop " + Versions.edgeloop(),
                "Kafka " + Versions.kafka() + ", Java " + System.getProperty("java.version")};
        }
    }
}
