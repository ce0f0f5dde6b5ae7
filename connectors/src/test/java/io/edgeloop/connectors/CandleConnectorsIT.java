package io.edgeloop.connectors;

import io.edgeloop.core.candle.CandleFiles;
import io.edgeloop.core.candle.CandleNormaliser;
import io.edgeloop.core.candle.ParsedFile;
import io.edgeloop.core.candle.SectorMap;
import io.edgeloop.core.candle.SessionCalendar;
import io.edgeloop.schemas.avro.Candle;
import io.edgeloop.schemas.avro.DeadLetter;
import io.edgeloop.schemas.avro.TickerReference;
import io.edgeloop.schemas.serde.EdgeloopSerdes;
import io.edgeloop.testsupport.Await;
import io.edgeloop.testsupport.KafkaTest;
import io.edgeloop.testsupport.KafkaTestContext;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The connectors in a real standalone worker ({@link ConnectWorker}) on an embedded broker. */
@KafkaTest
class CandleConnectorsIT {

    private static final Logger LOG = LoggerFactory.getLogger(CandleConnectorsIT.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(90);

    /** Topics of one test, so the tests of the class do not see each other's records. */
    private record TestTopics(String candles, String dlq, String reference) {

        static TestTopics create(KafkaTestContext kafka) throws Exception {
            TestTopics t = new TestTopics(kafka.uniqueAppId("candles"), kafka.uniqueAppId("dlq"),
                    kafka.uniqueAppId("reference"));
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
                admin.createTopics(List.of(new NewTopic(t.candles, 6, (short) 1), new NewTopic(t.dlq, 1, (short) 1),
                        new NewTopic(t.reference, 6, (short) 1))).all().get();
            }
            return t;
        }

        Map<String, String> candleOptions() {
            return Map.of(CandleSourceConfig.TOPIC, candles, CandleSourceConfig.DLQ_TOPIC, dlq,
                    CandleSourceConfig.FILE_MIN_AGE_MS, "0");
        }
    }

    private static ConnectWorker worker(KafkaTestContext kafka) {
        ConnectWorker worker = ConnectWorker.builder().bootstrapServers(kafka.bootstrapServers())
                .offsetsFile(kafka.tempDir().resolve("state").resolve("connect.offsets")).start();
        LOG.info("Connect worker started in {} ms", worker.startTime().toMillis());
        return worker;
    }

    /** The bars the connector must publish: each file normalised, the files of one series chained. */
    private static Map<SeriesKey, List<io.edgeloop.core.candle.Candle>> expected(List<Path> files) throws Exception {
        Map<SeriesKey, List<SeriesChain.FileBars>> bySeries = new HashMap<>();
        for (Path file : files) {
            ParsedFile parsed = CandleFiles.read(file);
            bySeries.computeIfAbsent(new SeriesKey(parsed.ticker(), parsed.interval()), k -> new ArrayList<>())
                    .add(new SeriesChain.FileBars(file, CandleNormaliser.normalise(parsed.candles(),
                            SessionCalendar.forTicker(parsed.ticker())).candles()));
        }
        Map<SeriesKey, List<io.edgeloop.core.candle.Candle>> out = new HashMap<>();
        bySeries.forEach((key, members) -> out.put(key, SeriesChain.chain(members).bars()));
        return out;
    }

    private static int count(Map<SeriesKey, List<io.edgeloop.core.candle.Candle>> series) {
        return series.values().stream().mapToInt(List::size).sum();
    }

