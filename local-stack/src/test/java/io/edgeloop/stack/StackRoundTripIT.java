package io.edgeloop.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.edgeloop.embedded.Directories;
import io.edgeloop.schemas.topics.Topic;
import io.edgeloop.schemas.topics.Topics;
import io.edgeloop.testsupport.Await;

/**
 * Starts the stack the way {@code edgeloop stack} does and talks to it like
 * {@code kafka-console-producer} / {@code kafka-console-consumer}: plain clients, string records,
 * a consumer group reading from the earliest offset. The records are real SPY daily candles.
 */
class StackRoundTripIT {

    private static final Path MARKET_DATA = Path.of(System.getProperty("edgeloop.data.dir", "../../shared/data"));
    private final Path dataDir = Path.of("target", "it-stack", UUID.randomUUID().toString());

    @AfterEach
    void deleteDataDir() {
        Directories.deleteRecursively(dataDir);
    }

    @Test
    void shouldRoundTripRealCandlesThroughTheBootstrapAddressWithPlainClients() throws IOException {
        List<String> candles = lastSpyDailyCandles(50);
        try (LocalStack stack = LocalStack.start(StackSettings.of(dataDir, 0))) {
            assertThat(stack.bootstrapServers()).matches("127\\.0\\.0\\.1:\\d+");
            assertThat(stack.topics().created()).containsExactlyElementsOf(
                    Topics.all().stream().map(Topic::name).toList());

            produce(stack.bootstrapServers(), Topics.CANDLES.name(), "SPY", candles);
            List<ConsumerRecord<String, String>> received =
                    consume(stack.bootstrapServers(), Topics.CANDLES.name(), candles.size());

            assertThat(received).extracting(ConsumerRecord::key).containsOnly("SPY");
            assertThat(received).extracting(ConsumerRecord::value).containsExactlyElementsOf(candles);
        }
    }

    @Test
    void shouldStopCleanlyAndStartAgainOnTheSameDataDirectoryWithItsTopicsAndRecords() throws IOException {
        List<String> candles = lastSpyDailyCandles(3);
        try (LocalStack first = LocalStack.start(StackSettings.of(dataDir, 0))) {
            produce(first.bootstrapServers(), Topics.CANDLES.name(), "SPY", candles);
        }
        try (LocalStack second = LocalStack.start(StackSettings.of(dataDir, 0))) {
            assertThat(second.startupTimes().freshStorage()).isFalse();
            assertThat(second.topics().created()).isEmpty();
            assertThat(second.topics().existing()).hasSize(Topics.all().size());
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", second.bootstrapServers()))) {
                assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS))
                        .containsAll(Topics.all().stream().map(Topic::name).toList());
            } catch (Exception e) {
                throw new AssertionError("listing topics after the restart failed", e);
            }
            assertThat(consume(second.bootstrapServers(), Topics.CANDLES.name(), candles.size()))
                    .extracting(ConsumerRecord::value).containsExactlyElementsOf(candles);
        }
    }

    private static List<String> lastSpyDailyCandles(int count) throws IOException {
        ObjectMapper json = new ObjectMapper();
        JsonNode bars = json.readTree(MARKET_DATA.resolve("history").resolve("SPY_D.json").toFile()).get("candles");
        List<String> out = new ArrayList<>();
        for (int i = bars.size() - count; i < bars.size(); i++) {
            out.add(json.writeValueAsString(bars.get(i)));
        }
        return out;
    }

    private static void produce(String bootstrap, String topic, String key, List<String> values) {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer =
                     new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            for (String value : values) {
                producer.send(new ProducerRecord<>(topic, key, value)).get();
            }
        } catch (Exception e) {
            throw new AssertionError("producing to " + topic + " at " + bootstrap + " failed", e);
        }
    }

    private static List<ConsumerRecord<String, String>> consume(String bootstrap, String topic, int count) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "console-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, String>> received = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                     new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            Await.until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(received::add);
                return received.size() >= count;
            }, Duration.ofSeconds(60), () -> "expected " + count + " records on " + topic + ", got " + received.size());
        }
        return received;
    }
}
