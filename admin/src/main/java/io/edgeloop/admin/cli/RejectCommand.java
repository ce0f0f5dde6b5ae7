package io.edgeloop.admin.cli;

import io.edgeloop.admin.approve.Decisions;
import io.edgeloop.admin.approve.Receipt;
import io.edgeloop.admin.auth.Operator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code edgeloop admin reject ID --reason TEXT}. */
@Command(name = "reject", mixinStandardHelpOptions = true,
        description = "Reject a pending model change; it is closed unapplied.")
public final class RejectCommand extends DecisionCommand {

    @Parameters(index = "0", paramLabel = "CHANGE_ID", description = "Id of the pending change (see: proposals).")
    String changeId;

    @Override
    String verb() {
        return "rejection of";
    }

    @Override
    Receipt decide(Decisions decisions, Operator operator) {
        return decisions.reject(operator, changeId, reason);
    }
}
