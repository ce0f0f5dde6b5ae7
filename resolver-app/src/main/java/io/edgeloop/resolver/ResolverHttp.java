package io.edgeloop.resolver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgeloop.core.http.JsonHttpServer;
import io.edgeloop.core.http.JsonHttpServer.HttpError;
import io.edgeloop.core.http.JsonHttpServer.Request;
import io.edgeloop.schemas.avro.ChangeStatus;
import io.edgeloop.schemas.avro.PatternStatus;
import org.apache.kafka.streams.errors.InvalidStateStoreException;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The resolver's query API on core's {@link JsonHttpServer}:
 * <ul>
 *   <li>{@code GET /model/health}: counts, hit rates overall and by trigger, patterns by status,
 *       pending proposals, library version, stream time;</li>
 *   <li>{@code GET /model/predictions?ticker=&resolved=true|false&limit=}</li>
 *   <li>{@code GET /model/outcomes?ticker=&limit=}</li>
 *   <li>{@code GET /model/patterns?status=ACTIVE|DEGRADED|RETIRED|CANDIDATE}</li>
 *   <li>{@code GET /model/changelog?status=PROPOSED|APPLIED|...&limit=}</li>
 *   <li>{@code POST /model/resolve-due?wait=SECONDS} with {@code {"actor": "name"}} (or
 *       {@code ?actor=name}): the operator's "resolve due predictions now" ({@link ResolveDue});
 *       answers the {@link ResolveDue.Report}; 400 without an actor, 409 before the first
 *       record (no stream time yet).</li>
 * </ul>
 * A bad parameter is a 400 with the reason; stores that are restoring or moving (after a start
 * or a rebalance) give a 503 to retry.
 */
public final class ResolverHttp {

    /** Page size when {@code limit} is not given. */
    public static final int DEFAULT_LIMIT = 100;
    /** Seconds a resolve-due request waits for the outcome tasks when {@code wait} is not given. */
    public static final int DEFAULT_WAIT_SECONDS = 10;
    /** Longest wait a resolve-due request may ask for. */
    public static final int MAX_WAIT_SECONDS = 60;

    private ResolverHttp() {
    }

    /** Adds the read-only routes to a server (not started). */
    public static JsonHttpServer routes(JsonHttpServer server, ResolverQueries queries) {
        Objects.requireNonNull(queries, "queries");
        return readRoutes(server, queries);
    }

    /** Adds the read routes and the operator's {@code POST /model/resolve-due} to a server (not started). */
    public static JsonHttpServer routes(JsonHttpServer server, ResolverQueries queries, ResolveDue resolveDue) {
        Objects.requireNonNull(resolveDue, "resolveDue");
        return routes(server, queries).post("/model/resolve-due", r -> resolve(r, resolveDue));
    }

    private static Object resolve(Request r, ResolveDue resolveDue) {
        int wait = r.queryInt("wait", DEFAULT_WAIT_SECONDS);
        if (wait < 0 || wait > MAX_WAIT_SECONDS) {
            throw new HttpError(400, "wait must be between 0 and " + MAX_WAIT_SECONDS + " seconds, got " + wait);
        }
        String actor = text(r, "actor");
        if (actor == null && !r.body().isBlank()) {
            JsonNode body = r.json();
            actor = body.hasNonNull("actor") ? body.get("actor").asText() : null;
        }
        String who = actor;
        try {
            return answer(() -> toJson(resolveDue.run(who, Duration.ofSeconds(wait))));
        } catch (ResolveDue.NoStreamTime e) {
            throw new HttpError(409, e.getMessage());
        } catch (IllegalStateException e) {
            throw new HttpError(503, "the request could not be written, retry: " + e.getMessage());
        }
    }

    private static ObjectNode toJson(ResolveDue.Report report) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("requestedBy", report.requestedBy());
        out.put("streamTime", report.streamTime().toString());
        out.put("partitions", report.partitions());
        out.put("open", report.open());
        out.put("resolved", report.resolved());
        out.put("expired", report.expired());
        out.put("stillOpen", report.stillOpen());
        out.put("handled", report.handled());
        return out;
    }

    private static JsonHttpServer readRoutes(JsonHttpServer server, ResolverQueries queries) {
        return server
                .get("/model/health", r -> answer(queries::health))
                .get("/model/predictions", r -> answer(() -> queries.predictions(text(r, "ticker"),
                        bool(r, "resolved"), r.queryInt("limit", DEFAULT_LIMIT))))
                .get("/model/outcomes", r -> answer(() -> queries.outcomes(text(r, "ticker"),
                        r.queryInt("limit", DEFAULT_LIMIT))))
                .get("/model/patterns", r -> answer(() -> queries.patterns(symbol(r, "status", PatternStatus.class))))
                .get("/model/changelog", r -> answer(() -> queries.changelog(symbol(r, "status", ChangeStatus.class),
                        r.queryInt("limit", DEFAULT_LIMIT))));
    }

    private static Object answer(Supplier<Object> query) {
        try {
            return query.get();
        } catch (InvalidStateStoreException e) {
            throw new HttpError(503, "state stores are not ready (starting or rebalancing), retry: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new HttpError(400, e.getMessage());
        }
    }

    private static String text(Request r, String name) {
        String value = r.query(name, null);
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static Boolean bool(Request r, String name) {
        String value = text(r, name);
        if (value == null) {
            return null;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new HttpError(400, name + " must be true or false, got '" + value + "'");
        };
    }

    private static <E extends Enum<E>> E symbol(Request r, String name, Class<E> type) {
        String value = text(r, name);
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new HttpError(400, name + " must be one of " + Arrays.toString(type.getEnumConstants()) + ", got '"
                    + value + "'");
        }
    }
}
