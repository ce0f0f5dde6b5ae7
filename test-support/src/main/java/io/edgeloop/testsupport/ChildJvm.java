package io.edgeloop.testsupport;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * An app started in a JVM of its own, as it is deployed (its {@code main} with command-line
 * arguments), on the test's classpath: what a test kills with SIGKILL
 * ({@link Process#destroyForcibly}) to see what a crash leaves, which no in-process stop can show.
 */
public final class ChildJvm {

    private ChildJvm() {
    }

    /**
     * Starts {@code main} with {@code args}; its standard output and error go to {@code log}.
     * The caller ends the process.
     */
    public static Process start(Class<?> main, List<String> args, Path log) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(args);
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** Kills the process (SIGKILL, no shutdown hook runs) and waits until it is gone. */
    public static void kill(Process process) throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }
}
