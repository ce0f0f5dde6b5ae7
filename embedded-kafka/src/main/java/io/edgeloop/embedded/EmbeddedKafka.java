package io.edgeloop.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.edgeloop.schemas.topics.Topic;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;

/**
 * A real Apache Kafka broker running in this JVM: one KRaft node that is both broker and
 * controller (the single voter of its quorum), listening on 127.0.0.1 only, with its data in a
 * directory the caller chooses. {@link #start()} formats the storage (or reuses a formatted one),
 * starts {@link KafkaRaftServer} and returns once an admin client sees the broker.
 *
 * <pre>{@code
 * try (EmbeddedKafka kafka = EmbeddedKafka.builder().dataDir(dir).build()) {
 *     kafka.start();
 *     kafka.createTopics(Topics.all());
 *     String bootstrap = kafka.bootstrapServers();
 * }
 * }</pre>
 */
public final class EmbeddedKafka implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafka.class);

    private final Path dataDir;
    private final int requestedPort;
    private final int requestedControllerPort;
    private final Map<String, String> overrides;
    private final boolean deleteOnClose;
    private final Duration timeout;

    private KafkaRaftServer server;
    private Admin admin;
    private String bootstrapServers;
    private StartupTimes startupTimes;
    private boolean closed;

    private EmbeddedKafka(Builder builder) {
        this.dataDir = builder.dataDir.toAbsolutePath().normalize();
        this.requestedPort = builder.port;
        this.requestedControllerPort = builder.controllerPort;
        this.overrides = Map.copyOf(builder.overrides);
        this.deleteOnClose = builder.deleteOnClose;
        this.timeout = builder.timeout;
    }

    /** A builder; {@link Builder#dataDir(Path)} is required. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Formats the storage if needed, starts the node and waits until the broker is ready.
     *
     * @return the measured startup times
     * @throws IllegalStateException if it was started before, or the broker is not ready in time
     */
    public synchronized StartupTimes start() {
        if (server != null || closed) {
            throw new IllegalStateException("an EmbeddedKafka starts once; build a new one for " + dataDir);
        }
        FreePorts.requireFree(requestedPort, "broker port");
        FreePorts.requireFree(requestedControllerPort, "controller port");
        FreePorts.Ports ports = FreePorts.resolve(requestedPort, requestedControllerPort);
        int port = ports.broker();
        int controllerPort = ports.controller();
        Map<String, String> props = BrokerConfig.properties(dataDir, port, controllerPort, overrides);
        long t0 = System.nanoTime();
        boolean fresh = StorageFormatter.format(dataDir, Uuid.randomUuid().toString(), props);
        long t1 = System.nanoTime();
        bootstrapServers = BrokerConfig.HOST + ":" + port;
        server = new KafkaRaftServer(new KafkaConfig(props, false), Time.SYSTEM);
        try {
            server.startup();
            admin = Admin.create(Map.of(
                    AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                    AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis()));
            awaitReady(System.nanoTime() + timeout.toNanos());
        } catch (RuntimeException e) {
            stop();
            closed = true;
            throw e;
        }
        long t2 = System.nanoTime();
        startupTimes = new StartupTimes(TimeUnit.NANOSECONDS.toMillis(t1 - t0),
                TimeUnit.NANOSECONDS.toMillis(t2 - t1), fresh);
        LOG.info("Kafka broker ready at {} in {} ms (format {} ms, {} storage) with data in {}", bootstrapServers,
                startupTimes.startToReadyMillis(), startupTimes.formatMillis(), fresh ? "new" : "reused", dataDir);
        return startupTimes;
    }

    private void awaitReady(long deadline) {
        String last = "no answer yet";
        while (System.nanoTime() < deadline) {
            try {
                long left = Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
                if (!admin.describeCluster().nodes().get(left, TimeUnit.MILLISECONDS).isEmpty()) {
                    return;
                }
                last = "describeCluster lists no broker yet";
            } catch (ExecutionException e) {
                last = e.getCause().toString();
            } catch (TimeoutException e) {
                break;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the broker at " + bootstrapServers, e);
            }
            pause();
        }
        throw new IllegalStateException("Kafka broker at " + bootstrapServers + " not ready within " + timeout
                + " (" + last + "); its log is under " + dataDir);
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the broker", e);
        }
    }

    /** {@code host:port} of the PLAINTEXT listener, for {@code bootstrap.servers}. */
    public synchronized String bootstrapServers() {
        requireStarted();
        return bootstrapServers;
    }

    /** Times measured by {@link #start()}. */
    public synchronized StartupTimes startupTimes() {
        requireStarted();
        return startupTimes;
    }

    /** The absolute data directory (config file and Kafka log directory). */
    public Path dataDir() {
        return dataDir;
    }

    /**
     * Creates every topic that does not exist yet, with its partitions and configs (replication
     * factor 1), and checks that existing ones match the catalog.
     *
     * @throws IllegalStateException when an existing topic differs from the catalog
     */
    public synchronized TopicSetup createTopics(Collection<? extends Topic<?, ?>> topics) {
        requireStarted();
        TopicSetup setup = new CatalogTopics(admin, timeout).apply(topics,
                "delete the data directory " + dataDir + " to start from the catalog again");
        LOG.debug("topics created {}, already there {}", setup.created(), setup.existing());
        return setup;
    }

    private void requireStarted() {
        if (server == null) {
            throw new IllegalStateException("EmbeddedKafka is not running; call start() first");
        }
    }

    /** Stops the broker and waits until it has shut down; deletes the data dir if asked to. */
    @Override
    public synchronized void close() {
        closed = true;
        if (server != null) {
            long t0 = System.nanoTime();
            stop();
            LOG.info("Kafka broker at {} stopped in {} ms", bootstrapServers,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
        }
        if (deleteOnClose) {
            Directories.deleteRecursively(dataDir);
        }
    }

    private void stop() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(5));
            admin = null;
        }
        if (server != null) {
            server.shutdown();
            server.awaitShutdown();
            server = null;
        }
    }


    /** Settings of an {@link EmbeddedKafka}; every setter returns this builder. */
    public static final class Builder {
        private Path dataDir;
        private int port;
        private int controllerPort;
        private final Map<String, String> overrides = new LinkedHashMap<>();
        private boolean deleteOnClose;
        private Duration timeout = Duration.ofSeconds(60);

        private Builder() {
        }

        /** Directory for the broker config and its log directory; created when missing. Required. */
        public Builder dataDir(Path dir) {
            this.dataDir = Objects.requireNonNull(dir, "dataDir");
            return this;
        }

        /** Client (PLAINTEXT) port on 127.0.0.1; 0, the default, takes a free port. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** KRaft controller port on 127.0.0.1; 0, the default, takes a free port. */
        public Builder controllerPort(int port) {
            this.controllerPort = port;
            return this;
        }

        /** Sets one broker property; wins over the defaults. */
        public Builder brokerProperty(String key, String value) {
            overrides.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** Sets broker properties; they win over the defaults. */
        public Builder brokerProperties(Map<String, String> properties) {
            properties.forEach(this::brokerProperty);
            return this;
        }

        /** Delete the data directory on {@link #close()} (tests); default false. */
        public Builder deleteOnClose(boolean delete) {
            this.deleteOnClose = delete;
            return this;
        }

        /** How long start-up and admin requests may take; default 60 s. */
        public Builder timeout(Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("timeout must be positive, got " + timeout);
            }
            this.timeout = timeout;
            return this;
        }

        /** Builds a broker that is not started yet. */
        public EmbeddedKafka build() {
            if (dataDir == null) {
                throw new IllegalStateException("EmbeddedKafka needs a data directory: call dataDir(...)");
            }
            FreePorts.validate(port, controllerPort);
            return new EmbeddedKafka(this);
        }
    }
}
