package io.edgeloop.connectors;

import io.edgeloop.core.candle.CandleFiles;
import io.edgeloop.core.candle.CandleNormaliser;
import io.edgeloop.core.candle.SessionCalendar;
import io.edgeloop.schemas.avro.Candle;
import io.edgeloop.schemas.avro.DeadLetter;
import io.edgeloop.schemas.serde.EdgeloopSerdes;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CandleFileSourceTaskTest {

    private static final Instant NOW = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);

    @TempDir
    Path dir;

    private final List<CandleFileSourceTask> started = new ArrayList<>();

    @AfterEach
    void stopTasks() {
        started.forEach(CandleFileSourceTask::stop);
    }

    private CandleFileSourceTask start(MapOffsets offsets, String... keyValues) {
        Map<String, String> props = new HashMap<>();
        props.put("name", "candle-files-test");
        props.put(CandleSourceConfig.PATHS, dir.toString());
        props.put(CandleSourceConfig.POLL_MAX_RECORDS, "100");
        for (int i = 0; i < keyValues.length; i += 2) {
            props.put(keyValues[i], keyValues[i + 1]);
        }
        CandleFileSourceTask task = new CandleFileSourceTask(Clock.fixed(NOW, ZoneOffset.UTC));
        task.initialize(offsets.context(props));
        task.start(props);
        started.add(task);
        return task;
    }

    private static List<SourceRecord> pollUntil(CandleFileSourceTask task, int count) throws InterruptedException {
        List<SourceRecord> out = new ArrayList<>();
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (out.size() < count && System.nanoTime() < deadline) {
            List<SourceRecord> batch = task.poll();
            if (batch != null) {
                out.addAll(batch);
            }
        }
        return out;
    }

    /** Polls until a poll finds nothing (unpaced tasks hand out everything they found in a row). */
    private static List<SourceRecord> drain(CandleFileSourceTask task) throws InterruptedException {
        List<SourceRecord> out = new ArrayList<>();
        for (List<SourceRecord> batch = task.poll(); batch != null; batch = task.poll()) {
            out.addAll(batch);
        }
        return out;
    }

    private static int normalisedBars(Path file) throws IOException {
        var parsed = CandleFiles.read(file);
        return CandleNormaliser.normalise(parsed.candles(), SessionCalendar.forTicker(parsed.ticker())).candles().size();
    }

    @Test
    void shouldPublishAvroCandlesKeyedByTickerStampedWithTheIngestTime() throws Exception {
        Path file = TestData.copy("universe-daily/AAPL-D.json", dir);
        int bars = normalisedBars(file);

        List<SourceRecord> records = pollUntil(start(new MapOffsets()), bars);

        assertThat(records).hasSize(bars).allSatisfy(r -> {
            assertThat(r.topic()).isEqualTo("candles");
            assertThat(r.key()).isEqualTo("AAPL");
            assertThat(r.keySchema()).isEqualTo(Schema.STRING_SCHEMA);
            assertThat(r.valueSchema()).isEqualTo(Schema.BYTES_SCHEMA);
            assertThat(r.timestamp()).isEqualTo(NOW.toEpochMilli());
            assertThat(r.sourcePartition()).isEqualTo(Map.of("ticker", "AAPL", "interval", "D"));
        });
        List<Candle> candles = records.stream()
                .map(r -> EdgeloopSerdes.of(Candle.class).decode("candles", (byte[]) r.value())).toList();
        assertThat(candles).extracting(Candle::getTicker).containsOnly("AAPL");
        assertThat(candles).extracting(Candle::getInterval).containsOnly("D");
        assertThat(candles).extracting(Candle::getOpenTime).isSorted().doesNotHaveDuplicates();
        assertThat(records.get(bars - 1).sourceOffset().get("position")).isEqualTo((long) bars);
    }

    @Test
    void shouldPublishAnInvalidRowAsADeadLetterWithItsFileCoordinates() throws Exception {
        Path csv = TestData.write(dir.resolve("ACME-D.csv"), "ts,open,high,low,close,volume\n"
                + "2024-01-02,10,11,9,10.5,1000\n"
                + "2024-01-03,10.5,12,10,-11.5,1200\n");

        List<SourceRecord> records = pollUntil(start(new MapOffsets()), 2);

        SourceRecord dead = records.get(0);
        assertThat(dead.topic()).isEqualTo("candles.dlq");
        assertThat(dead.key()).isEqualTo("ACME");
        DeadLetter letter = EdgeloopSerdes.of(DeadLetter.class).decode("candles.dlq", (byte[]) dead.value());
        assertThat(letter.getSourceTopic()).isEqualTo("file:" + csv.toAbsolutePath().normalize());
        assertThat(letter.getPartition()).isEqualTo(-1);
        assertThat(letter.getOffset()).isEqualTo(1);
        assertThat(StandardCharsets.UTF_8.decode(letter.getValue()).toString()).isEqualTo("2024-01-03,10.5,12,10,-11.5,1200");
        assertThat(letter.getReason()).contains("close is not positive (-11.5)");
        assertThat(letter.getErrorClass()).isEqualTo("io.edgeloop.core.candle.RowError");
        assertThat(letter.getApp()).isEqualTo("candle-files-test");
        assertThat(records.get(1).topic()).isEqualTo("candles");
    }

    @Test
    void shouldResumeFromCommittedOffsetsWithoutLossOrDuplicates() throws Exception {
        TestData.copy("universe-daily/AAPL-D.json", dir);
        TestData.copy("universe-daily/MSFT-D.json", dir);
        MapOffsets offsets = new MapOffsets();
        CandleFileSourceTask first = start(offsets);
        List<SourceRecord> before = pollUntil(first, 300);
        offsets.commit(before);
        first.stop();

        List<SourceRecord> after = drain(start(offsets));

        MapOffsets fresh = new MapOffsets();
        List<SourceRecord> once = drain(start(fresh));
        List<String> resumed = new ArrayList<>(values(before));
        resumed.addAll(values(after));
        assertThat(resumed).hasSize(once.size()).containsExactlyElementsOf(values(once));
    }

    private static List<String> values(List<SourceRecord> records) {
        return records.stream().map(r -> r.key() + "@" + EdgeloopSerdes.of(Candle.class)
                .decode("candles", (byte[]) r.value()).getOpenTime()).toList();
    }

    @Test
    void shouldPaceBarsAtTheConfiguredRate() throws Exception {
        TestData.copy("universe-daily/AAPL-D.json", dir);
        CandleFileSourceTask task = start(new MapOffsets(), CandleSourceConfig.PACING_MODE, "bars-per-second",
                CandleSourceConfig.PACING_BARS_PER_SECOND, "100");

        long t0 = System.nanoTime();
        List<SourceRecord> records = pollUntil(task, 31);
        long millis = (System.nanoTime() - t0) / 1_000_000;

        assertThat(records).hasSizeGreaterThanOrEqualTo(31);
        assertThat(millis).isBetween(290L, 2_000L);
    }

    /**
     * Reading every shipped file takes far longer than the 50 ms between two paced bars; the
     * schedule starts when the first bar is scheduled, after the scan, so the first poll hands
     * out that bar (and at most two more for a pause), not a burst of the bars "due" during the
     * scan. The task only reads the files: its paths are the shipped data's folder itself.
     */
    @Test
    void shouldStartThePaceAfterTheScanNotBeforeIt() throws Exception {
        CandleFileSourceTask task = start(new MapOffsets(), CandleSourceConfig.PATHS, TestData.dir().toString(),
                CandleSourceConfig.POLL_MAX_RECORDS, "100000",
                CandleSourceConfig.PACING_MODE, "bars-per-second", CandleSourceConfig.PACING_BARS_PER_SECOND, "20");

        long t0 = System.nanoTime();
        List<SourceRecord> first = task.poll();
        long millis = (System.nanoTime() - t0) / 1_000_000;

        // before the fix the schedule began before the scan: a burst of scan time x 20 bars (5 and
        // more for a scan of 250 ms)
        org.junit.jupiter.api.Assumptions.assumeTrue(millis > 250, () -> "the scan took " + millis
                + " ms, too short to tell a burst from a pause");
        assertThat(first).as("the first poll, scan included, took %d ms", millis).isNotEmpty().hasSizeLessThanOrEqualTo(3);
    }
}
