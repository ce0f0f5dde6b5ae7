package io.edgeloop.testsupport;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An app started in a JVM of its own, as it is deployed (its {@code main} with command-line
 * arguments), on the test's classpath: what a test kills with SIGKILL
 * ({@link Process#destroyForcibly}) to see what a crash leaves, which no in-process stop can show.
 */
public final class ChildJvm {

    private ChildJvm() {
    }

    /** The processes started and not killed yet, each with the hook that kills it should the test JVM end first. */
    private static final Map<Process, Thread> RUNNING = new ConcurrentHashMap<>();

    /**
     * Starts {@code main} with {@code args}; its standard output and error go to {@code log}.
     * The caller ends the process with {@link #kill}; should the test JVM end first (a timeout, a
     * crash), a shutdown hook kills it, so no child outlives its test and holds its state.
     */
    public static Process start(Class<?> main, List<String> args, Path log) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(args);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Thread hook = new Thread(process::destroyForcibly, "child-jvm-" + process.pid() + "-kill");
        Runtime.getRuntime().addShutdownHook(hook);
        RUNNING.put(process, hook);
        return process;
    }

    /** Kills the process (SIGKILL, no shutdown hook of its runs) and waits until it is gone. */
    public static void kill(Process process) throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
        Thread hook = RUNNING.remove(process);
        if (hook != null) {
            Runtime.getRuntime().removeShutdownHook(hook);
        }
    }
}
