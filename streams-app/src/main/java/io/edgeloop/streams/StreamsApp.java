package io.edgeloop.streams;

import io.edgeloop.core.http.JsonHttpServer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
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

        @Override
        public void close() {
            streams.close(Duration.ofSeconds(30));
            server.close();
        }
    }
}
