package io.edgeloop.admin.cli;

import io.edgeloop.admin.approve.Decisions;
import io.edgeloop.admin.approve.Receipt;
import io.edgeloop.admin.auth.Operator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code edgeloop admin rollback VERSION --reason TEXT}. */
@Command(name = "rollback", mixinStandardHelpOptions = true,
        description = "Roll the pattern library back to an earlier version; the keeper applies it as a new version.")
public final class RollbackCommand extends DecisionCommand {

    @Parameters(index = "0", paramLabel = "VERSION", description = "Library version to restore (1 .. current - 1).")
    long version;

    @Override
    String verb() {
        return "rollback to version " + version + " as change";
    }

    @Override
    Receipt decide(Decisions decisions, Operator operator) {
        return decisions.rollback(operator, version, reason);
    }
}
