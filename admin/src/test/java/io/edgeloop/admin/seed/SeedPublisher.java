package io.edgeloop.admin.seed;

import io.edgeloop.schemas.avro.Candle;
import io.edgeloop.schemas.avro.ChangeStatus;
import io.edgeloop.schemas.avro.MarketSignal;
import io.edgeloop.schemas.avro.ModelChange;
import io.edgeloop.schemas.avro.Outcome;
import io.edgeloop.schemas.avro.PatternDefinition;
import io.edgeloop.schemas.avro.Prediction;
import io.edgeloop.schemas.avro.ScoreSnapshot;
import io.edgeloop.schemas.topics.Topic;
import io.edgeloop.schemas.topics.Topics;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;

import org.apache.kafka.clients.producer.RecordMetadata;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/** Writes a {@link RealSeed} to the catalog topics, keyed as the catalog says, batched, acknowledged by all replicas. */
public final class SeedPublisher {

    private SeedPublisher() {
    }

    /** Every topic of the seed. */
    public static void publish(String bootstrap, RealSeed seed) {
        publish(bootstrap, seed, p -> true);
    }

    /** Every topic of the seed, with only the predictions that pass {@code include}. */
    public static void publish(String bootstrap, RealSeed seed, Predicate<Prediction> include) {
        send(bootstrap, Topics.CANDLES, seed.candles, Candle::getTicker);
        send(bootstrap, Topics.SCORES, seed.scores, ScoreSnapshot::getTicker);
        send(bootstrap, Topics.PATTERN_LIBRARY, seed.library.patterns, PatternDefinition::getId);
        send(bootstrap, Topics.MODEL_CHANGELOG, seed.library.changes, ModelChange::getId);
        send(bootstrap, Topics.PREDICTIONS, seed.predictions.stream().filter(include).toList(), Prediction::getTicker);
        send(bootstrap, Topics.OUTCOMES, seed.outcomes, Outcome::getTicker);
        send(bootstrap, Topics.SIGNALS, List.copyOf(seed.signals.byKey.values()),
                s -> s.getLevel() + ":" + s.getKey());
    }

    /**
     * Only what the resolver reads and does not write itself: candles, scores, predictions (those
     * that pass {@code include}), signals and the pending proposals. The resolver then measures
     * the outcomes, its keeper seeds and keeps the library and answers in the changelog.
     */
    public static void publishForResolver(String bootstrap, RealSeed seed, Predicate<Prediction> include) {
        send(bootstrap, Topics.CANDLES, seed.candles, Candle::getTicker);
        send(bootstrap, Topics.SCORES, seed.scores, ScoreSnapshot::getTicker);
        send(bootstrap, Topics.PREDICTIONS, seed.predictions.stream().filter(include).toList(), Prediction::getTicker);
        send(bootstrap, Topics.SIGNALS, List.copyOf(seed.signals.byKey.values()), s -> s.getLevel() + ":" + s.getKey());
        send(bootstrap, Topics.MODEL_CHANGELOG, seed.library.changes.stream()
                .filter(c -> c.getStatus() == ChangeStatus.PROPOSED && c.getDecision() == null)
                .filter(c -> seed.library.changes.stream().noneMatch(d -> d.getId().equals(c.getId()) && d != c))
                .toList(), ModelChange::getId);
    }

    /** Sends records to one topic and waits for them. */
    public static <V> void send(String bootstrap, Topic<String, V> topic, List<V> records, Function<V, String> key) {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 15_000);
        try (KafkaProducer<String, V> producer = new KafkaProducer<>(config, topic.keySerde().serializer(),
                topic.valueSerde().serializer())) {
            List<Future<RecordMetadata>> sent = new ArrayList<>();
            for (V record : records) {
                sent.add(producer.send(new ProducerRecord<>(topic.name(), key.apply(record), record)));
            }
            producer.flush();
            for (Future<RecordMetadata> f : sent) {
                f.get(15, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw new AssertionError("seeding " + topic.name() + " failed: " + e, e);
        }
    }
}