    /** Records in a topic: the sum of its partitions' end offsets (no transactions, nothing deleted). */
    private static long recordsIn(KafkaTestContext kafka, String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions()
                    .forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
            return admin.listOffsets(latest).all().get().values().stream()
                    .mapToLong(ListOffsetsResult.ListOffsetsResultInfo::offset).sum();
        }
    }

    private static List<ConsumerRecord<String, byte[]>> consume(KafkaTestContext kafka, String topic, int count) {
        return kafka.consumeUntil(topic, count, TIMEOUT, new StringDeserializer(), new ByteArrayDeserializer());
    }

    private static Map<SeriesKey, List<Instant>> openTimesBySeries(List<ConsumerRecord<String, byte[]>> records,
                                                                   String topic) {
        Map<SeriesKey, List<Instant>> out = new HashMap<>();
        for (ConsumerRecord<String, byte[]> r : records) {
            Candle c = EdgeloopSerdes.of(Candle.class).decode(topic, r.value());
            assertThat(r.key()).isEqualTo(c.getTicker());
            SeriesKey key = new SeriesKey(c.getTicker(), io.edgeloop.core.candle.Timeframe.parse(c.getInterval()).orElseThrow());
            out.computeIfAbsent(key, k -> new ArrayList<>()).add(c.getOpenTime());
        }
        return out;
    }

    private static void assertPublishedExactly(Map<SeriesKey, List<io.edgeloop.core.candle.Candle>> expected,
                                               Map<SeriesKey, List<Instant>> published) {
        assertThat(published.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
        expected.forEach((key, bars) -> assertThat(published.get(key)).as("open times of %s", key)
                .containsExactlyElementsOf(bars.stream().map(b -> Instant.ofEpochMilli(b.openTime())).toList()));
    }

    @Test
    void shouldPublishRealFilesInTimeOrderPerSeries(KafkaTestContext kafka) throws Exception {
        TestTopics topics = TestTopics.create(kafka);
        Path data = kafka.tempDir().resolve("data");
        List<Path> files = List.of(TestData.copy("universe-daily/AAPL-D.json", data),
                TestData.copy("history/SPY_W.json", data),
                TestData.copy("crypto/Coinbase-ETH-USD-PT1D-20160517_20260310.json", data));
        Map<SeriesKey, List<io.edgeloop.core.candle.Candle>> expected = expected(files);

        try (ConnectWorker connect = worker(kafka)) {
            long t0 = System.nanoTime();
            connect.addConnector(ConnectorConfigs.with(ConnectorConfigs.candleFiles("candles-in-order", List.of(data)),
                    topics.candleOptions()));
            ConnectorProgress progress = connect.awaitCaughtUp("candles-in-order", TIMEOUT);
            long millis = (System.nanoTime() - t0) / 1_000_000;
            LOG.info("{} bars published and acknowledged in {} ms", progress.acked(), millis);

            assertThat(progress.emitted()).isEqualTo(count(expected));
            assertThat(progress.deadLetters()).isZero();
        }
        assertPublishedExactly(expected, openTimesBySeries(consume(kafka, topics.candles(), count(expected)),
                topics.candles()));
    }

    @Test
    void shouldResumeAfterAWorkerRestartWithoutLossOrDuplicates(KafkaTestContext kafka) throws Exception {
        TestTopics topics = TestTopics.create(kafka);
        Path data = kafka.tempDir().resolve("data");
        List<Path> files = List.of(TestData.copy("universe-daily/AAPL-D.json", data),
                TestData.copy("universe-daily/MSFT-D.json", data),
                TestData.copy("history/SPY_W.json", data));
        Map<SeriesKey, List<io.edgeloop.core.candle.Candle>> expected = expected(files);
        Map<String, String> paced = ConnectorConfigs.with(ConnectorConfigs.candleFiles("candles-restart", List.of(data)),
                topics.candleOptions());
        paced = ConnectorConfigs.with(paced, Map.of(CandleSourceConfig.PACING_MODE, "bars-per-second",
                CandleSourceConfig.PACING_BARS_PER_SECOND, "1000", CandleSourceConfig.POLL_MAX_RECORDS, "50"));

        try (ConnectWorker connect = worker(kafka)) {
            connect.addConnector(paced);
            connect.awaitRunning("candles-restart", TIMEOUT);
            Await.until(() -> connect.progress("candles-restart").acked() >= 500, TIMEOUT,
                    () -> "acked " + connect.progress("candles-restart"));
        }
        long firstRun = recordsIn(kafka, topics.candles());
        assertThat(firstRun).isBetween(500L, count(expected) - 1L);

        try (ConnectWorker connect = worker(kafka)) {
            Map<String, String> unpaced = new HashMap<>(paced);
            unpaced.remove(CandleSourceConfig.PACING_MODE);
            unpaced.remove(CandleSourceConfig.PACING_BARS_PER_SECOND);
            connect.addConnector(unpaced);
            ConnectorProgress second = connect.awaitCaughtUp("candles-restart", TIMEOUT);
            LOG.info("first run {} bars, second run {} bars, expected {}", firstRun, second.emitted(), count(expected));
            assertThat(firstRun + second.emitted()).isEqualTo(count(expected));
        }
        List<ConsumerRecord<String, byte[]>> all = consume(kafka, topics.candles(), count(expected));
        assertThat(all).hasSize(count(expected));
        assertPublishedExactly(expected, openTimesBySeries(all, topics.candles()));
    }

    @Test
    void shouldSendAnInvalidCsvRowToTheDeadLetterTopicWithItsReason(KafkaTestContext kafka) throws Exception {
        TestTopics topics = TestTopics.create(kafka);
        Path data = kafka.tempDir().resolve("data");
        TestData.write(data.resolve("ACME-D.csv"), "ts,open,high,low,close,volume\n"
                + "2024-01-02,10,11,9,10.5,1000\n"
                + "2024-01-03,10.5,12,10,11.5,-5\n"
                + "2024-01-04,11.5,12.5,11,12,900\n");

        try (ConnectWorker connect = worker(kafka)) {
            connect.addConnector(ConnectorConfigs.with(ConnectorConfigs.candleFiles("candles-dlq", List.of(data)),
                    topics.candleOptions()));
            assertThat(connect.awaitCaughtUp("candles-dlq", TIMEOUT).deadLetters()).isEqualTo(1);
        }
        ConsumerRecord<String, byte[]> dead = consume(kafka, topics.dlq(), 1).get(0);
        DeadLetter letter = EdgeloopSerdes.of(DeadLetter.class).decode(topics.dlq(), dead.value());
        assertThat(dead.key()).isEqualTo("ACME");
        assertThat(letter.getReason()).contains("volume is negative (-5.0)");
        assertThat(letter.getOffset()).isEqualTo(1);
        assertThat(StandardCharsets.UTF_8.decode(letter.getValue()).toString()).isEqualTo("2024-01-03,10.5,12,10,11.5,-5");
        assertThat(letter.getSourceTopic()).startsWith("file:").endsWith("ACME-D.csv");
        assertThat(consume(kafka, topics.candles(), 2)).extracting(ConsumerRecord::key).containsOnly("ACME");
    }

    @Test
    void shouldPublishTheSectorMapWithOneSpellingPerSector(KafkaTestContext kafka) throws Exception {
        TestTopics topics = TestTopics.create(kafka);
        Path data = kafka.tempDir().resolve("data");
        Path sectors = TestData.copy("sectors.json", data);
        TestData.copy("universe-daily/ES1_-D.json", data.resolve("candles"));
        int expected = TickerReferences.build(SectorMap.read(sectors), List.of("ES1!")).size();

        try (ConnectWorker connect = worker(kafka)) {
            connect.addConnector(ConnectorConfigs.with(ConnectorConfigs.referenceTickers("reference", sectors,
                    List.of(data.resolve("candles"))), Map.of(TickerReferenceConfig.TOPIC, topics.reference(),
                    TickerReferenceConfig.FILE_MIN_AGE_MS, "0")));
            assertThat(connect.awaitCaughtUp("reference", TIMEOUT).acked()).isEqualTo(expected);
        }
        Map<String, TickerReference> table = new HashMap<>();
        for (ConsumerRecord<String, byte[]> r : consume(kafka, topics.reference(), expected)) {
            table.put(r.key(), EdgeloopSerdes.of(TickerReference.class).decode(topics.reference(), r.value()));
        }
        Set<String> spellings = new HashSet<>();
        table.values().forEach(t -> spellings.add(String.valueOf(t.getSector())));
        assertThat(table).hasSize(expected).containsKey("ES1!");
        assertThat(table.get("ES1!").getSector()).isNull();
        assertThat(spellings).contains("Health Care").doesNotContain("Healthcare");
    }

    @Test
    void shouldPublishTheWholeShippedData(KafkaTestContext kafka) throws Exception {
        TestTopics topics = TestTopics.create(kafka);
        Path data = TestData.dir();
        Map<SeriesKey, List<io.edgeloop.core.candle.Candle>> expected = expected(CandleFiles.list(data));

        try (ConnectWorker connect = worker(kafka)) {
            long t0 = System.nanoTime();
            connect.addConnector(ConnectorConfigs.with(ConnectorConfigs.candleFiles("candles-all", List.of(data)),
                    topics.candleOptions()));
            ConnectorProgress progress = connect.awaitCaughtUp("candles-all", Duration.ofMinutes(5));
            double seconds = (System.nanoTime() - t0) / 1e9;
            LOG.info("whole data: {} bars in {} series published and acknowledged in {} s: {} bars/s",
                    progress.acked(), expected.size(), String.format("%.1f", seconds),
                    Math.round(progress.acked() / seconds));
            assertThat(progress.emitted()).isEqualTo(count(expected));
        }
        assertPublishedExactly(expected, openTimesBySeries(consume(kafka, topics.candles(), count(expected)),
                topics.candles()));
    }
}
