package io.edgeloop.resolver;

import io.edgeloop.core.candle.Candle;
import io.edgeloop.schemas.avro.Direction;
import io.edgeloop.schemas.avro.Outcome;
import io.edgeloop.schemas.avro.PatternDefinition;
import io.edgeloop.schemas.avro.Prediction;
import io.edgeloop.schemas.topics.Topics;
import io.edgeloop.testsupport.Await;
import io.edgeloop.testsupport.ChildJvm;
import io.edgeloop.testsupport.KafkaTest;
import io.edgeloop.testsupport.KafkaTestContext;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static io.edgeloop.resolver.MarketData.between;
import static io.edgeloop.resolver.MarketData.on;
import static io.edgeloop.resolver.RunningResolver.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The resolver killed (SIGKILL, in a child JVM as deployed) while an outcome and its learning
 * record sit in its open transaction: nothing of that transaction is ever committed, and the
 * restarted resolver emits the outcome once and learns it once.
 */
@KafkaTest
class ResolverKillIT {

    private static final String BULL = "bull_state_dominance";

    @Test
    void shouldEmitAndLearnAnOutcomeOnceWhenKilledWithItInAnOpenTransaction(KafkaTestContext kafka) throws Exception {
        List<Candle> spy = MarketData.history("SPY_D.json");
        Prediction call = TestRecords.prediction(on(spy, LocalDate.of(2025, 4, 21)), Direction.UP,
                TestRecords.match(BULL, 1, Direction.UP));
        String appId = kafka.uniqueAppId("resolver");
        Path state = kafka.tempDir().resolve("state");
        int seeded;

        try (ResolverApp.Handle first = RunningResolver.start(kafka, appId, state)) {
            candles(kafka, between(spy, LocalDate.of(2025, 4, 14), LocalDate.of(2025, 4, 21)));
            kafka.produce(Topics.PREDICTIONS.name(), Topics.PREDICTIONS.keySerde().serializer(),
                    Topics.PREDICTIONS.valueSerde().serializer(), List.of(Map.entry(call.getTicker(), call)));
            Await.until(() -> RunningResolver.when(() -> first.queries().predictions(null, false, 10).size() == 1),
                    TIMEOUT, () -> "the prediction was not read: " + first.queries().health());
            seeded = kafka.consumeUntil(Topics.PATTERN_LIBRARY.name(), 1, TIMEOUT).size();
        }
        long library = kafka.endOffsetSum(Topics.PATTERN_LIBRARY, IsolationLevel.READ_UNCOMMITTED);
        assertThat(kafka.endOffsetSum(Topics.OUTCOMES, IsolationLevel.READ_UNCOMMITTED)).isZero();

        // The child commits every ten minutes only: the outcome and its learning record (on the
        // keeper's repartition topic, which the keeper reads once committed) stay in one open
        // transaction until the kill, with the resolve request it read.
        String learning = appId + "-learning-repartition";
        Path log = kafka.tempDir().resolve("resolver-child.log");
        Process child = RunningResolver.startChild(kafka, appId, state, List.of("kafka.commit.interval.ms=600000",
                "kafka.producer.transaction.timeout.ms=600000", "kafka.session.timeout.ms=6000"), log);
        try {
            List<Candle> after = between(spy, LocalDate.of(2025, 4, 22), LocalDate.of(2025, 5, 9));
            candles(kafka, after);
            Await.until(() -> kafka.endOffsetSum(Topics.OUTCOMES, IsolationLevel.READ_UNCOMMITTED) == 1
                            && kafka.endOffsetSum(learning, 1, IsolationLevel.READ_UNCOMMITTED)
                            > kafka.endOffsetSum(learning, 1, IsolationLevel.READ_COMMITTED), TIMEOUT,
                    () -> "the child has not written the outcome and its learning record; see " + log);
            long learnt = kafka.endOffsetSum(learning, 1, IsolationLevel.READ_UNCOMMITTED);
            // Every outcome task's progress mark just past the last bar, so the keeper may learn the outcome.
            try (ResolveTrigger trigger = new ResolveTrigger(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
                trigger.request("kill-test", after.get(after.size() - 1).openTime());
            }
            Await.until(() -> kafka.endOffsetSum(learning, 1, IsolationLevel.READ_UNCOMMITTED) > learnt, TIMEOUT,
                    () -> "the child has not read the resolve request; see " + log);
            assertThat(kafka.endOffsetSum(Topics.OUTCOMES, IsolationLevel.READ_COMMITTED))
                    .as("the outcome is in the open transaction, not committed").isZero();
            assertThat(kafka.endOffsetSum(learning, 1, IsolationLevel.READ_COMMITTED))
                    .as("the learning records are in the open transaction, not committed")
                    .isLessThan(kafka.endOffsetSum(learning, 1, IsolationLevel.READ_UNCOMMITTED));
        } finally {
            ChildJvm.kill(child);
        }
        assertThat(kafka.endOffsetSum(Topics.PATTERN_LIBRARY, IsolationLevel.READ_UNCOMMITTED))
                .as("the keeper learnt nothing before the kill").isEqualTo(library);

        try (ResolverApp.Handle restarted = RunningResolver.start(kafka, appId, state)) {
            // The resolve request was read in the aborted transaction only: it is read again,
            // and the keeper learns the outcome once the redone work is committed.
            List<Outcome> outcomes = kafka.consumeUntil(Topics.OUTCOMES.name(), 1, TIMEOUT,
                    Topics.OUTCOMES.keySerde().deserializer(), Topics.OUTCOMES.valueSerde().deserializer())
                    .stream().map(ConsumerRecord::value).toList();
            assertThat(outcomes).extracting(Outcome::getPredictionId).containsExactly(call.getId());
            assertThat(outcomes.get(0).getExitPrice()).isEqualTo(550.85);

            List<PatternDefinition> bull = kafka.consumeUntil(Topics.PATTERN_LIBRARY.name(), seeded + 1, TIMEOUT,
                            Topics.PATTERN_LIBRARY.keySerde().deserializer(),
                            Topics.PATTERN_LIBRARY.valueSerde().deserializer())
                    .stream().filter(r -> r.key().equals(BULL)).map(ConsumerRecord::value).toList();
            assertThat(bull).as("the seed, then the statistics with the one outcome learnt once")
                    .extracting(p -> p.getStats().getN()).containsExactly(0, 1);
            assertThat(restarted.queries().outcomes("SPY", 10)).hasSize(1);
        }
    }

    private static void candles(KafkaTestContext kafka, List<Candle> bars) {
        kafka.produce(Topics.CANDLES.name(), Topics.CANDLES.keySerde().serializer(),
                Topics.CANDLES.valueSerde().serializer(),
                bars.stream().map(c -> Map.entry(c.ticker(), TestRecords.candle(c))).toList());
    }
}
