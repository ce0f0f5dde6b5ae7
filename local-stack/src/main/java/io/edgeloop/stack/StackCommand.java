package io.edgeloop.stack;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code edgeloop stack}: a real Kafka broker with every catalog topic, until Ctrl-C. */
@Command(name = "stack", mixinStandardHelpOptions = true,
        description = {"Start a real Kafka broker with every catalog topic; run until Ctrl-C.",
            "KRaft, one node, in this process, on 127.0.0.1. Prints the bootstrap address and startup times."})
final class StackCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    StackOptions options;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        LocalStack stack = StackLauncher.startAndReport(options, out);
        StackLauncher.runUntilStopped(out, "running", stack::close, "stopped cleanly; data kept in " + stack.dataDir());
        return 0;
    }
}
