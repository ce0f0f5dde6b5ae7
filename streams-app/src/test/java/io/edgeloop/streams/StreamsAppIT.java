package io.edgeloop.streams;

import io.edgeloop.core.candle.Candle;
import io.edgeloop.schemas.avro.AssetClass;
import io.edgeloop.schemas.avro.SessionCalendar;
import io.edgeloop.schemas.avro.TickerReference;
import io.edgeloop.schemas.topics.Topic;
import io.edgeloop.schemas.topics.Topics;
import io.edgeloop.testsupport.Await;
import io.edgeloop.testsupport.ChildJvm;
import io.edgeloop.testsupport.KafkaTest;
import io.edgeloop.testsupport.KafkaTestContext;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The app on a real embedded broker, exactly-once: real daily candles of ten tickers in, scores,
 * predictions, trades and signals out; an undecodable record goes to the dead letter queue; a
 * run stopped mid-stream and restarted from its changelogs (local state wiped), and one killed
 * (SIGKILL, in a child JVM) in the middle of a transaction and restarted, each write exactly what an
 * uninterrupted run writes, with no record lost or repeated.
 */
@KafkaTest
class StreamsAppIT {

    private static final List<String> TICKERS = List.of("SPY", "QQQ", "IWM", "NVDA", "TSLA", "GLD", "XLE", "USO",
            "UNH", "MSTR");
    private static final List<Topic<String, ?>> OUTPUTS = List.of(Topics.SCORES, Topics.PREDICTIONS, Topics.TRADES,
            Topics.SIGNALS, Topics.CANDLES_DLQ);
    private static final Duration TIMEOUT = StreamsRun.TIMEOUT;
    /** No end-of-input mark here: the last boundaries are applied after this wall-clock silence. */
    private static final Duration IDLE = Duration.ofSeconds(10);

    @Test
    void shouldGiveTheSameOutputsWhenStoppedOrKilledMidStreamAsWhenRunUninterrupted(KafkaTestContext kafka)
            throws Exception {
        List<Candle> candles = MarketData.merged(TICKERS.stream()
                .map(t -> MarketData.history(t + "_D", "2019-01-01T00:00:00Z", "2026-07-01T00:00:00Z")).toList());
        publish(kafka, candles);

        Map<TopicPartition, Long> start = StreamsRun.endOffsets(kafka, OUTPUTS);
        StreamsRun uninterrupted = new StreamsRun(kafka, "streams-it-a", IDLE);
        uninterrupted.start();
        uninterrupted.awaitCaughtUp();
        checkQueries(uninterrupted);
        uninterrupted.close();
        Map<TopicPartition, Long> middle = StreamsRun.endOffsets(kafka, OUTPUTS);
        Map<String, List<String>> first = StreamsRun.read(kafka, OUTPUTS, start, middle);

        StreamsRun restarted = new StreamsRun(kafka, "streams-it-b", IDLE);
        restarted.start();
        Await.until(() -> restarted.accepted() >= candles.size() / 2, TIMEOUT,
                () -> "run b accepted " + restarted.accepted() + " of " + candles.size() / 2 + " before the stop");
        restarted.close();
        assertThat(restarted.lag()).as("candles left for after the restart").isPositive();
        restarted.wipeLocalState();
        restarted.start();
        restarted.awaitCaughtUp();
        restarted.close();
        Map<String, List<String>> second = StreamsRun.read(kafka, OUTPUTS, middle, StreamsRun.endOffsets(kafka, OUTPUTS));

        assertThat(first.get(Topics.SCORES.name())).hasSize(candles.size());
        assertThat(first.get(Topics.PREDICTIONS.name())).isNotEmpty();
        assertThat(first.get(Topics.TRADES.name())).isNotEmpty();
        assertThat(first.get(Topics.SIGNALS.name())).anyMatch(s -> s.startsWith("MARKET:ALL"))
                .anyMatch(s -> s.startsWith("SECTOR:")).anyMatch(s -> s.startsWith("TICKER:SPY"));
        assertThat(first.get(Topics.CANDLES_DLQ.name())).hasSize(1);
        for (Topic<String, ?> topic : OUTPUTS) {
            if (topic != Topics.CANDLES_DLQ) {
                assertThat(second.get(topic.name())).as(topic.name()).isEqualTo(first.get(topic.name()));
            }
        }
        assertThat(second.get(Topics.CANDLES_DLQ.name())).hasSize(1);

        Map<String, List<String>> third = killedMidTransaction(kafka, first.get(Topics.SCORES.name()).size());
        for (Topic<String, ?> topic : OUTPUTS) {
            assertThat(third.get(topic.name())).as(topic.name() + " after the kill").isEqualTo(first.get(topic.name()));
        }
    }

