package io.edgeloop.stack;

import io.edgeloop.admin.cli.AdminCli;
import picocli.CommandLine.Command;

/**
 * {@code edgeloop admin}: the admin module's command line ({@link AdminCli}: proposals, approve,
 * reject, rollback, patterns, predictions, hash-password, serve) under the launcher. Its
 * commands default to the local stack's broker, {@code 127.0.0.1:9092}.
 */
@Command(name = "admin")
public final class AdminCommand extends AdminCli {
}
