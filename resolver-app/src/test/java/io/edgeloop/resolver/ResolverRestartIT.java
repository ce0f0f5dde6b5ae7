package io.edgeloop.resolver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgeloop.core.candle.Candle;
import io.edgeloop.schemas.avro.DeadLetter;
import io.edgeloop.schemas.avro.Direction;
import io.edgeloop.schemas.avro.Outcome;
import io.edgeloop.schemas.avro.OutcomeStatus;
import io.edgeloop.schemas.avro.Prediction;
import io.edgeloop.schemas.topics.Topics;
import io.edgeloop.testsupport.Await;
import io.edgeloop.testsupport.KafkaTest;
import io.edgeloop.testsupport.KafkaTestContext;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static io.edgeloop.resolver.MarketData.between;
import static io.edgeloop.resolver.MarketData.on;
import static io.edgeloop.resolver.RunningResolver.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;

/** The resolver app on a real broker: a restart mid-stream, on a fresh state directory, gives no second outcome. */
@KafkaTest
class ResolverRestartIT {

    @Test
    void shouldEmitOneOutcomePerPredictionAcrossARestartThatRestoresFromTheChangelogs(KafkaTestContext kafka)
            throws Exception {
        List<Candle> spy = MarketData.history("SPY_D.json");
        List<Candle> iwm = MarketData.history("IWM_D.json");
        Prediction spyCall = TestRecords.prediction(on(spy, LocalDate.of(2025, 4, 21)), Direction.UP);
        Prediction iwmCall = TestRecords.prediction(on(iwm, LocalDate.of(2025, 4, 21)), Direction.UP);
        String appId = kafka.uniqueAppId("resolver");

        try (ResolverApp.Handle first = RunningResolver.start(kafka, appId, kafka.tempDir().resolve("state-1"))) {
            candles(kafka, between(spy, LocalDate.of(2025, 4, 14), LocalDate.of(2025, 4, 21)));
            candles(kafka, List.of(on(iwm, LocalDate.of(2025, 4, 21))));
            predict(kafka, spyCall, iwmCall);
            candles(kafka, between(spy, LocalDate.of(2025, 4, 22), LocalDate.of(2025, 4, 24)));
            candles(kafka, List.of(on(iwm, LocalDate.of(2025, 4, 22))));
            kafka.produce(Topics.CANDLES.name(), Topics.CANDLES.keySerde().serializer(), new ByteArraySerializer(),
                    List.of(Map.entry("SPY", "not a candle".getBytes(StandardCharsets.UTF_8))));
            Await.until(() -> RunningResolver.when(() -> first.queries().predictions(null, false, 10).size() == 2
                            && reached(first, "2025-04-24T00:00:00Z")), TIMEOUT,
                    () -> "first run did not read its input: " + first.queries().health());
        }

        try (ResolverApp.Handle second = RunningResolver.start(kafka, appId, kafka.tempDir().resolve("state-2"))) {
            predict(kafka, spyCall);
            candles(kafka, between(spy, LocalDate.of(2025, 4, 25), LocalDate.of(2025, 5, 9)));
            predict(kafka, spyCall);
            Await.until(() -> RunningResolver.when(() -> reached(second, "2025-05-09T00:00:00Z")
                            && second.queries().outcomes("SPY", 10).size() == 1), TIMEOUT,
                    () -> "second run did not resolve: " + second.queries().health());
            HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://localhost:" + second.httpPort() + "/model/resolve-due?wait=30"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"actor\": \"ops\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            JsonNode report = new ObjectMapper().readTree(answer.body());
            assertThat(report.get("streamTime").asText()).isEqualTo("2025-05-09T00:00:00Z");
            assertThat(report.get("partitions").asInt()).isEqualTo(Topics.TICKER_PARTITIONS);
            assertThat(report.get("handled").asBoolean()).as(answer.body()).isTrue();
            assertThat(report.get("expired").asInt()).as(answer.body()).isEqualTo(1);
            assertThat(second.queries().outcomes(null, 10)).hasSize(2);
            predict(kafka, spyCall, iwmCall);
            candles(kafka, List.of(on(spy, LocalDate.of(2025, 5, 12))));
            Await.until(() -> RunningResolver.when(() -> reached(second, "2025-05-12T00:00:00Z")), TIMEOUT,
                    () -> "last candle not read");

            // read_committed: wait until the transaction with the expired outcome is committed,
            // then check there is nothing but the two.
            List<Outcome> outcomes = kafka.consumeUntil(Topics.OUTCOMES.name(), 2, TIMEOUT,
                    Topics.OUTCOMES.keySerde().deserializer(), Topics.OUTCOMES.valueSerde().deserializer())
                    .stream().map(ConsumerRecord::value).toList();
            assertThat(outcomes).extracting(Outcome::getPredictionId)
                    .containsExactlyInAnyOrder(spyCall.getId(), iwmCall.getId());
            Outcome spyOutcome = outcomes.stream().filter(o -> o.getTicker().equals("SPY")).findFirst().orElseThrow();
            assertThat(spyOutcome.getExitPrice()).isEqualTo(550.85);
            Outcome iwmOutcome = outcomes.stream().filter(o -> o.getTicker().equals("IWM")).findFirst().orElseThrow();
            assertThat(iwmOutcome.getStatus()).isEqualTo(OutcomeStatus.EXPIRED);
        }

        List<ConsumerRecord<String, DeadLetter>> letters = kafka.consumeUntil(Topics.CANDLES_DLQ.name(), 1, TIMEOUT,
                Topics.CANDLES_DLQ.keySerde().deserializer(), Topics.CANDLES_DLQ.valueSerde().deserializer());
        assertThat(letters.get(0).value().getApp()).isEqualTo(appId);
        assertThat(new String(letters.get(0).value().getValue().array(), StandardCharsets.UTF_8))
                .isEqualTo("not a candle");
    }

    private static boolean reached(ResolverApp.Handle resolver, String time) {
        return resolver.queries().streamTime().map(t -> !t.isBefore(Instant.parse(time))).orElse(false);
    }

    private static void candles(KafkaTestContext kafka, List<Candle> bars) {
        kafka.produce(Topics.CANDLES.name(), Topics.CANDLES.keySerde().serializer(),
                Topics.CANDLES.valueSerde().serializer(),
                bars.stream().map(c -> Map.entry(c.ticker(), TestRecords.candle(c))).toList());
    }

    private static void predict(KafkaTestContext kafka, Prediction... predictions) {
        kafka.produce(Topics.PREDICTIONS.name(), Topics.PREDICTIONS.keySerde().serializer(),
                Topics.PREDICTIONS.valueSerde().serializer(),
                List.of(predictions).stream().map(p -> Map.entry(p.getTicker(), p)).toList());
    }
}
