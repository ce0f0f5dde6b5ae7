package io.edgeloop.connectors;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.connect.connector.policy.ConnectorClientConfigOverridePolicy;
import org.apache.kafka.connect.converters.ByteArrayConverter;
import org.apache.kafka.connect.errors.NotFoundException;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.runtime.Herder;
import org.apache.kafka.connect.runtime.Worker;
import org.apache.kafka.connect.runtime.WorkerConfig;
import org.apache.kafka.connect.runtime.isolation.LoaderSwap;
import org.apache.kafka.connect.runtime.isolation.Plugins;
import org.apache.kafka.connect.runtime.rest.entities.ConnectorInfo;
import org.apache.kafka.connect.runtime.rest.entities.ConnectorStateInfo;
import org.apache.kafka.connect.runtime.standalone.StandaloneConfig;
import org.apache.kafka.connect.runtime.standalone.StandaloneHerder;
import org.apache.kafka.connect.storage.FileOffsetBackingStore;
import org.apache.kafka.connect.storage.StringConverter;
import org.apache.kafka.connect.util.FutureCallback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * A Kafka Connect standalone worker in this process: the herder, worker and file offset store
 * of {@code ConnectStandalone}, without its REST server (nothing listens on a port) and without
 * its CLI, which ends the JVM when the worker fails to start. Plugins are found with
 * {@code plugin.discovery=service_load} on the class path, so it starts in about a second.
 * Needs {@code connect-runtime} on the class path (the local stack brings it).
 *
 * <pre>{@code
 * try (ConnectWorker connect = ConnectWorker.builder()
 *         .bootstrapServers(broker.bootstrapServers())
 *         .offsetsFile(stateDir.resolve("connect.offsets"))
 *         .start()) {
 *     connect.addConnector(ConnectorConfigs.referenceTickers("reference-tickers", sectorsJson, List.of(dataDir)));
 *     connect.addConnector(ConnectorConfigs.candleFiles("candle-files", List.of(dataDir)));
 *     connect.awaitRunning("candle-files", Duration.ofSeconds(30));
 *     connect.awaitCaughtUp("candle-files", Duration.ofMinutes(5));
 * }
 * }</pre>
 */
