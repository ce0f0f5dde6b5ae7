package io.edgeloop.stack;

import java.io.PrintWriter;
import java.util.concurrent.CountDownLatch;

import io.edgeloop.embedded.StartupTimes;
import io.edgeloop.stack.logging.LogFiles;

/** Starts the local stack for a command, reports it, and keeps it up until Ctrl-C. */
final class StackLauncher {

    private StackLauncher() {
    }

    /** Starts the stack with a log file in its data directory and prints address and startup figures. */
    static LocalStack startAndReport(StackOptions options, PrintWriter out) {
        StackSettings settings = options.settings();
        LogFiles.attach(settings.dataDir().toAbsolutePath().normalize().resolve(LogFiles.FILE_NAME));
        out.println("edgeloop: starting Kafka " + Versions.kafka() + " (KRaft, single node) in "
                + settings.dataDir().toAbsolutePath().normalize());
        out.flush();
        LocalStack stack = LocalStack.start(settings);
        StartupTimes t = stack.startupTimes();
        out.printf("edgeloop: broker ready in %d ms (format %d ms, %s storage)%n", t.startToReadyMillis(),
                t.formatMillis(), t.freshStorage() ? "new" : "reused");
        out.printf("edgeloop: bootstrap servers %s%n", stack.bootstrapServers());
        out.printf("edgeloop: topics: %d created, %d already there (see: edgeloop topics)%n",
                stack.topics().created().size(), stack.topics().existing().size());
        out.printf("edgeloop: log file %s%n", stack.dataDir().resolve(LogFiles.FILE_NAME));
        out.flush();
        return stack;
    }

    /**
     * Prints {@code running}, then blocks until the JVM is asked to stop (Ctrl-C, SIGTERM); a
     * shutdown hook then runs {@code close} and prints {@code stopped}, so the data kept on disk can
     * be reused by the next start.
     */
    static void runUntilStopped(PrintWriter out, String running, Runnable close, String stopped)
            throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            out.println("edgeloop: stopping...");
            out.flush();
            close.run();
            out.println("edgeloop: " + stopped);
            out.flush();
            done.countDown();
        }, "edgeloop-shutdown"));
        out.println("edgeloop: " + running + "; press Ctrl-C to stop");
        out.flush();
        done.await();
    }
}
