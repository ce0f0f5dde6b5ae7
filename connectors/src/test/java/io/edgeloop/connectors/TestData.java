package io.edgeloop.connectors;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

/** The shared real market data (see its README), copied into a test's temp dir when a test needs files of its own. */
final class TestData {

    private TestData() {
    }

    static Path dir() {
        String dir = System.getProperty("edgeloop.data.dir");
        if (dir == null || !Files.isDirectory(Path.of(dir))) {
            throw new IllegalStateException("system property edgeloop.data.dir must point to the shared data folder, got "
                    + dir);
        }
        return Path.of(dir);
    }

    /** Copies a data file into a directory, keeping its name, dated an hour ago (older than any file.min.age.ms). */
    static Path copy(String relative, Path toDir) throws IOException {
        Files.createDirectories(toDir);
        Path source = dir().resolve(relative);
        Path target = toDir.resolve(source.getFileName().toString());
        Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
        age(target);
        return target;
    }

    /** Writes a file dated an hour ago. */
    static Path write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        age(file);
        return file;
    }

    /** Dates a file an hour ago, plus a second per call, so each rewrite is a new version. */
    static void age(Path file) throws IOException {
        Instant hourAgo = Instant.now().minusSeconds(3_600);
        FileTime previous = Files.getLastModifiedTime(file);
        Instant stamp = previous.toInstant().isBefore(hourAgo) ? previous.toInstant().plusSeconds(1) : hourAgo;
        Files.setLastModifiedTime(file, FileTime.from(stamp));
    }
}
