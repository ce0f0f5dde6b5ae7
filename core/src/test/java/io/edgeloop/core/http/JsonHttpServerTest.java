package io.edgeloop.core.http;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class JsonHttpServerTest {

    private JsonHttpServer server;
    private final HttpClient client = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        server = new JsonHttpServer("127.0.0.1", 0)
                .get("/model/tickers/{ticker}", r -> Map.of("ticker", r.path().get("ticker"), "limit", r.queryInt("limit", 10)))
                .get("/boom", r -> {
                    throw new IllegalStateException("store not ready");
                })
                .start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void shouldBindPathAndQueryParametersAndAnswerJson() throws Exception {
        HttpResponse<String> response = get("/model/tickers/BRK-B?limit=3");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
        assertThat(response.body()).contains("\"ticker\":\"BRK-B\"").contains("\"limit\":3");
    }

    @Test
    void shouldAnswer400ForABadQueryParameterAnd404ForAnUnknownPath() throws Exception {
        HttpResponse<String> bad = get("/model/tickers/SPY?limit=many");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("limit must be an integer, got 'many'");
        assertThat(get("/nowhere").statusCode()).isEqualTo(404);
    }

    @Test
    void shouldAnswer500WithTheReasonWhenAHandlerFails() throws Exception {
        HttpResponse<String> response = get("/boom");
        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).contains("store not ready");
    }
}
