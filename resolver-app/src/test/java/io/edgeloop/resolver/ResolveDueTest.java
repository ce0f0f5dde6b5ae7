package io.edgeloop.resolver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgeloop.core.candle.Candle;
import io.edgeloop.core.http.JsonHttpServer;
import io.edgeloop.core.outcome.TradingDates;
import io.edgeloop.schemas.avro.Direction;
import io.edgeloop.schemas.avro.OutcomeStatus;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static io.edgeloop.resolver.MarketData.between;
import static io.edgeloop.resolver.MarketData.on;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The operator's resolve-due request and its answer, on the test driver. The periodic sweep is
 * set to ten years, so only the request can expire a prediction whose ticker went quiet.
 */
class ResolveDueTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ResolverDriver resolver;
    private ResolverQueries queries;
    private final List<Long> requested = new ArrayList<>();
    private ResolveDue resolveDue;

    @BeforeEach
    void start(@TempDir Path stateDir) {
        resolver = new ResolverDriver(ResolverConfig.defaults().withInMemoryStores()
                .withSweepInterval(Duration.ofDays(3650)), stateDir);
        queries = new ResolverQueries(new ResolverQueries.StoreLookup() {
            @Override
            public <K, V> ReadOnlyKeyValueStore<K, V> store(String name) {
                return resolver.driver().getKeyValueStore(name);
            }
        });
        resolveDue = new ResolveDue(queries, (actor, asOf) -> {
            requested.add(asOf);
            resolver.resolveDue(actor, asOf);
            return 1;
        });
    }

    @AfterEach
    void stop() {
        resolver.close();
    }

    /** IWM stops at 2025-04-22 with a prediction open; SPY trades on past IWM's expiry. */
    private long quietTickerPastItsExpiry() {
        List<Candle> iwm = MarketData.history("IWM_D.json");
        Candle entry = on(iwm, LocalDate.of(2025, 4, 21));
        resolver.candle(entry);
        resolver.predict(TestRecords.prediction(entry, Direction.UP));
        resolver.candles(between(iwm, LocalDate.of(2025, 4, 22), LocalDate.of(2025, 4, 22)));
        resolver.candles(between(MarketData.history("SPY_D.json"), LocalDate.of(2025, 4, 22), LocalDate.of(2025, 5, 9)));
        return TradingDates.expiryTime(LocalDate.of(2025, 4, 21), 5, 5);
    }

    @Test
    void shouldExpireTheQuietTickersPredictionAtTheLatestStreamTimeAndSayWhatItDid() {
        long expiry = quietTickerPastItsExpiry();
        Instant streamTime = queries.streamTime().orElseThrow();
        assertThat(streamTime.toEpochMilli()).isGreaterThan(expiry);
        assertThat(resolver.outcomes()).isEmpty();

        ResolveDue.Report report = resolveDue.run("alice", Duration.ofSeconds(1));

        assertThat(requested).containsExactly(streamTime.toEpochMilli());
        assertThat(report).isEqualTo(new ResolveDue.Report("alice", streamTime, 1, 1, 0, 1, 0, true));
        assertThat(resolver.outcomes()).singleElement()
                .satisfies(o -> assertThat(o.getStatus()).isEqualTo(OutcomeStatus.EXPIRED));
    }

    @Test
    void shouldReportNothingToDoWhenNoOpenPredictionIsDue() {
        List<Candle> iwm = MarketData.history("IWM_D.json");
        Candle entry = on(iwm, LocalDate.of(2025, 4, 21));
        resolver.candle(entry);
        resolver.predict(TestRecords.prediction(entry, Direction.UP));

        ResolveDue.Report report = resolveDue.run("alice", Duration.ZERO);

        assertThat(report.open()).isEqualTo(1);
        assertThat(report.stillOpen()).isEqualTo(1);
        assertThat(report.resolved() + report.expired()).isZero();
        assertThat(report.handled()).isTrue();
        assertThat(resolver.outcomes()).isEmpty();
    }

    @Test
    void shouldRefuseAnAnonymousRequestAndOneBeforeAnyRecord() {
        assertThatThrownBy(() -> resolveDue.run("alice", Duration.ZERO)).isInstanceOf(ResolveDue.NoStreamTime.class);
        quietTickerPastItsExpiry();
        assertThatThrownBy(() -> resolveDue.run(" ", Duration.ZERO)).hasMessageContaining("must name who asks");
        assertThatThrownBy(() -> resolveDue.run("Anonymous", Duration.ZERO)).hasMessageContaining("must name who asks");
        assertThat(requested).isEmpty();
    }

    @Test
    void shouldAnswerThePostWithWhatTheRequestDidAndRefuseBadOnes() throws Exception {
        try (JsonHttpServer server = ResolverHttp.routes(new JsonHttpServer("127.0.0.1", 0), queries, resolveDue)
                .start()) {
            HttpResponse<String> early = post(server, "/model/resolve-due", "{\"actor\": \"alice\"}");
            assertThat(early.statusCode()).isEqualTo(409);

            long expiry = quietTickerPastItsExpiry();
            HttpResponse<String> done = post(server, "/model/resolve-due?wait=2", "{\"actor\": \"alice\"}");
            assertThat(done.statusCode()).isEqualTo(200);
            JsonNode body = JSON.readTree(done.body());
            assertThat(body.get("requestedBy").asText()).isEqualTo("alice");
            assertThat(Instant.parse(body.get("streamTime").asText()).toEpochMilli()).isGreaterThan(expiry);
            assertThat(body.get("open").asInt()).isEqualTo(1);
            assertThat(body.get("expired").asInt()).isEqualTo(1);
            assertThat(body.get("resolved").asInt()).isZero();
            assertThat(body.get("handled").asBoolean()).isTrue();

            HttpResponse<String> again = post(server, "/model/resolve-due?actor=bob", "");
            assertThat(JSON.readTree(again.body()).get("open").asInt()).isZero();

            assertThat(post(server, "/model/resolve-due", "{}").statusCode()).isEqualTo(400);
            assertThat(post(server, "/model/resolve-due?actor=bob&wait=600", "").statusCode()).isEqualTo(400);
        }
    }

    private static HttpResponse<String> post(JsonHttpServer server, String path, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }
}
