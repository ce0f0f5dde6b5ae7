package io.edgeloop.admin.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code edgeloop admin rollback VERSION --reason TEXT}. */
@Command(name = "rollback", mixinStandardHelpOptions = true,
        description = "Roll the pattern library back to an earlier version; the keeper applies it as a new version.")
public final class RollbackCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ClusterOptions cluster;

    @Parameters(index = "0", paramLabel = "VERSION", description = "Library version to restore (1 .. current - 1).")
    long version;

    @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why; recorded with your name.")
    String reason;

    @Override
    public Integer call() throws Exception {
        return DecisionCommand.run(spec, cluster, reason, "rollback to version " + version + " as change",
                (decisions, operator) -> decisions.rollback(operator, version, reason));
    }
}