    /**
     * A third run, killed: stopped cleanly half way (so it has committed work), then continued by
     * the app in a child JVM, as deployed, that never commits on its own (a ten-minute commit
     * interval) and is killed with SIGKILL once every score it has to write sits in its open
     * transaction; then restarted in this JVM on the same state directory. Returns the outputs
     * the run committed, which must be the uninterrupted run's: the killed work is aborted, no
     * read_committed reader ever sees it, and the restart redoes it once.
     */
    private static Map<String, List<String>> killedMidTransaction(KafkaTestContext kafka, int scores)
            throws Exception {
        Map<TopicPartition, Long> from = StreamsRun.endOffsets(kafka, OUTPUTS);
        StreamsRun run = new StreamsRun(kafka, "streams-it-c", IDLE);
        run.start();
        Await.until(() -> run.accepted() >= scores / 2.0, TIMEOUT,
                () -> "run c accepted " + run.accepted() + " before the stop");
        run.close();
        Map<TopicPartition, Long> stopped = StreamsRun.endOffsets(kafka, OUTPUTS);
        int committedBefore = StreamsRun.read(kafka, OUTPUTS, from, stopped)
                .get(Topics.SCORES.name()).size();
        long written = kafka.endOffsetSum(Topics.SCORES, IsolationLevel.READ_UNCOMMITTED);

        // One stream thread: with two, a rebalance between them would commit the transaction.
        Process child = run.startChild(kafka.tempDir().resolve("streams-it-c-child.log"), Map.of(
                StreamsConfig.NUM_STREAM_THREADS_CONFIG, "1",
                StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, "600000",
                StreamsConfig.producerPrefix(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG), "600000",
                ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, "6000"));
        long open;
        try {
            Await.until(() -> kafka.endOffsetSum(Topics.SCORES, IsolationLevel.READ_UNCOMMITTED) - written
                            >= scores - committedBefore, TIMEOUT,
                    () -> "the child has not written the last " + (scores - committedBefore) + " scores yet; see "
                            + kafka.tempDir().resolve("streams-it-c-child.log"));
            open = kafka.endOffsetSum(Topics.SCORES, IsolationLevel.READ_UNCOMMITTED) - written;
            assertThat(kafka.endOffsetSum(Topics.SCORES, IsolationLevel.READ_COMMITTED))
                    .as("the last stable offsets: nothing of the child's open transaction is committed").isEqualTo(written);
        } finally {
            ChildJvm.kill(child);
        }
        assertThat(open).as("scores in the killed transaction").isEqualTo(scores - committedBefore);

        run.start();
        run.awaitCaughtUp();
        run.close();
        return StreamsRun.read(kafka, OUTPUTS, from, StreamsRun.endOffsets(kafka, OUTPUTS));
    }

    /** The query API of a finished run answers for its tickers, the breadth and its health. */
    private static void checkQueries(StreamsRun run) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        String base = "http://localhost:" + run.handle.httpPort();
        HttpResponse<String> ticker = http.send(HttpRequest.newBuilder(URI.create(base + "/model/tickers/SPY")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(ticker.statusCode()).as(ticker.body()).isEqualTo(200);
        assertThat(ticker.body()).contains("\"ticker\":\"SPY\"").contains("\"interval\":\"D\"").contains("\"stage\"");
        HttpResponse<String> market = http.send(HttpRequest.newBuilder(URI.create(base + "/model/signals?level=market"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(market.body()).contains("\"level\":\"MARKET\"").contains("\"regime\"");
        HttpResponse<String> tickers = http.send(HttpRequest.newBuilder(URI.create(base + "/model/signals?level=ticker"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(tickers.body()).contains("\"key\":\"MSTR\"");
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(base + "/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(health.body()).contains("\"state\":\"RUNNING\"").contains("\"accepted\"");
        HttpResponse<String> unknown = http.send(HttpRequest.newBuilder(URI.create(base + "/model/signals?level=planet"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(unknown.statusCode()).isEqualTo(400);
    }

    private static void publish(KafkaTestContext kafka, List<Candle> candles) {
        List<Map.Entry<String, TickerReference>> refs = new ArrayList<>();
        for (String t : TICKERS) {
            refs.add(Map.entry(t, new TickerReference(t, List.of("SPY", "QQQ", "IWM", "GLD", "USO").contains(t) ? "ETF"
                    : t.equals("XLE") ? "Energy" : t.equals("UNH") ? "Health Care" : "Information Technology",
                    AssetClass.EQUITY, SessionCalendar.US_EQUITY, null)));
        }
        kafka.produce(Topics.REFERENCE_TICKERS.name(), new StringSerializer(),
                Topics.REFERENCE_TICKERS.valueSerde().serializer(), refs);
        List<Map.Entry<byte[], byte[]>> raw = new ArrayList<>();
        var serializer = Topics.CANDLES.valueSerde().serializer();
        for (int i = 0; i < candles.size(); i++) {
            Candle c = candles.get(i);
            raw.add(Map.entry(c.ticker().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    serializer.serialize(Topics.CANDLES.name(), MarketData.avro(c))));
            if (i == candles.size() / 3) {
                raw.add(Map.entry("SPY".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        new byte[] {(byte) 0xC3, 0x01, 9, 9, 9, 9, 9, 9, 9, 9, 1}));
            }
        }
        kafka.produce(Topics.CANDLES.name(), new ByteArraySerializer(), new ByteArraySerializer(), raw);
    }
}
