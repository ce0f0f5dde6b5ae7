package io.edgeloop.stack;

import java.nio.file.Path;

import io.edgeloop.embedded.EmbeddedKafka;
import io.edgeloop.embedded.StartupTimes;
import io.edgeloop.embedded.TopicSetup;
import io.edgeloop.schemas.topics.Topics;

/**
 * The local stack as {@code edgeloop stack} runs it: one embedded Kafka broker with every topic of
 * the catalog. Later issues add Connect and the apps here, so every command and test that needs
 * "the system" starts it through this class.
 */
public final class LocalStack implements AutoCloseable {

    private final EmbeddedKafka kafka;
    private final TopicSetup topics;

    private LocalStack(EmbeddedKafka kafka, TopicSetup topics) {
        this.kafka = kafka;
        this.topics = topics;
    }

    /**
     * Starts the broker (formatting its storage on first use) and creates the catalog topics.
     *
     * @throws IllegalStateException when the broker does not come up or an existing topic
     *     differs from the catalog; the broker is stopped again in that case
     */
    public static LocalStack start(StackSettings settings) {
        EmbeddedKafka kafka = EmbeddedKafka.builder()
                .dataDir(settings.dataDir())
                .port(settings.port())
                .controllerPort(settings.controllerPort())
                .brokerProperties(settings.brokerProperties())
                .build();
        try {
            kafka.start();
            return new LocalStack(kafka, kafka.createTopics(Topics.all()));
        } catch (RuntimeException e) {
            kafka.close();
            throw e;
        }
    }

    /** {@code host:port} for {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    /** Format and start-to-ready times of the broker. */
    public StartupTimes startupTimes() {
        return kafka.startupTimes();
    }

    /** Which catalog topics were created now and which were there already. */
    public TopicSetup topics() {
        return topics;
    }

    /** Absolute data directory. */
    public Path dataDir() {
        return kafka.dataDir();
    }

    /** Stops everything; the data directory stays for the next start. */
    @Override
    public void close() {
        kafka.close();
    }
}
