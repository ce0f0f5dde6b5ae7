package io.edgeloop.streams;

import io.edgeloop.core.http.JsonHttpServer;
import io.edgeloop.core.http.JsonHttpServer.HttpError;
import io.edgeloop.core.http.JsonHttpServer.Request;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link QueryApi#forward}: an instance that does not own a ticker answers with its owner's
 * answer as the owner wrote it, a JSON object and not that object's text re-encoded as a JSON
 * string, and never forwards a forwarded request again. Two real HTTP servers on loopback.
 */
class QueryForwardingTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private JsonHttpServer owner;
    private JsonHttpServer other;

    @BeforeEach
    void start() throws Exception {
        owner = new JsonHttpServer("127.0.0.1", 0)
                .get("/model/tickers/{ticker}", r -> Map.of("ticker", r.path().get("ticker"), "forwarded",
                        r.query().getOrDefault(QueryApi.FORWARDED, "no")))
                .get("/model/missing", r -> {
                    throw new HttpError(404, "no such ticker");
                })
                .start();
        HostInfo host = new HostInfo("127.0.0.1", owner.port());
        other = new JsonHttpServer("127.0.0.1", 0)
                .get("/model/tickers/{ticker}", r -> QueryApi.forward(http, host, "/model/tickers/" + r.path().get("ticker"), r))
                .get("/model/missing", r -> QueryApi.forward(http, host, "/model/missing", r))
                .start();
    }

    @AfterEach
    void stop() {
        other.close();
        owner.close();
    }

    private HttpResponse<String> get(JsonHttpServer server, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void shouldAnswerWithTheOwnersJsonAsItWroteIt() throws Exception {
        HttpResponse<String> direct = get(owner, "/model/tickers/SPY?forwarded=true");
        HttpResponse<String> relayed = get(other, "/model/tickers/SPY");
        assertThat(relayed.statusCode()).isEqualTo(200);
        assertThat(relayed.body()).as("an object, not a string holding one").startsWith("{")
                .isEqualTo(direct.body()).contains("\"ticker\":\"SPY\"").contains("\"forwarded\":\"true\"");
        assertThat(relayed.headers().firstValue("Content-Type")).get().asString().startsWith("application/json");
    }

    @Test
    void shouldPassTheOwnersRefusalOn() throws Exception {
        HttpResponse<String> relayed = get(other, "/model/missing");
        assertThat(relayed.statusCode()).isEqualTo(404);
        assertThat(relayed.body()).contains("owner 127.0.0.1:" + owner.port() + " answered").contains("no such ticker");
    }

    @Test
    void shouldNeverForwardAForwardedRequestAgain() {
        HostInfo host = new HostInfo("127.0.0.1", owner.port());
        Request forwarded = new Request(Map.of(), Map.of(QueryApi.FORWARDED, "true"));
        assertThatThrownBy(() -> QueryApi.forward(http, host, "/model/tickers/SPY", forwarded))
                .isInstanceOfSatisfying(HttpError.class, e -> assertThat(e.status()).isEqualTo(409))
                .hasMessage("this instance does not own the data; its owner is 127.0.0.1:" + owner.port());
    }
}
