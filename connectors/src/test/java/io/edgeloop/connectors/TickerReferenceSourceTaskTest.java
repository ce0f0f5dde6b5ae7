package io.edgeloop.connectors;

import io.edgeloop.schemas.avro.TickerReference;
import io.edgeloop.schemas.serde.EdgeloopSerdes;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TickerReferenceSourceTaskTest {

    @TempDir
    Path dir;

    private final List<TickerReferenceSourceTask> started = new ArrayList<>();

    @AfterEach
    void stopTasks() {
        started.forEach(TickerReferenceSourceTask::stop);
    }

    private TickerReferenceSourceTask start(MapOffsets offsets, Path sectors, String... more) {
        Map<String, String> props = new java.util.HashMap<>(Map.of("name", "reference-test",
                TickerReferenceConfig.SECTORS_FILE, sectors.toString(),
                TickerReferenceConfig.PATHS, dir.resolve("candles").toString(), TickerReferenceConfig.POLL_INTERVAL_MS, "100"));
        for (int i = 0; i < more.length; i += 2) {
            props.put(more[i], more[i + 1]);
        }
        TickerReferenceSourceTask task = new TickerReferenceSourceTask();
        task.initialize(offsets.context(props));
        task.start(props);
        started.add(task);
        return task;
    }

    private static List<SourceRecord> pollFor(TickerReferenceSourceTask task, long millis) throws InterruptedException {
        List<SourceRecord> out = new ArrayList<>();
        long deadline = System.nanoTime() + millis * 1_000_000;
        while (System.nanoTime() < deadline) {
            List<SourceRecord> batch = task.poll();
            if (batch != null) {
                out.addAll(batch);
            }
        }
        return out;
    }

    @Test
    void shouldPublishTheTableOnceAndAgainOnlyWhenTheSectorFileChanges() throws Exception {
        Path sectors = TestData.copy("sectors.json", dir);
        TestData.write(dir.resolve("candles/ZZZZ-D.csv"), "ts,open,high,low,close,volume\n2024-01-02,1,2,1,2,10\n"
                + "2024-01-03,2,3,2,3,10\n");
        MapOffsets offsets = new MapOffsets();

        List<SourceRecord> first = pollFor(start(offsets, sectors), 400);
        offsets.commit(first);
        started.get(0).stop();
        List<SourceRecord> restarted = pollFor(start(offsets, sectors), 300);
        TestData.write(sectors, Files.readString(sectors).replace("\"XOM\": \"Energy\"", "\"XOM\": \"Industrials\""));
        List<SourceRecord> changed = pollFor(started.get(1), 400);

        assertThat(first).isNotEmpty().allSatisfy(r -> assertThat(r.topic()).isEqualTo("reference.tickers"));
        assertThat(first).extracting(SourceRecord::key).contains("ZZZZ", "XOM").doesNotHaveDuplicates();
        assertThat(restarted).isEmpty();
        assertThat(changed).hasSameSizeAs(first);
        TickerReference xom = changed.stream().filter(r -> r.key().equals("XOM")).findFirst()
                .map(r -> EdgeloopSerdes.of(TickerReference.class).decode("reference.tickers", (byte[]) r.value()))
                .orElseThrow();
        assertThat(xom.getSector()).isEqualTo("Industrials");
    }

    /** A candle file being rewritten is too young to read for a while; its ticker stays in the table meanwhile. */
    @Test
    void shouldKeepTheTickerOfACandleFileWhileItsNewVersionIsTooYoungToRead() throws Exception {
        Path sectors = TestData.copy("sectors.json", dir);
        Path candles = TestData.write(dir.resolve("candles/ZZZZ-D.csv"), "ts,open,high,low,close,volume\n"
                + "2024-01-02,1,2,1,2,10\n");
        // a minimum age far beyond the test's polls: "too young" never depends on how fast they run
        TickerReferenceSourceTask task = start(new MapOffsets(), sectors, TickerReferenceConfig.FILE_MIN_AGE_MS, "60000");
        List<SourceRecord> first = pollFor(task, 400);

        Files.writeString(candles, Files.readString(candles) + "2024-01-03,2,3,2,3,10\n");
        List<SourceRecord> whileYoung = pollFor(task, 300);
        TestData.age(candles);
        List<SourceRecord> afterwards = pollFor(task, 300);

        assertThat(first).extracting(SourceRecord::key).contains("ZZZZ");
        assertThat(whileYoung).as("the table is not republished without ZZZZ").isEmpty();
        assertThat(afterwards).as("nor again when the new version names the same ticker").isEmpty();
    }
}
