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
                .post("/echo/{id}", r -> Map.of("id", r.path().get("id"), "reason", r.json().path("reason").asText(),
                        "session", r.cookie("session").orElse("none"), "token", r.header("x-csrf-token").orElse("none")))
                .get("/login", r -> JsonHttpServer.Response.json(200, Map.of("ok", true))
                        .withHeader("Set-Cookie", "a=1; HttpOnly")
                        .withHeader("Set-Cookie", "b=2; HttpOnly"))
                .resources("/web/", JsonHttpServerTest.class, "http-test")
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

    private HttpResponse<String> post(String path, String contentType, String body, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
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

    @Test
    void shouldPassJsonBodyCookiesAndHeadersToAPostHandler() throws Exception {
        HttpResponse<String> response = post("/echo/chg-1", "application/json", "{\"reason\":\"edge gone\"}",
                "Cookie", "other=x; session=abc", "X-CSRF-Token", "t0k");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"id\":\"chg-1\"").contains("\"reason\":\"edge gone\"")
                .contains("\"session\":\"abc\"").contains("\"token\":\"t0k\"");
    }

    @Test
    void shouldRefuseABodyThatIsNotJsonOrNotAnObject() throws Exception {
        assertThat(post("/echo/1", "text/plain", "reason=x").statusCode()).isEqualTo(415);
        HttpResponse<String> malformed = post("/echo/1", "application/json", "{\"reason\":");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).contains("malformed JSON body");
        assertThat(post("/echo/1", "application/json", "[1,2]").body()).contains("one JSON object");
    }

    @Test
    void shouldRefuseABodyAboveTheLimitWith413() throws Exception {
        String big = "{\"reason\":\"" + "x".repeat(JsonHttpServer.MAX_BODY_BYTES) + "\"}";
        assertThat(post("/echo/1", "application/json", big).statusCode()).isEqualTo(413);
    }

    @Test
    void shouldAnswer405WithAllowForAWrongMethodOnAKnownPath() throws Exception {
        HttpResponse<String> getOnPost = get("/echo/1");
        assertThat(getOnPost.statusCode()).isEqualTo(405);
        assertThat(getOnPost.headers().firstValue("Allow")).hasValue("POST");
        assertThat(post("/model/tickers/SPY", "application/json", "{}").headers().firstValue("Allow")).hasValue("GET");
    }

    @Test
    void shouldSendEveryRepeatedHeaderOfAResponse() throws Exception {
        HttpResponse<String> response = get("/login");
        assertThat(response.headers().allValues("Set-Cookie")).containsExactly("a=1; HttpOnly", "b=2; HttpOnly");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }

    @Test
    void shouldServeClasspathFilesWithTheirContentTypeAndIndexForTheFolder() throws Exception {
        HttpResponse<String> index = get("/web/");
        assertThat(index.statusCode()).isEqualTo(200);
        assertThat(index.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(index.body()).contains("<title>index</title>");
        HttpResponse<String> script = get("/web/app.js");
        assertThat(script.headers().firstValue("Content-Type")).hasValue("text/javascript; charset=utf-8");
        assertThat(script.body()).contains("console.log");
    }

    @Test
    void shouldNotResolveResourcePathsThatLeaveTheFolder() throws Exception {
        assertThat(get("/web/../http-test/app.js").statusCode()).isEqualTo(404);
        assertThat(get("/web/%2e%2e/io/edgeloop/core/http/JsonHttpServerTest.class").statusCode()).isEqualTo(404);
        assertThat(get("/web/missing.js").statusCode()).isEqualTo(404);
    }

    @Test
    void shouldLeaveOutTheAnyOriginHeaderWhenSwitchedOff() throws Exception {
        assertThat(get("/model/tickers/SPY").headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
        server.anyOrigin(false);
        assertThat(get("/model/tickers/SPY").headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }
}
