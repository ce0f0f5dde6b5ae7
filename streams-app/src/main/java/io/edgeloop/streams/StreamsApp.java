package io.edgeloop.streams;

import io.edgeloop.kstreams.ControlTopics;
import io.edgeloop.core.config.AppConfig;
import io.edgeloop.core.config.ConfigException;
import io.edgeloop.core.http.JsonHttpServer;
import io.edgeloop.schemas.topics.Topics;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.time.Duration;

/**
 * The streams app: the topology ({@link StreamsTopology}) on a {@link KafkaStreams} client plus
 * the query API ({@link QueryApi}). Configured by {@link StreamsOptions} and {@code kafka.*} /
 * {@code KAFKA_*} Streams properties, with the precedence defaults &lt; file &lt; environment &lt;
 * flags.
 *
 * <p>Errors: bad candles go to {@code candles.dlq} and processing goes on; an exception no
 * handler takes shuts the client down (logged as one error line with the cause), and the
 * process exits.
 */
public final class StreamsApp {

    private static final Logger LOG = LoggerFactory.getLogger(StreamsApp.class);

    private StreamsApp() {
    }

    /**
     * Runs until interrupted. Arguments: {@code --config FILE} (a properties file) and
     * {@code key=value} settings ({@code --set key=value} also works).
     */
    public static void main(String[] args) {
        Handle handle;
        try {
            handle = start(config(args, System.getenv()));
        } catch (ConfigException | IllegalArgumentException e) {
            LOG.error("streams-app: {}", e.getMessage());
            System.exit(2);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(handle::close, "streams-app-shutdown"));
        try {
            handle.awaitStop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        handle.close();
        System.exit(handle.streams().state() == KafkaStreams.State.ERROR ? 1 : 0);
    }

    /** Resolves the configuration of command-line arguments over the environment. */
    static AppConfig config(String[] args, Map<String, String> env) {
        Properties file = new Properties();
        List<String> flags = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--config") || arg.equals("--set")) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(arg + " needs a value");
                }
                String value = args[++i];
                if (arg.equals("--set")) {
                    flags.add(value);
                } else {
                    try (InputStream in = Files.newInputStream(Path.of(value))) {
                        file.load(in);
                    } catch (IOException e) {
                        throw new IllegalArgumentException("cannot read the configuration file " + value + ": "
                                + e.getMessage(), e);
                    }
                }
            } else {
                flags.add(arg);
            }
        }
        return AppConfig.resolve(StreamsOptions.all(), file, env, flags);
    }

    /**
     * Starts the app: creates {@code streams.control} when it is missing (unless
     * {@code control.topic.create} is off; {@link ControlTopics}), binds the query API, then starts
     * the Streams client.
     */
    public static Handle start(AppConfig config) {
        StreamsSettings settings = StreamsSettings.from(config);
        int candlePartitions = ControlTopics.ensure(
                new StreamsConfig(settings.streamsProperties()).getAdminConfigs("edgeloop-streams-setup"),
                Topics.STREAMS_CONTROL, Topics.CANDLES.name(), config.get(StreamsOptions.CREATE_CONTROL_TOPIC));
        settings = withBrokersCandlePartitions(settings, candlePartitions);
        return start(settings, config.get(StreamsOptions.HTTP_HOST), config.get(StreamsOptions.HTTP_PORT),
                CoreTickerModels.of(settings));
    }

    /**
     * Breadth waits for every partition of {@code candles}: the count the broker reports wins over
     * {@code signals.breadth.partitions}, which stays the fallback when it cannot be read (0). With
     * fewer, the votes of the other partitions would all come late; with more, every start would
     * wait out the idle release for partitions that do not exist.
     */
    static StreamsSettings withBrokersCandlePartitions(StreamsSettings settings, int fromBroker) {
        if (fromBroker <= 0 || fromBroker == settings.candlePartitions()) {
            return settings;
        }
        LOG.info("breadth waits for the {} partitions of {} (signals.breadth.partitions is {})", fromBroker,
                Topics.CANDLES.name(), settings.candlePartitions());
        return settings.withCandlePartitions(fromBroker);
    }

    static Handle start(StreamsSettings configured, String httpHost, int httpPort, TickerModels models) {
        JsonHttpServer server;
        try {
            server = new JsonHttpServer(httpHost, httpPort);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind the query API on " + httpHost + ":" + httpPort, e);
        }
        StreamsSettings settings = configured;
        Object advertised = settings.streams().get(StreamsConfig.APPLICATION_SERVER_CONFIG);
        if (advertised == null || advertised.toString().isBlank() || advertised.toString().endsWith(":0")) {
            settings = settings.withStreams(Map.of(StreamsConfig.APPLICATION_SERVER_CONFIG,
                    httpHost + ":" + server.port()));
        }
        HostInfo self = HostInfo.buildFromEndpoint(settings.streams().get(StreamsConfig.APPLICATION_SERVER_CONFIG)
                .toString());
        String app = settings.applicationId();
        KafkaStreams streams = new KafkaStreams(StreamsTopology.build(settings, models), settings.streamsProperties());
        streams.setUncaughtExceptionHandler(e -> {
            LOG.error("streams-app {}: uncaught exception, shutting the Kafka Streams client down", app, e);
            return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
        CountDownLatch stopped = new CountDownLatch(1);
        streams.setStateListener((now, before) -> {
            LOG.info("streams-app {}: {} -> {}", app, before, now);
            if (now == KafkaStreams.State.ERROR || now == KafkaStreams.State.NOT_RUNNING) {
                stopped.countDown();
            }
        });
        new QueryApi(new ModelQueries(streams, self), settings.signals()).routes(server).start();
        streams.start();
        LOG.info("streams-app {} started; query API on http://{}:{}", app, self.host(), server.port());
        return new Handle(streams, server, stopped);
    }

    /** A running app; closing it stops the Streams client and the query API. */
    public static final class Handle implements AutoCloseable {
        private final KafkaStreams streams;
        private final JsonHttpServer server;
        private final CountDownLatch stopped;

        private Handle(KafkaStreams streams, JsonHttpServer server, CountDownLatch stopped) {
            this.streams = streams;
            this.server = server;
            this.stopped = stopped;
        }

        /** Blocks until the client stopped (closed, or shut down after an uncaught exception). */
        public void awaitStop() throws InterruptedException {
            stopped.await();
        }

        /** The Streams client. */
        public KafkaStreams streams() {
            return streams;
        }

        /** The port of the query API. */
        public int httpPort() {
            return server.port();
        }

        /** Stops the client, leaving the group so that the partitions move on at once, and the query API. */
        @Override
        public void close() {
            streams.close(CloseOptions.timeout(Duration.ofSeconds(30))
                    .withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
            server.close();
        }
    }
}
