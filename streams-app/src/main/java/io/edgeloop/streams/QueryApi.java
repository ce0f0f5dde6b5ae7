package io.edgeloop.streams;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgeloop.core.http.JsonHttpServer;
import io.edgeloop.core.http.JsonHttpServer.HttpError;
import io.edgeloop.core.http.JsonHttpServer.Request;
import io.edgeloop.core.http.JsonHttpServer.Response;
import io.edgeloop.core.signals.SignalConfig;
import io.edgeloop.schemas.avro.MarketSignal;
import io.edgeloop.schemas.avro.ScoreSnapshot;
import io.edgeloop.schemas.json.AvroJson;
import org.apache.kafka.streams.state.HostInfo;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The query API, JSON over HTTP:
 * <ul>
 *   <li>{@code GET /model/tickers/{ticker}}: the latest snapshot of each base interval the
 *       ticker is fed at (finest first), with its stage and matched patterns;</li>
 *   <li>{@code GET /model/signals?level=ticker|sector|market}: the latest signals of a level;</li>
 *   <li>{@code GET /health}: the client's state, store and input lag, candle counters.</li>
 * </ul>
 * Each instance answers from its own stores. A ticker or the breadth owned by another instance
 * is fetched from its owner (found with {@code queryMetadataForKey} and reached at its
 * {@code application.server}); the answer says who served it. Ticker-level signals are the
 * local tickers' plus the list of the other instances to ask. Avro values are rendered with
 * {@link AvroJson}.
 */
final class QueryApi {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    static final String FORWARDED = "forwarded";
    private static final String JSON_TYPE = "application/json; charset=utf-8";

    private final ModelQueries queries;
    private final SignalConfig signalConfig;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    QueryApi(ModelQueries queries, SignalConfig signalConfig) {
        this.queries = queries;
        this.signalConfig = signalConfig;
    }

    /** Adds the routes to a server. */
    JsonHttpServer routes(JsonHttpServer server) {
        return server.get("/model/tickers/{ticker}", this::ticker)
                .get("/model/signals", this::signals)
                .get("/health", r -> queries.health());
    }

    private Object ticker(Request request) throws IOException, InterruptedException {
        String ticker = request.path().get("ticker");
        ModelQueries.Owner owner = owner(queries.tickerOwner(ticker));
        if (!owner.local()) {
            return forward(http, owner.host(), "/model/tickers/" + URLEncoder.encode(ticker, StandardCharsets.UTF_8),
                    request);
        }
        List<ScoreSnapshot> snapshots = queries.snapshots(ticker);
        if (snapshots.isEmpty()) {
            throw new HttpError(404, "no snapshot of " + ticker + " yet");
        }
        ObjectNode out = served("ticker", ticker);
        ArrayNode intervals = out.putArray("intervals");
        for (ScoreSnapshot s : snapshots) {
            ObjectNode node = intervals.addObject();
            node.put("interval", s.getInterval());
            node.put("barTime", s.getBarTime().toString());
            node.put("stage", s.getStage().name());
            node.put("state", s.getState() == null ? null : s.getState().name());
            node.set("matchedPatterns", AvroJson.toJson(s).get("matchedPatterns"));
            node.set("snapshot", AvroJson.toJson(s));
        }
        return out;
    }

    private Object signals(Request request) throws IOException, InterruptedException {
        String level = request.query("level", "market").toLowerCase(Locale.ROOT);
        switch (level) {
            case "ticker": {
                ObjectNode out = served("level", "ticker");
                out.set("signals", array(queries.tickerSignals(signalConfig)));
                ArrayNode others = out.putArray("otherInstances");
                queries.otherInstances().forEach(others::add);
                return out;
            }
            case "sector":
            case "market": {
                ModelQueries.Owner owner = owner(queries.breadthOwner());
                if (!owner.local()) {
                    return forward(http, owner.host(), "/model/signals?level=" + level, request);
                }
                ObjectNode out = served("level", level);
                out.set("signals", array(queries.breadth(level.equals("market"))));
                return out;
            }
            default:
                throw new HttpError(400, "level must be ticker, sector or market, got '" + level + "'");
        }
    }

    private ObjectNode served(String field, String value) {
        ObjectNode out = JSON.objectNode();
        out.put(field, value);
        out.put("servedBy", queries.self().host() + ":" + queries.self().port());
        return out;
    }

    private static ArrayNode array(List<MarketSignal> signals) {
        ArrayNode array = JSON.arrayNode();
        signals.forEach(s -> array.add(AvroJson.toJson(s)));
        return array;
    }

    private static ModelQueries.Owner owner(Optional<ModelQueries.Owner> owner) {
        return owner.orElseThrow(() -> new HttpError(503, "the streams group is rebalancing; no owner is known, retry"));
    }

    /**
     * The owner's answer, verbatim: its JSON bytes as they came, not re-encoded as a string; never
     * forwards a forwarded request again.
     */
    static Response forward(HttpClient http, HostInfo host, String pathAndQuery, Request request)
            throws InterruptedException {
        String owner = host.host() + ":" + host.port();
        if (request.query().containsKey(FORWARDED)) {
            throw new HttpError(409, "this instance does not own the data; its owner is " + owner);
        }
        String separator = pathAndQuery.contains("?") ? "&" : "?";
        URI uri = URI.create("http://" + owner + pathAndQuery + separator + FORWARDED + "=true");
        try {
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET()
                    .build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new HttpError(response.statusCode(), "owner " + owner + " answered "
                        + new String(response.body(), StandardCharsets.UTF_8));
            }
            return Response.of(200, response.headers().firstValue("Content-Type").orElse(JSON_TYPE), response.body());
        } catch (IOException e) {
            throw new HttpError(502, "owner " + owner + " is not reachable: " + e.getMessage());
        }
    }
}
