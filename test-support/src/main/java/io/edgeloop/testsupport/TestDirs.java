package io.edgeloop.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Where test state lives (under the module's {@code target/}) and how it is removed. */
final class TestDirs {

    private TestDirs() {
    }

    /**
     * {@code target/kafka-tests} of the module under test: Maven's {@code basedir} property when
     * set (surefire and failsafe set it), else the working directory.
     */
    static Path root() {
        return Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize()
                .resolve("target").resolve("kafka-tests");
    }
}
