package io.edgeloop.admin.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code edgeloop admin reject ID --reason TEXT}. */
@Command(name = "reject", mixinStandardHelpOptions = true,
        description = "Reject a pending model change; it is closed unapplied.")
public final class RejectCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ClusterOptions cluster;

    @Parameters(index = "0", paramLabel = "CHANGE_ID", description = "Id of the pending change (see: proposals).")
    String changeId;

    @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why; recorded with your name.")
    String reason;

    @Override
    public Integer call() throws Exception {
        return DecisionCommand.run(spec, cluster, reason, "rejection of",
                (decisions, operator) -> decisions.reject(operator, changeId, reason));
    }
}
