package io.edgeloop.streams;

import io.edgeloop.core.candle.Candle;
import io.edgeloop.core.config.AppConfig;
import io.edgeloop.resolver.ResolverApp;
import io.edgeloop.resolver.ResolverOptions;
import io.edgeloop.schemas.avro.ApprovalAction;
import io.edgeloop.schemas.avro.ApprovalDecision;
import io.edgeloop.schemas.avro.ChangeEvidence;
import io.edgeloop.schemas.avro.ChangeKind;
import io.edgeloop.schemas.avro.ChangeStatus;
import io.edgeloop.schemas.avro.ModelChange;
import io.edgeloop.schemas.avro.PatternDefinition;
import io.edgeloop.schemas.avro.PatternMatch;
import io.edgeloop.schemas.avro.PatternStatus;
import io.edgeloop.schemas.avro.Prediction;
import io.edgeloop.schemas.avro.ScoreSnapshot;
import io.edgeloop.schemas.avro.Severity;
import io.edgeloop.schemas.topics.Topics;
import io.edgeloop.testsupport.Await;
import io.edgeloop.testsupport.KafkaTest;
import io.edgeloop.testsupport.KafkaTestContext;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The governance loop end to end on the embedded broker (issue 5's proof): the real keeper
 * ({@link ResolverApp#start}) seeds the library as version 1 and streams-app scores nine months of
 * real daily candles with it; a DEGRADE proposal for the pattern that matched most and an
 * operator's approval go in; the keeper applies it as version 2; streams-app's global library
 * picks it up, and every score and prediction of the candles published after that carries
 * library version 2 and the degraded pattern's new revision and status, while the ones before
 * carry version 1.
 */
@KafkaTest
class GovernanceLoopIT {

    private static final List<String> TICKERS = List.of("SPY", "QQQ", "NVDA", "TSLA");
    private static final Duration TIMEOUT = Duration.ofMinutes(2);
    private static final String CHANGE_ID = "it-degrade-1";
    /** Candles from here on are published after the change is applied. */
    private static final Instant SWITCH = Instant.parse("2025-07-01T00:00:00Z");

    @Test
    void shouldScoreWithTheNewLibraryVersionOnceAnApprovedChangeIsApplied(KafkaTestContext kafka) throws Exception {
        List<Candle> before = candles("2024-10-01T00:00:00Z", SWITCH.toString());
        List<Candle> after = candles(SWITCH.toString(), "2025-11-01T00:00:00Z");

        try (ResolverApp.Handle resolver = ResolverApp.start(resolverConfig(kafka))) {
            Await.until(() -> libraryVersion(resolver) == 1, TIMEOUT, () -> "the keeper did not seed version 1");
            StreamsApp.Handle streams = startStreams(kafka);
            try {
                Await.until(() -> library(streams).size() == 17, TIMEOUT,
                        () -> "streams-app sees " + library(streams).size() + " of the 17 seed patterns");
                publish(kafka, before);
                List<ScoreSnapshot> first = scores(kafka, before.size());
                assertThat(first).extracting(ScoreSnapshot::getLibraryVersion).containsOnly(1L);
                String target = mostMatched(first);

                propose(kafka, target);
                approve(kafka);
                Await.until(() -> libraryVersion(resolver) == 2, TIMEOUT, () -> "the keeper did not apply the change");
                Await.until(() -> {
                    PatternDefinition p = library(streams).get(target);
                    return p != null && p.getStatus() == PatternStatus.DEGRADED && p.getLibraryVersion() == 2;
                }, TIMEOUT, () -> "streams-app did not receive version 2 of " + target);

                publish(kafka, after);
                List<ScoreSnapshot> all = scores(kafka, before.size() + after.size());
                List<ScoreSnapshot> second = all.stream().filter(s -> !s.getBarTime().isBefore(SWITCH)).toList();

                assertThat(second).hasSize(after.size());
                assertThat(second).extracting(ScoreSnapshot::getLibraryVersion).containsOnly(2L);
                assertThat(matchesOf(first, target)).isNotEmpty()
                        .allSatisfy(m -> assertThat(m.getVersion()).isEqualTo(1))
                        .allSatisfy(m -> assertThat(m.getStatus()).isEqualTo(PatternStatus.ACTIVE));
                assertThat(matchesOf(second, target)).as("matches of " + target + " after the change").isNotEmpty()
                        .allSatisfy(m -> assertThat(m.getVersion()).isEqualTo(2))
                        .allSatisfy(m -> assertThat(m.getStatus()).isEqualTo(PatternStatus.DEGRADED));

                Map<Boolean, List<Prediction>> predictions = predictions(kafka).stream()
                        .collect(Collectors.partitioningBy(p -> !p.getBarTime().isBefore(SWITCH)));
                assertThat(predictions.get(false)).isNotEmpty().extracting(Prediction::getLibraryVersion).containsOnly(1L);
                assertThat(predictions.get(true)).isNotEmpty().extracting(Prediction::getLibraryVersion).containsOnly(2L);
            } finally {
                streams.close();
            }
        }
    }

    private static List<Candle> candles(String from, String to) {
        return MarketData.merged(TICKERS.stream().map(t -> MarketData.history(t + "_D", from, to)).toList());
    }

    private static AppConfig resolverConfig(KafkaTestContext kafka) {
        return AppConfig.resolve(ResolverOptions.all(), new Properties(), Map.of(), List.of(
                "kafka.bootstrap.servers=" + kafka.bootstrapServers(),
                "kafka.application.id=" + kafka.uniqueAppId("governance-resolver"),
                "kafka.commit.interval.ms=100",
                "state.dir=" + kafka.tempDir().resolve("resolver-state"),
                "stores.in.memory=true",
                "http.port=0"));
    }

    private static StreamsApp.Handle startStreams(KafkaTestContext kafka) {
        Map<String, Object> props = new HashMap<>();
        kafka.streamsProperties("governance-streams").forEach((k, v) -> props.put(k.toString(), v));
        StreamsSettings settings = StreamsSettings.defaults(props).withClock(Harness.CLOCK)
                .withBreadthIdle(Duration.ofSeconds(2));
        StreamsApp.Handle handle = StreamsApp.start(settings, "localhost", 0, CoreTickerModels.of(settings));
        Await.until(() -> handle.streams().state() == KafkaStreams.State.RUNNING, TIMEOUT,
                () -> "streams state " + handle.streams().state());
        return handle;
    }

    private static long libraryVersion(ResolverApp.Handle resolver) {
        try {
            return resolver.queries().libraryVersion();
        } catch (RuntimeException e) {
            return -1;
        }
    }

    /** streams-app's global pattern-library store, by pattern id (empty while it is not queryable). */
    private static Map<String, PatternDefinition> library(StreamsApp.Handle streams) {
        Map<String, PatternDefinition> out = new HashMap<>();
        try {
            ReadOnlyKeyValueStore<String, PatternDefinition> store = streams.streams().store(StoreQueryParameters
                    .fromNameAndType(Names.LIBRARY_STORE, QueryableStoreTypes.<String, PatternDefinition>keyValueStore()));
            try (var it = store.all()) {
                it.forEachRemaining(kv -> out.put(kv.key, kv.value));
            }
        } catch (RuntimeException e) {
            out.clear();
        }
        return out;
    }

    private static void publish(KafkaTestContext kafka, List<Candle> candles) {
        kafka.produce(Topics.CANDLES.name(), Topics.CANDLES.keySerde().serializer(),
                Topics.CANDLES.valueSerde().serializer(),
                candles.stream().map(c -> Map.entry(c.ticker(), MarketData.avro(c))).toList());
    }

    private static List<ScoreSnapshot> scores(KafkaTestContext kafka, int count) {
        return kafka.consumeUntil(Topics.SCORES.name(), count, TIMEOUT, Topics.SCORES.keySerde().deserializer(),
                Topics.SCORES.valueSerde().deserializer()).stream().map(ConsumerRecord::value).toList();
    }

    /**
     * Every committed prediction: streams-app writes a candle's predictions in the transaction of
     * its score, so once every score is in, so is every prediction.
     */
    private static List<Prediction> predictions(KafkaTestContext kafka) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed", ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<Prediction> out = new ArrayList<>();
        try (KafkaConsumer<String, Prediction> consumer = new KafkaConsumer<>(config,
                Topics.PREDICTIONS.keySerde().deserializer(), Topics.PREDICTIONS.valueSerde().deserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.PREDICTIONS.name()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Await.until(() -> {
                consumer.poll(Duration.ofMillis(100)).forEach(r -> out.add(r.value()));
                return partitions.stream().allMatch(p -> consumer.position(p) >= end.get(p));
            }, TIMEOUT, () -> "could not read predictions to " + end);
        }
        return out;
    }

    /** The pattern that matched the most snapshots (ties: the lower id). */
    private static String mostMatched(List<ScoreSnapshot> scores) {
        Map<String, Long> counts = scores.stream().flatMap(s -> s.getMatchedPatterns().stream())
                .collect(Collectors.groupingBy(PatternMatch::getPatternId, Collectors.counting()));
        assertThat(counts).as("patterns matched before the change").isNotEmpty();
        return counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()
                .thenComparing(Map.Entry.comparingByKey())).findFirst().orElseThrow().getKey();
    }

    private static List<PatternMatch> matchesOf(List<ScoreSnapshot> scores, String patternId) {
        List<PatternMatch> out = new ArrayList<>();
        scores.forEach(s -> s.getMatchedPatterns().stream().filter(m -> m.getPatternId().equals(patternId))
                .forEach(out::add));
        return out;
    }

    private static void propose(KafkaTestContext kafka, String patternId) {
        Instant now = Instant.now();
        ModelChange change = ModelChange.newBuilder().setId(CHANGE_ID).setKind(ChangeKind.DEGRADE)
                .setPatternId(patternId).setProposedBy("governance-it").setProposedAt(now)
                .setSummary("degrade " + patternId + " to prove the loop")
                .setEvidence(ChangeEvidence.newBuilder().setN(40).setHitRate(0.31).build())
                .setStatus(ChangeStatus.PROPOSED).setSeverity(Severity.MEDIUM).setUpdatedAt(now).build();
        kafka.produce(Topics.MODEL_CHANGELOG.name(), Topics.MODEL_CHANGELOG.keySerde().serializer(),
                Topics.MODEL_CHANGELOG.valueSerde().serializer(), List.of(Map.entry(CHANGE_ID, change)));
    }

    private static void approve(KafkaTestContext kafka) {
        ApprovalDecision decision = ApprovalDecision.newBuilder().setChangeId(CHANGE_ID)
                .setAction(ApprovalAction.APPROVE).setActor("alice").setReason("the evidence holds")
                .setDecidedAt(Instant.now()).setTargetLibraryVersion(null).build();
        kafka.produce(Topics.APPROVALS.name(), Topics.APPROVALS.keySerde().serializer(),
                Topics.APPROVALS.valueSerde().serializer(), List.of(Map.entry(CHANGE_ID, decision)));
    }
}
