package io.edgeloop.resolver;

import io.edgeloop.core.http.JsonHttpServer;
import io.edgeloop.schemas.avro.Direction;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicReference;

import static io.edgeloop.resolver.MarketData.on;
import static org.assertj.core.api.Assertions.assertThat;

class ResolverProbesTest {

    @Test
    void shouldAnswerHealthWhileAliveAndExportMetricsInPrometheusText(@TempDir Path stateDir) throws Exception {
        try (ResolverDriver resolver = new ResolverDriver(ResolverConfig.defaults().withInMemoryStores(), stateDir)) {
            var entry = on(MarketData.history("IWM_D.json"), LocalDate.of(2025, 4, 21));
            resolver.candle(entry);
            resolver.predict(TestRecords.prediction(entry, Direction.UP));
            ResolverQueries queries = new ResolverQueries(new ResolverQueries.StoreLookup() {
                @Override
                public <K, V> ReadOnlyKeyValueStore<K, V> store(String name) {
                    return resolver.driver().getKeyValueStore(name);
                }
            });
            AtomicReference<KafkaStreams.State> state = new AtomicReference<>(KafkaStreams.State.REBALANCING);
            try (JsonHttpServer server = new ResolverProbes(state::get, () -> 3, queries)
                    .register(new JsonHttpServer("127.0.0.1", 0)).start()) {
                assertThat(get(server, "/health").statusCode()).isEqualTo(200);
                HttpResponse<String> metrics = get(server, "/metrics");
                assertThat(metrics.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain; version=0.0.4");
                assertThat(metrics.body()).contains("edgeloop_resolver_up 1\n")
                        .contains("edgeloop_resolver_dropped_records_total 3\n")
                        .contains("edgeloop_resolver_open_predictions 1\n")
                        .contains("edgeloop_resolver_stream_time_seconds " + entry.openTime() / 1000 + "\n");

                state.set(KafkaStreams.State.ERROR);
                HttpResponse<String> dead = get(server, "/health");
                assertThat(dead.statusCode()).isEqualTo(503);
                assertThat(dead.body()).contains("ERROR");
            }
        }
    }

    private static HttpResponse<String> get(JsonHttpServer server, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.port() + path)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
