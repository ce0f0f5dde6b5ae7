package io.edgeloop.stack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

import org.apache.kafka.common.utils.AppInfoParser;

/** Versions of edgeloop (from the build) and of the Kafka libraries on the classpath. */
final class Versions {

    private static final String RESOURCE = "/edgeloop-version.properties";

    private Versions() {
    }

    /** The project version the jar was built from. */
    static String edgeloop() {
        Properties props = new Properties();
        try (InputStream in = Versions.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return "unknown";
            }
            props.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        return props.getProperty("version", "unknown");
    }

    /** The Kafka version reported by kafka-clients. */
    static String kafka() {
        return AppInfoParser.getVersion();
    }
}
