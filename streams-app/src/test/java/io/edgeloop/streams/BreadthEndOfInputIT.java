package io.edgeloop.streams;

import io.edgeloop.core.candle.Candle;
import io.edgeloop.schemas.avro.AssetClass;
import io.edgeloop.schemas.avro.SessionCalendar;
import io.edgeloop.schemas.avro.TickerReference;
import io.edgeloop.schemas.topics.Topic;
import io.edgeloop.schemas.topics.Topics;
import io.edgeloop.testsupport.Await;
import io.edgeloop.testsupport.KafkaTest;
import io.edgeloop.testsupport.KafkaTestContext;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sector and market breadth are the same whenever each candle partition's input arrives, once
 * every partition has sent the end-of-input mark: on a real broker, one run gets the candles of
 * one partition only after the others' are all scored (a partition whose tickers come late in the
 * feed, or whose task fell behind), and one partition holds no ticker at all; another run finds
 * every candle in place when it starts. Each run's marks are written once it has consumed the
 * candles, as the replay does. The wall-clock release is set far beyond the
 * test, so only the marks can complete the last boundaries. Without the marks, the late run
 * depends on {@code signals.breadth.idle}: with the loop's former 5 s, the late partition is
 * released while it is silent and its votes show at later boundaries.
 */
@KafkaTest
class BreadthEndOfInputIT {

    /** Ten tickers in five partitions; partition 0 holds none of them. */
    private static final List<String> TICKERS = List.of("SPY", "QQQ", "IWM", "NVDA", "TSLA", "GLD", "XLE", "USO", "UNH",
            "MSTR");
    /** The partition whose candles come last in the late run (GLD, XLE, USO). */
    private static final int LATE = 4;
    private static final List<Topic<String, ?>> SIGNALS = List.of(Topics.SIGNALS);
    private static final Duration NEVER = Duration.ofHours(1);

    @Test
    void shouldEmitTheSameBreadthWhenAPartitionComesLateAndAnotherIsEmpty(KafkaTestContext kafka) {
        List<Candle> candles = MarketData.merged(TICKERS.stream()
                .map(t -> MarketData.history(t + "_D", "2022-01-01T00:00:00Z", "2026-07-01T00:00:00Z")).toList());
        List<Candle> early = new ArrayList<>();
        List<Candle> late = new ArrayList<>();
        Set<Integer> used = new TreeSet<>();
        for (Candle c : candles) {
            int p = partition(c.ticker());
            used.add(p);
            (p == LATE ? late : early).add(c);
        }
        assertThat(used).as("candle partitions of the tickers").contains(LATE).doesNotContain(0);
        reference(kafka);

        Map<TopicPartition, Long> before = StreamsRun.endOffsets(kafka, SIGNALS);
        StreamsRun lateRun = new StreamsRun(kafka, "breadth-late", NEVER);
        lateRun.start();
        publish(kafka, early);
        Await.until(() -> lateRun.accepted() >= early.size(), StreamsRun.TIMEOUT,
                () -> "accepted " + lateRun.accepted() + " of the " + early.size() + " early candles");
        Await.until(() -> lateRun.lag() == 0, StreamsRun.TIMEOUT, () -> "lag " + lateRun.lag());
        assertThat(lateRun.pendingVotes()).as("votes waiting for the silent partitions").isPositive();
        publish(kafka, late);
        Await.until(() -> lateRun.lag() == 0, StreamsRun.TIMEOUT, () -> "lag " + lateRun.lag());
        assertThat(CandleInputMarks.end(kafka.bootstrapServers(), "breadth-it")).isEqualTo(Topics.CANDLES.partitions());
        lateRun.awaitCaughtUp();
        lateRun.close();
        Map<TopicPartition, Long> middle = StreamsRun.endOffsets(kafka, SIGNALS);

        forgetMarks(kafka);
        StreamsRun inPlace = new StreamsRun(kafka, "breadth-in-place", NEVER);
        inPlace.start();
        Await.until(() -> inPlace.lag() == 0, StreamsRun.TIMEOUT, () -> "lag " + inPlace.lag());
        assertThat(inPlace.pendingVotes()).as("votes waiting for the empty partition").isPositive();
        CandleInputMarks.end(kafka.bootstrapServers(), "breadth-it");
        inPlace.awaitCaughtUp();
        inPlace.close();
        Map<TopicPartition, Long> after = StreamsRun.endOffsets(kafka, SIGNALS);

        List<String> first = breadth(StreamsRun.read(kafka, SIGNALS, before, middle));
        List<String> second = breadth(StreamsRun.read(kafka, SIGNALS, middle, after));
        assertThat(first).anyMatch(s -> s.startsWith("MARKET:ALL")).anyMatch(s -> s.startsWith("SECTOR:Energy"));
        assertThat(second).containsExactlyElementsOf(first);
    }

    /**
     * Deletes the first run's marks, so the second run reads its own, written once it has
     * consumed the candles (a mark already there could be taken before them).
     */
    private static void forgetMarks(KafkaTestContext kafka) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            Map<TopicPartition, RecordsToDelete> all = new HashMap<>();
            StreamsRun.endOffsets(kafka, List.of(Topics.STREAMS_CONTROL))
                    .forEach((tp, end) -> all.put(tp, RecordsToDelete.beforeOffset(end)));
            admin.deleteRecords(all).all().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } catch (ExecutionException e) {
            throw new AssertionError("cannot delete the marks", e.getCause());
        }
    }

    /** The sector and market signals of a run (ticker signals do not depend on other partitions). */
    private static List<String> breadth(Map<String, List<String>> read) {
        return read.get(Topics.SIGNALS.name()).stream().filter(s -> !s.startsWith("TICKER:")).toList();
    }

    /** The {@code candles} partition of a ticker: the producer's default partitioner on the key's bytes. */
    private static int partition(String ticker) {
        return BuiltInPartitioner.partitionForKey(ticker.getBytes(StandardCharsets.UTF_8), Topics.CANDLES.partitions());
    }

    private static void reference(KafkaTestContext kafka) {
        List<Map.Entry<String, TickerReference>> refs = new ArrayList<>();
        for (String t : TICKERS) {
            String sector = List.of("XLE", "USO").contains(t) ? "Energy" : t.equals("UNH") ? "Health Care"
                    : List.of("NVDA", "TSLA", "MSTR").contains(t) ? "Information Technology" : "ETF";
            refs.add(Map.entry(t, new TickerReference(t, sector, AssetClass.EQUITY, SessionCalendar.US_EQUITY, null)));
        }
        kafka.produce(Topics.REFERENCE_TICKERS.name(), new StringSerializer(),
                Topics.REFERENCE_TICKERS.valueSerde().serializer(), refs);
    }

    private static void publish(KafkaTestContext kafka, List<Candle> candles) {
        List<Map.Entry<String, io.edgeloop.schemas.avro.Candle>> records = new ArrayList<>();
        candles.forEach(c -> records.add(Map.entry(c.ticker(), MarketData.avro(c))));
        kafka.produce(Topics.CANDLES.name(), new StringSerializer(), Topics.CANDLES.valueSerde().serializer(), records);
    }
}
