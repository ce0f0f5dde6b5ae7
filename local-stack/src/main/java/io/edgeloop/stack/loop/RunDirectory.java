package io.edgeloop.stack.loop;

import io.edgeloop.embedded.Directories;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * A command's working directory (broker data, app state, logs): emptied when the next run starts,
 * so runs never see each other's state. A directory that holds files it did not make is refused,
 * so a mistyped path cannot empty a user's folder.
 */
public final class RunDirectory {

    /** The file that marks a directory as made by an edgeloop run. */
    static final String MARKER = ".edgeloop-run";

    private RunDirectory() {
    }

    /**
     * Empties {@code dir} (created when missing) and marks it as a run directory.
     *
     * @throws IllegalArgumentException when it holds files and has no {@link #MARKER}
     */
    public static void prepare(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            boolean empty;
            try (Stream<Path> list = Files.list(dir)) {
                empty = list.findAny().isEmpty();
            }
            if (!empty && !Files.exists(dir.resolve(MARKER))) {
                throw new IllegalArgumentException("refusing to empty " + dir + ": it holds files and is not a run "
                        + "directory (no " + MARKER + "); choose an empty or new directory");
            }
            Directories.deleteRecursively(dir);
        }
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(MARKER), "an edgeloop run directory; emptied by the next run\n");
    }
}
