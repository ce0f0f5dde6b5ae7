package io.edgeloop.resolver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgeloop.core.candle.Candle;
import io.edgeloop.core.http.JsonHttpServer;
import io.edgeloop.schemas.avro.ApprovalDecision;
import io.edgeloop.schemas.avro.ChangeKind;
import io.edgeloop.schemas.avro.ChangeStatus;
import io.edgeloop.schemas.avro.Direction;
import io.edgeloop.schemas.avro.ModelChange;
import io.edgeloop.schemas.avro.PatternStatus;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static io.edgeloop.resolver.MarketData.between;
import static io.edgeloop.resolver.MarketData.on;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The queries are read-only, so one resolved scenario serves every test. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ResolverQueriesTest {

    private static final Instant MARKET_TIME = Instant.parse("2025-04-21T12:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    private ResolverDriver resolver;
    private ResolverQueries queries;

    @BeforeAll
    void start(@TempDir Path stateDir) {
        resolver = new ResolverDriver(ResolverConfig.defaults().withInMemoryStores(), stateDir);
        queries = new ResolverQueries(new ResolverQueries.StoreLookup() {
            @Override
            public <K, V> ReadOnlyKeyValueStore<K, V> store(String name) {
                return resolver.driver().getKeyValueStore(name);
            }
        });
        List<Candle> spy = MarketData.history("SPY_D.json");
        List<Candle> iwm = MarketData.history("IWM_D.json");
        Candle spyEntry = on(spy, LocalDate.of(2025, 4, 21));
        resolver.candle(spyEntry);
        resolver.candle(on(iwm, LocalDate.of(2025, 4, 21)));
        resolver.predict(TestRecords.prediction(spyEntry, Direction.UP,
                TestRecords.match("bull_state_dominance", 1, Direction.UP)));
        resolver.predict(TestRecords.prediction(on(spy, LocalDate.of(2025, 4, 22)), Direction.DOWN));
        resolver.predict(TestRecords.prediction(on(iwm, LocalDate.of(2025, 4, 21)), Direction.DOWN));
        resolver.propose(ModelChange.newBuilder(Governance.status("chg-retire", ChangeKind.RETIRE, "htf_collapse"))
                .setProposedAt(MARKET_TIME).setUpdatedAt(MARKET_TIME).build());
        resolver.propose(ModelChange.newBuilder(Governance.status("chg-degrade", ChangeKind.DEGRADE, "bear_state_dominance"))
                .setProposedAt(MARKET_TIME).setUpdatedAt(MARKET_TIME).build());
        resolver.decide(ApprovalDecision.newBuilder(Governance.approve("chg-degrade", "alice"))
                .setDecidedAt(MARKET_TIME).build());
        resolver.candles(between(spy, LocalDate.of(2025, 4, 22), LocalDate.of(2025, 4, 29)));
        resolver.candles(between(iwm, LocalDate.of(2025, 4, 22), LocalDate.of(2025, 4, 25)));
    }

    @AfterAll
    void stop() {
        resolver.close();
    }

    @Test
    void shouldSummariseTheLoopInHealth() {
        JsonNode health = queries.health();

        assertThat(health.get("libraryVersion").asLong()).isEqualTo(2);
        assertThat(health.get("predictions").asInt()).isEqualTo(3);
        assertThat(health.get("pendingOutcomes").asInt()).isEqualTo(1);
        JsonNode outcomes = health.get("outcomes");
        assertThat(outcomes.get("total").asInt()).isEqualTo(2);
        assertThat(outcomes.get("resolved").asInt()).isEqualTo(2);
        assertThat(outcomes.get("hits").asInt()).isEqualTo(1);
        assertThat(outcomes.get("hitRate").asDouble()).isEqualTo(0.5);
        assertThat(outcomes.at("/byTrigger/STAGE_ENTER/hitRate").asDouble()).isEqualTo(1.0);
        assertThat(outcomes.at("/byTrigger/STAGE_EXIT/hitRate").asDouble()).isEqualTo(0.0);
        assertThat(outcomes.at("/byAction/SKIPPED/resolved").asInt()
                + outcomes.at("/byAction/MISSED_OPPORTUNITY/resolved").asInt()
                + outcomes.at("/byAction/TRADED/resolved").asInt()).isEqualTo(2);
        assertThat(health.at("/retentionWindow/predictions").asInt()).isEqualTo(3);
        assertThat(health.at("/retentionWindow/outcomes").asInt()).isEqualTo(2);
        assertThat(health.at("/patterns/ACTIVE").asInt()).isEqualTo(16);
        assertThat(health.at("/patterns/DEGRADED").asInt()).isEqualTo(1);
        assertThat(health.get("pendingProposals").asInt()).isEqualTo(1);
        assertThat(health.get("streamTime").asText()).isEqualTo("2025-04-29T00:00:00Z");
    }

    @Test
    void shouldFilterPredictionsByTickerAndResolution() {
        assertThat(queries.predictions(null, null, 100)).hasSize(3);
        JsonNode open = queries.predictions(null, false, 100);
        assertThat(open).hasSize(1);
        assertThat(open.get(0).get("ticker").asText()).isEqualTo("IWM");
        assertThat(open.get(0).get("resolved").asBoolean()).isFalse();
        JsonNode spy = queries.predictions("SPY", true, 100);
        assertThat(spy).extracting(p -> p.get("barTime").asText())
                .containsExactly("2025-04-22T00:00:00Z", "2025-04-21T00:00:00Z");
        assertThat(queries.predictions("SPY", null, 1)).hasSize(1);
        assertThatThrownBy(() -> queries.predictions(null, null, 0)).hasMessageContaining("limit");
    }

    @Test
    void shouldListOutcomesPatternsAndChangesWithAvroFieldNames() {
        JsonNode outcomes = queries.outcomes("SPY", 10);
        assertThat(outcomes).hasSize(2);
        assertThat(outcomes.get(0).get("resolvedTime").asText()).isEqualTo("2025-04-29T00:00:00Z");
        assertThat(outcomes.get(1).get("exitPrice").asDouble()).isEqualTo(550.85);

        JsonNode degraded = queries.patterns(PatternStatus.DEGRADED);
        assertThat(degraded).hasSize(1);
        assertThat(degraded.get(0).get("id").asText()).isEqualTo("bear_state_dominance");
        assertThat(degraded.get(0).at("/stats/n").asInt()).isZero();
        assertThat(queries.patterns(null)).hasSize(17);
        assertThat(queries.patterns(PatternStatus.ACTIVE).get(0).get("id").asText()).isEqualTo("bear_squeeze_multi_signal");

        assertThat(queries.changelog(ChangeStatus.PROPOSED, 10)).extracting(c -> c.get("id").asText())
                .containsExactly("chg-retire");
        assertThat(queries.changelog(null, 10)).extracting(c -> c.get("status").asText())
                .containsExactly("APPLIED", "PROPOSED");
    }

    @Test
    void shouldServeTheQueriesOverHttpAndRefuseBadParameters() throws Exception {
        try (JsonHttpServer server = ResolverHttp.routes(new JsonHttpServer("127.0.0.1", 0), queries).start()) {
            HttpClient client = HttpClient.newHttpClient();
            HttpResponse<String> health = get(client, server, "/model/health");
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(health.body()).get("libraryVersion").asLong()).isEqualTo(2);

            HttpResponse<String> spy = get(client, server, "/model/predictions?ticker=SPY&resolved=true&limit=1");
            assertThat(JSON.readTree(spy.body())).hasSize(1);
            assertThat(JSON.readTree(get(client, server, "/model/patterns?status=degraded").body())).hasSize(1);
            assertThat(JSON.readTree(get(client, server, "/model/changelog?status=APPLIED").body())).hasSize(1);
            assertThat(JSON.readTree(get(client, server, "/model/outcomes?limit=5").body())).hasSize(2);

            HttpResponse<String> bad = get(client, server, "/model/predictions?resolved=maybe");
            assertThat(bad.statusCode()).isEqualTo(400);
            assertThat(JSON.readTree(bad.body()).get("error").asText())
                    .isEqualTo("resolved must be true or false, got 'maybe'");
            assertThat(get(client, server, "/model/patterns?status=GONE").statusCode()).isEqualTo(400);
            assertThat(get(client, server, "/model/outcomes?limit=5000").statusCode()).isEqualTo(400);
        }
    }

    private static HttpResponse<String> get(HttpClient client, JsonHttpServer server, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