public final class ConnectWorker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectWorker.class);
    private static final long POLL_MS = 50;

    private final StandaloneHerder herder;
    private final Duration startTime;

    private ConnectWorker(StandaloneHerder herder, Duration startTime) {
        this.herder = herder;
        this.startTime = startTime;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** How long {@link Builder#start()} took. */
    public Duration startTime() {
        return startTime;
    }

    /**
     * Creates or replaces a connector.
     *
     * @param config the connector config; must hold {@code name} and {@code connector.class}
     * @throws IllegalArgumentException when the config is invalid (the message lists every error)
     */
    public void addConnector(Map<String, String> config) {
        String name = Objects.requireNonNull(config.get("name"), "the connector config has no 'name'");
        FutureCallback<Herder.Created<ConnectorInfo>> done = new FutureCallback<>();
        herder.putConnectorConfig(name, config, true, done);
        try {
            done.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalArgumentException("connector " + name + " was refused: " + e.getCause().getMessage(),
                    e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("connector " + name + " was not created within 30 s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating connector " + name, e);
        }
        LOG.info("connector {} added", name);
    }

    /** The connector's and its tasks' states ({@code RUNNING}, {@code FAILED}, ...). */
    public ConnectorStatus status(String name) {
        ConnectorStateInfo info;
        try {
            info = herder.connectorStatus(name);
        } catch (NotFoundException e) {
            return new ConnectorStatus(name, "UNKNOWN", List.of(), e.getMessage());
        }
        List<String> tasks = info.tasks().stream().map(ConnectorStateInfo.AbstractState::state).toList();
        String trace = info.connector().trace();
        for (ConnectorStateInfo.TaskState t : info.tasks()) {
            trace = trace == null ? t.trace() : trace;
        }
        return new ConnectorStatus(name, info.connector().state(), tasks, trace);
    }

    /**
     * Waits until the connector and all its tasks run.
     *
     * @throws IllegalStateException when the connector or a task failed (with its trace), or on timeout
     */
    public ConnectorStatus awaitRunning(String name, Duration timeout) {
        return await(name, timeout, "running", ConnectorStatus::running);
    }

    /**
     * Waits until every task of the connector has scanned its input, handed out everything it
     * found and had it acknowledged by the broker ({@link SourceTaskProgressMBean#isCaughtUp}).
     */
    public ConnectorProgress awaitCaughtUp(String name, Duration timeout) {
        awaitRunning(name, timeout);
        long deadline = System.nanoTime() + timeout.toNanos();
        ConnectorProgress p = progress(name);
        while (!p.caughtUp()) {
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException("connector " + name + " did not catch up within " + timeout + ": " + p);
            }
            failIfFailed(status(name));
            sleep();
            p = progress(name);
        }
        return p;
    }

    /** The connector's progress summed over its tasks in this process. */
    public ConnectorProgress progress(String name) {
        return ConnectorProgress.read(name);
    }

    private ConnectorStatus await(String name, Duration timeout, String what,
                                  Predicate<ConnectorStatus> done) {
        long deadline = System.nanoTime() + timeout.toNanos();
        ConnectorStatus s = status(name);
        while (!done.test(s)) {
            failIfFailed(s);
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException("connector " + name + " is not " + what + " after " + timeout + ": " + s);
            }
            sleep();
            s = status(name);
        }
        return s;
    }

    private static void failIfFailed(ConnectorStatus s) {
        if (s.failed()) {
            throw new IllegalStateException("connector " + s.name() + " failed: " + s);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(POLL_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a connector", e);
        }
    }

    /** Stops every connector (flushing their offsets), the worker and the offset store. */
    @Override
    public void close() {
        herder.stop();
        LOG.info("Connect worker stopped");
    }

    /** Settings of a worker; {@link #start()} starts it. */
    public static final class Builder {

        private final Map<String, String> props = new LinkedHashMap<>();
        private String bootstrapServers;
        private Path offsetsFile;

        private Builder() {
            props.put(WorkerConfig.PLUGIN_DISCOVERY_CONFIG, "service_load");
            props.put(WorkerConfig.KEY_CONVERTER_CLASS_CONFIG, StringConverter.class.getName());
            props.put(WorkerConfig.VALUE_CONVERTER_CLASS_CONFIG, ByteArrayConverter.class.getName());
            props.put(WorkerConfig.OFFSET_COMMIT_INTERVAL_MS_CONFIG, "1000");
            // Bars are small (about 100 bytes) and a replay sends hundreds of thousands: large
            // batches fill the one in-flight request Connect allows per connection (measured on the
            // history files: 216,194 bars in 14.8 s with the client defaults, 4.4 s with these).
            props.put("producer.batch.size", "524288");
            props.put("producer.linger.ms", "20");
            props.put("producer.compression.type", "lz4");
        }

        /** The broker(s) to connect to. Required. */
        public Builder bootstrapServers(String servers) {
            this.bootstrapServers = servers;
            return this;
        }

        /** Where the source offsets are kept; keep it to resume after a restart. Required. */
        public Builder offsetsFile(Path file) {
            this.offsetsFile = file;
            return this;
        }

        /**
         * Starts the worker.
         *
         * @throws IllegalStateException when the broker cannot be reached or the worker fails to start
         */
        @SuppressWarnings("try") // the loader swap is held for its effect: plugins load through Connect's loader
        public ConnectWorker start() {
            Objects.requireNonNull(bootstrapServers, "bootstrapServers");
            Objects.requireNonNull(offsetsFile, "offsetsFile");
            Path folder = offsetsFile.toAbsolutePath().getParent();
            try {
                // The worker writes the file by renaming a new one into this folder, which must exist.
                Files.createDirectories(folder);
            } catch (IOException e) {
                throw new IllegalStateException("cannot create the folder of the Connect offsets file " + folder, e);
            }
            Map<String, String> workerProps = new LinkedHashMap<>(props);
            workerProps.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            workerProps.put(StandaloneConfig.OFFSET_STORAGE_FILE_FILENAME_CONFIG, offsetsFile.toAbsolutePath().toString());
            long t0 = System.nanoTime();
            Plugins plugins = new Plugins(workerProps);
            try (LoaderSwap swap = plugins.withClassLoader(plugins.delegatingLoader())) {
                StandaloneConfig config = new StandaloneConfig(workerProps);
                String clusterId = config.kafkaClusterId();
                FileOffsetBackingStore offsets = new FileOffsetBackingStore(plugins.newInternalConverter(true,
                        JsonConverter.class.getName(), Map.of("schemas.enable", "false")));
                offsets.configure(config);
                ConnectorClientConfigOverridePolicy policy = plugins.newPlugin(
                        config.getString(WorkerConfig.CONNECTOR_CLIENT_POLICY_CLASS_CONFIG), config,
                        ConnectorClientConfigOverridePolicy.class);
                Worker worker = new Worker("edgeloop-standalone", Time.SYSTEM, plugins, config, offsets, policy);
                StandaloneHerder herder = new StandaloneHerder(worker, clusterId, policy);
                herder.start();
                herder.ready();
                Duration took = Duration.ofNanos(System.nanoTime() - t0);
                LOG.info("Connect worker started in {} ms (cluster {}, offsets in {})", took.toMillis(), clusterId,
                        offsetsFile);
                return new ConnectWorker(herder, took);
            } catch (RuntimeException e) {
                throw new IllegalStateException("the Connect worker could not start: " + e.getMessage(), e);
            }
        }
    }
}
