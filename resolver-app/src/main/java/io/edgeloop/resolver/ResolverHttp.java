package io.edgeloop.resolver;

import io.edgeloop.core.http.JsonHttpServer;
import io.edgeloop.core.http.JsonHttpServer.HttpError;
import io.edgeloop.core.http.JsonHttpServer.Request;
import io.edgeloop.schemas.avro.ChangeStatus;
import io.edgeloop.schemas.avro.PatternStatus;
import org.apache.kafka.streams.errors.InvalidStateStoreException;

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
 * </ul>
 * A bad parameter is a 400 with the reason; stores that are restoring or moving (after a start
 * or a rebalance) give a 503 to retry.
 */
public final class ResolverHttp {

    /** Page size when {@code limit} is not given. */
    public static final int DEFAULT_LIMIT = 100;

    private ResolverHttp() {
    }

    /** Adds the routes to a server (not started). */
    public static JsonHttpServer routes(JsonHttpServer server, ResolverQueries queries) {
        Objects.requireNonNull(queries, "queries");
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
