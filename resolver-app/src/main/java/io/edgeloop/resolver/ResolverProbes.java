package io.edgeloop.resolver;

import io.edgeloop.core.http.JsonHttpServer;
import io.edgeloop.core.http.JsonHttpServer.HttpError;
import io.edgeloop.core.http.JsonHttpServer.Response;
import io.edgeloop.kstreams.ClientHealth;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.InvalidStateStoreException;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;

/**
 * The endpoints for probes and scrapers that the deployments use:
 * <ul>
 *   <li>{@code GET /health}: 200 with the Kafka Streams state while the client is alive
 *       (CREATED, REBALANCING while it restores or moves tasks, RUNNING); 503 once it is
 *       PENDING_SHUTDOWN, NOT_RUNNING, PENDING_ERROR or ERROR, so a liveness probe restarts it;</li>
 *   <li>{@code GET /metrics}: Prometheus text format 0.0.4: up, stream time, library version,
 *       open predictions and dropped records (Kafka Streams' {@code dropped-records-total} summed
 *       over tasks). Figures from stores that are not queryable (restoring) are left out.</li>
 * </ul>
 */
final class ResolverProbes {

    private static final String PROMETHEUS = "text/plain; version=0.0.4; charset=utf-8";

    private final Supplier<KafkaStreams.State> state;
    private final DoubleSupplier droppedRecords;
    private final ResolverQueries queries;

    ResolverProbes(Supplier<KafkaStreams.State> state, DoubleSupplier droppedRecords, ResolverQueries queries) {
        this.state = Objects.requireNonNull(state, "state");
        this.droppedRecords = Objects.requireNonNull(droppedRecords, "droppedRecords");
        this.queries = Objects.requireNonNull(queries, "queries");
    }

    /** The probes of a running client. */
    static ResolverProbes of(KafkaStreams streams, ResolverQueries queries) {
        return new ResolverProbes(streams::state, () -> streams.metrics().entrySet().stream()
                .filter(e -> e.getKey().name().equals("dropped-records-total"))
                .mapToDouble(e -> e.getValue().metricValue() instanceof Number n ? n.doubleValue() : 0).sum(), queries);
    }

    JsonHttpServer register(JsonHttpServer server) {
        return server.get("/health", r -> health()).get("/metrics", r -> metrics());
    }

    private Map<String, Object> health() {
        KafkaStreams.State now = state.get();
        if (!ClientHealth.alive(now)) {
            throw new HttpError(503, "resolver streams client is " + now);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "UP");
        body.put("state", now.name());
        return body;
    }

    private Response metrics() {
        StringBuilder text = new StringBuilder();
        metric(text, "edgeloop_resolver_up", "1 while the streams client is alive", "gauge",
                ClientHealth.alive(state.get()) ? 1 : 0);
        metric(text, "edgeloop_resolver_dropped_records_total", "records skipped by the error handlers", "counter",
                droppedRecords.getAsDouble());
        try {
            queries.streamTime().ifPresent(t -> metric(text, "edgeloop_resolver_stream_time_seconds",
                    "latest stream time of the outcome tasks, epoch seconds", "gauge", t.getEpochSecond()));
            metric(text, "edgeloop_resolver_open_predictions", "predictions whose outcome is open", "gauge",
                    queries.openPredictionIds().size());
            metric(text, "edgeloop_resolver_library_version", "current pattern library version", "gauge",
                    queries.libraryVersion());
        } catch (InvalidStateStoreException e) {
            text.append("# stores not queryable yet: ").append(e.getMessage().replace('\n', ' ')).append('\n');
        }
        return Response.of(200, PROMETHEUS, text.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static void metric(StringBuilder out, String name, String help, String type, double value) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n')
                .append("# TYPE ").append(name).append(' ').append(type).append('\n')
                .append(name).append(' ')
                .append(value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value)).append('\n');
    }
}
