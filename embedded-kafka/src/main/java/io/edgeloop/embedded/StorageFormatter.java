package io.edgeloop.embedded;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import kafka.tools.StorageTool;

/**
 * Formats KRaft storage the way {@code kafka-storage.sh format} does, by calling Kafka's own
 * {@link StorageTool} with the broker's config file. A directory that is already formatted is
 * kept as it is (with its own cluster id), so a stopped stack restarts on its old data.
 */
final class StorageFormatter {

    private static final Logger LOG = LoggerFactory.getLogger(StorageFormatter.class);
    static final String CONFIG_FILE = "server.properties";
    private static final String META_PROPERTIES = "meta.properties";

    private StorageFormatter() {
    }

    /**
     * Writes {@code properties} to {@code dataDir/server.properties} and formats the log directory.
     *
     * @return true when a new storage was formatted, false when an earlier one was reused
     */
    static boolean format(Path dataDir, String clusterId, Map<String, String> properties) {
        Path configFile = writeConfig(dataDir, properties);
        if (Files.exists(BrokerConfig.logDir(dataDir).resolve(META_PROPERTIES))) {
            LOG.debug("storage in {} is formatted already; reusing it", dataDir);
            return false;
        }
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        int exitCode;
        try (PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8)) {
            exitCode = StorageTool.execute(new String[] {
                "format", "-t", clusterId, "-c", configFile.toString()}, out);
        } catch (RuntimeException e) {
            throw new IllegalStateException("formatting Kafka storage in " + dataDir + " failed: "
                    + e.getMessage() + System.lineSeparator() + buffer.toString(StandardCharsets.UTF_8), e);
        }
        String output = buffer.toString(StandardCharsets.UTF_8).trim();
        if (exitCode != 0) {
            throw new IllegalStateException("formatting Kafka storage in " + dataDir
                    + " failed with exit code " + exitCode + ": " + output);
        }
        LOG.debug("kafka-storage format: {}", output);
        return true;
    }

    private static Path writeConfig(Path dataDir, Map<String, String> properties) {
        Properties props = new Properties();
        props.putAll(properties);
        Path file = dataDir.resolve(CONFIG_FILE);
        try {
            Files.createDirectories(dataDir);
            try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                props.store(writer, "written by edgeloop on every start; edits are overwritten");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the broker config " + file, e);
        }
        return file;
    }
}
