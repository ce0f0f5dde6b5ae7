package io.edgeloop.admin.cli;

import io.edgeloop.admin.approve.Decisions;
import io.edgeloop.admin.approve.Receipt;
import io.edgeloop.admin.auth.Operator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code edgeloop admin approve ID --reason TEXT}. */
@Command(name = "approve", mixinStandardHelpOptions = true,
        description = "Approve a pending model change; the keeper applies it as a new library version.")
public final class ApproveCommand extends DecisionCommand {

    @Parameters(index = "0", paramLabel = "CHANGE_ID", description = "Id of the pending change (see: proposals).")
    String changeId;

    @Override
    String verb() {
        return "approval of";
    }

    @Override
    Receipt decide(Decisions decisions, Operator operator) {
        return decisions.approve(operator, changeId, reason);
    }
}
