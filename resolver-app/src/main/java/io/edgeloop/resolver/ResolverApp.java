package io.edgeloop.resolver;

import io.edgeloop.core.config.AppConfig;
import io.edgeloop.core.config.ConfigException;
import io.edgeloop.core.http.JsonHttpServer;
import io.edgeloop.kstreams.ControlTopics;
import io.edgeloop.schemas.topics.Topics;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The resolver as a process: reads its configuration ({@link ResolverOptions}, {@code kafka.*}),
 * creates its control topic when missing, runs the topology ({@link ResolverTopology}) on a
 * Kafka Streams client and serves the query API ({@link ResolverHttp}).
 *
 * <p>{@code main} takes {@code --config=FILE} (a properties file) and {@code key=value} flags;
 * the environment gives {@code APP_*} and {@code KAFKA_*}. The local stack starts it in-process
 * with {@link #start(AppConfig)} and stops it by closing the handle.
 *
 * <p>Failures: a stream thread that dies of an uncaught exception shuts the whole client down
 * (logged with the cause), and {@code main} exits with status 1; records that fail are handled
 * by the dead-letter handlers and never stop a task.
 */
public final class ResolverApp {

    private static final Logger LOG = LoggerFactory.getLogger(ResolverApp.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private ResolverApp() {
    }

    public static void main(String[] args) {
        Handle handle;
        try {
            handle = start(configure(args, System.getenv()));
        } catch (ConfigException e) {
            LOG.error("resolver configuration refused: {}", String.join("; ", e.problems()));
            System.exit(2);
            return;
        } catch (IOException | RuntimeException e) {
            LOG.error("resolver failed to start", e);
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(handle::close, "resolver-shutdown"));
        boolean failed = handle.awaitStop();
        handle.close();
        System.exit(failed ? 1 : 0);
    }

    /** The configuration of a command line: {@code --config=FILE} and {@code key=value} flags, over the environment. */
    public static AppConfig configure(String[] args, Map<String, String> env) {
        Properties file = new Properties();
        List<String> flags = new ArrayList<>();
        for (String arg : args) {
            if (arg.startsWith("--config=")) {
                Path path = Path.of(arg.substring("--config=".length()));
                try (InputStream in = Files.newInputStream(path)) {
                    file.load(in);
                } catch (IOException e) {
                    throw new ConfigException(List.of("cannot read configuration file " + path + ": " + e.getMessage()));
                }
            } else {
                flags.add(arg.startsWith("--") ? arg.substring(2) : arg);
            }
        }
        return AppConfig.resolve(ResolverOptions.all(), file, env, flags);
    }

    /**
     * Starts the resolver: control topic, streams client, query API.
     *
     * @throws IOException when the HTTP port cannot be bound
     */
    public static Handle start(AppConfig config) throws IOException {
        ResolverConfig topology;
        try {
            topology = ResolverOptions.topologyConfig(config);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(List.of(e.getMessage()));
        }
        Map<String, Object> props = KafkaSettings.streams(config.kafka());
        String stateDir = config.get(ResolverOptions.STATE_DIR);
        if (!stateDir.isBlank()) {
            props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir);
        }
        int sources = ensureControlTopic(props, config.get(ResolverOptions.CREATE_CONTROL_TOPIC));
        topology = topology.withLearningSources(sources);
        LOG.info("resolver starting as {} with {}", props.get(StreamsConfig.APPLICATION_ID_CONFIG), config.describe());
        KafkaStreams streams = new KafkaStreams(ResolverTopology.build(topology), toProperties(props));
        CountDownLatch stopped = new CountDownLatch(1);
        AtomicBoolean failed = new AtomicBoolean();
        streams.setUncaughtExceptionHandler(e -> {
            LOG.error("resolver stream thread died of an uncaught exception; shutting the resolver client down", e);
            failed.set(true);
            return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
        streams.setStateListener((now, before) -> {
            LOG.info("resolver streams state {} -> {}", before, now);
            if (now == KafkaStreams.State.ERROR || now == KafkaStreams.State.NOT_RUNNING) {
                if (now == KafkaStreams.State.ERROR) {
                    failed.set(true);
                }
                stopped.countDown();
            }
        });
        streams.start();
        ResolverQueries queries = new ResolverQueries(ResolverQueries.of(streams));
        JsonHttpServer http = null;
        ResolveTrigger trigger = null;
        try {
            trigger = new ResolveTrigger(props);
            JsonHttpServer server = ResolverHttp.routes(new JsonHttpServer(config.get(ResolverOptions.HTTP_HOST),
                    config.get(ResolverOptions.HTTP_PORT)), queries, new ResolveDue(queries, trigger::request));
            http = ResolverProbes.of(streams, queries).register(server).start();
            LOG.info("resolver query API on port {}", http.port());
            return new Handle(streams, http, queries, trigger, stopped, failed);
        } catch (IOException | RuntimeException e) {
            if (http != null) {
                http.close();
            }
            if (trigger != null) {
                trigger.close();
            }
            streams.close(CLOSE_TIMEOUT);
            throw e;
        }
    }

    /**
     * {@code resolver.control} beside {@code predictions} ({@link ControlTopics}).
     *
     * @return the partitions of {@code predictions}: the outcome tasks the keeper waits for before
     *         it learns; 0 (the tasks that have reported) when it cannot be read and nothing is to
     *         be created
     */
    private static int ensureControlTopic(Map<String, Object> props, boolean create) {
        int sources = ControlTopics.ensure(adminProps(props), Topics.RESOLVER_CONTROL, Topics.PREDICTIONS.name(), create);
        if (sources == 0) {
            LOG.warn("the keeper waits only for the outcome tasks that report");
        }
        return sources;
    }

    private static Map<String, Object> adminProps(Map<String, Object> props) {
        StreamsConfig streamsConfig = new StreamsConfig(props);
        return streamsConfig.getAdminConfigs("edgeloop-resolver-setup");
    }

    private static Properties toProperties(Map<String, Object> props) {
        Properties p = new Properties();
        p.putAll(props);
        return p;
    }

    /** A running resolver. Closing it stops the query API and the streams client. */
    public static final class Handle implements AutoCloseable {

        private final KafkaStreams streams;
        private final JsonHttpServer http;
        private final ResolverQueries queries;
        private final ResolveTrigger trigger;
        private final CountDownLatch stopped;
        private final AtomicBoolean failed;
        private boolean closed;

        private Handle(KafkaStreams streams, JsonHttpServer http, ResolverQueries queries, ResolveTrigger trigger,
                       CountDownLatch stopped, AtomicBoolean failed) {
            this.streams = streams;
            this.http = http;
            this.queries = queries;
            this.trigger = trigger;
            this.stopped = stopped;
            this.failed = failed;
        }

        public KafkaStreams streams() {
            return streams;
        }

        /** The bound port of the query API. */
        public int httpPort() {
            return http.port();
        }

        public ResolverQueries queries() {
            return queries;
        }

        /**
         * The operator's "resolve due predictions now" ({@link ResolveDue}): asks every outcome
         * task to resolve at the latest stream time this instance has seen, and waits up to
         * {@code wait} for them to handle it.
         *
         * @throws ResolveDue.NoStreamTime before the resolver has read any record
         */
        public ResolveDue.Report resolveDueNow(String actor, Duration wait) {
            return new ResolveDue(queries, trigger::request).run(actor, wait);
        }

        /** Waits until the streams client stops; true when it stopped because of an error. */
        public boolean awaitStop() {
            try {
                stopped.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return failed.get();
        }

        /**
         * Stops the app and leaves its group, so that the other instances (or the next one) take
         * its tasks over at once instead of after the session timeout.
         */
        @Override
        public synchronized void close() {
            if (closed) {
                return;
            }
            closed = true;
            http.close();
            trigger.close();
            if (!streams.close(CloseOptions.timeout(CLOSE_TIMEOUT)
                    .withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP))) {
                LOG.warn("resolver streams client did not stop within {}", CLOSE_TIMEOUT);
            }
            LOG.info("resolver stopped");
        }
    }
}
