package io.edgeloop.testsupport;

import java.nio.file.Path;
import java.util.UUID;

import io.edgeloop.embedded.Directories;
import io.edgeloop.embedded.EmbeddedKafka;
import io.edgeloop.schemas.topics.Topics;

/**
 * The broker of one test class and the directory that holds its data and the tests' temporary
 * state. Stored in the class-level extension store, so JUnit closes it after the class.
 */
final class ClassBroker implements AutoCloseable {

    private final EmbeddedKafka kafka;
    private final Path baseDir;

    private ClassBroker(EmbeddedKafka kafka, Path baseDir) {
        this.kafka = kafka;
        this.baseDir = baseDir;
    }

    /** Starts a broker for {@code className} and creates every catalog topic. */
    static ClassBroker start(String className) {
        Path baseDir = TestDirs.root().resolve(className + "-" + UUID.randomUUID().toString().substring(0, 8));
        EmbeddedKafka kafka = EmbeddedKafka.builder().dataDir(baseDir.resolve("broker")).build();
        try {
            kafka.start();
            kafka.createTopics(Topics.all());
        } catch (RuntimeException e) {
            kafka.close();
            Directories.deleteRecursively(baseDir);
            throw e;
        }
        return new ClassBroker(kafka, baseDir);
    }

    EmbeddedKafka kafka() {
        return kafka;
    }

    /** Parent of the tests' temporary directories. */
    Path testsDir() {
        return baseDir.resolve("tests");
    }

    @Override
    public void close() {
        try {
            kafka.close();
        } finally {
            Directories.deleteRecursively(baseDir);
        }
    }
}
