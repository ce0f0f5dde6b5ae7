package io.edgeloop.admin.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code edgeloop admin}: the operators' command line. Every command that reads or changes the
 * model needs an operator credential ({@code --user} and a password, checked against the
 * operators file); a request without a valid one changes nothing.
 */
@Command(name = "admin", mixinStandardHelpOptions = true,
        description = "Operators' tools: review and decide model changes, read the library and predictions, serve the dashboard.",
        subcommands = {ProposalsCommand.class, ApproveCommand.class, RejectCommand.class, RollbackCommand.class,
            PatternsCommand.class, PredictionsCommand.class, HashPasswordCommand.class, ServeCommand.class,
            CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            " 0:done",
            " 1:the cluster did not answer within the timeout (or another failure)",
            " 2:bad usage (unknown option, missing or blank --reason, bad configuration)",
            " 3:not authenticated (no credential, unknown operator or wrong password)",
            " 4:forbidden (the account may not decide changes)",
            " 5:refused (unknown change, already decided, a decision already waiting, bad rollback version)"})
public class AdminCli implements Callable<Integer> {

    /** The cluster did not answer in time. */
    public static final int UNAVAILABLE = 1;
    /** No valid credential. */
    public static final int NOT_AUTHENTICATED = 3;
    /** The account's role does not allow it. */
    public static final int FORBIDDEN = 4;
    /** The admin refused the decision (see the message). */
    public static final int REFUSED = 5;

    @Spec
    CommandSpec spec;

    /** Without a subcommand: a usage error that lists the commands. */
    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "Missing command: choose one of "
                + String.join(", ", spec.subcommands().keySet()));
    }

    /**
     * A command line whose commands read {@code env} instead of the process environment (for
     * tests and embedding).
     */
    public static CommandLine commandLine(Map<String, String> env) {
        return new CommandLine(new AdminCli(), new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> cls) throws Exception {
                if (cls == ClusterOptions.class) {
                    return cls.cast(new ClusterOptions(env));
                }
                return CommandLine.defaultFactory().create(cls);
            }
        });
    }
}
