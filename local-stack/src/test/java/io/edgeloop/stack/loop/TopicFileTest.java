package io.edgeloop.stack.loop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.edgeloop.schemas.avro.DeadLetter;
import io.edgeloop.schemas.avro.MarketRegime;
import io.edgeloop.schemas.avro.MarketSignal;
import io.edgeloop.schemas.avro.SignalLabel;
import io.edgeloop.schemas.avro.SignalLevel;
import io.edgeloop.schemas.topics.Topic;
import io.edgeloop.schemas.topics.Topics;

class TopicFileTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static TopicFile file(String name) {
        return TopicFile.OUTPUTS.stream().filter(f -> f.fileName().equals(name)).findFirst().orElseThrow();
    }

    private static <V> ConsumerRecord<byte[], byte[]> record(Topic<String, V> topic, int partition, long offset, String key,
                                                            V value) {
        return new ConsumerRecord<>(topic.name(), partition, offset,
                key.getBytes(StandardCharsets.UTF_8),
                value == null ? null : topic.valueSerde().serializer().serialize(topic.name(), value));
    }

    private static MarketSignal signal(String key, String time, SignalLabel label) {
        return MarketSignal.newBuilder().setLevel(SignalLevel.SECTOR).setKey(key).setTime(Instant.parse(time))
                .setNet(0.5).setLabel(label).setRegime(MarketRegime.NEUTRAL).setBullish(3).setBearish(1).setNeutral(0)
                .setBreadthPct(75.0).setRiskFlags(List.of()).build();
    }

    @Test
    void shouldWriteTheSameFileWhateverOrderThePartitionsInterleaveIn() throws Exception {
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>(List.of(
                record(Topics.SIGNALS, 1, 0, "SECTOR:Energy", signal("Energy", "2024-01-03T21:00:00Z", SignalLabel.BULLISH)),
                record(Topics.SIGNALS, 0, 0, "SECTOR:Tech", signal("Tech", "2024-01-02T21:00:00Z", SignalLabel.BEARISH)),
                record(Topics.SIGNALS, 1, 1, "SECTOR:Energy", signal("Energy", "2024-01-02T21:00:00Z", SignalLabel.MIXED)),
                record(Topics.SIGNALS, 0, 1, "SECTOR:Tech", signal("Tech", "2024-01-10T21:00:00Z", SignalLabel.BULLISH))));
        TopicFile signals = file("signals.jsonl");

        int n = signals.write(dir.resolve("a"), createDir("a", records));
        Collections.reverse(records);
        signals.write(dir.resolve("b"), createDir("b", records));

        assertThat(n).isEqualTo(4);
        assertThat(dir.resolve("a/signals.jsonl")).hasSameTextualContentAs(dir.resolve("b/signals.jsonl"));
        List<String> lines = Files.readAllLines(dir.resolve("a/signals.jsonl"));
        assertThat(lines).extracting(l -> JSON.readTree(l).get("key").asText() + " " + JSON.readTree(l).get("time").asText())
                .containsExactly("Energy 2024-01-02T21:00:00Z", "Energy 2024-01-03T21:00:00Z",
                        "Tech 2024-01-02T21:00:00Z", "Tech 2024-01-10T21:00:00Z");
        assertThat(JSON.readTree(lines.get(0)).get("label").asText()).isEqualTo("MIXED");
    }

    /**
     * Two records of one key that tie on the sort fields (a change's proposal and the keeper's
     * answer share their id and proposal time) keep the order they were written in: the offset,
     * which within one key (one partition) is the same in every run, not the text.
     */
    @Test
    void shouldKeepTheWrittenOrderOfAKeysRecordsThatTieOnTheSortFields() throws Exception {
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>(List.of(
                record(Topics.SIGNALS, 0, 4, "SECTOR:Energy", signal("Energy", "2024-01-03T21:00:00Z", SignalLabel.BULLISH)),
                record(Topics.SIGNALS, 1, 0, "SECTOR:Tech", signal("Tech", "2024-01-03T21:00:00Z", SignalLabel.BULLISH)),
                record(Topics.SIGNALS, 0, 9, "SECTOR:Energy", signal("Energy", "2024-01-03T21:00:00Z", SignalLabel.BEARISH))));
        TopicFile signals = file("signals.jsonl");

        signals.write(dir.resolve("a"), createDir("a", records));
        Collections.reverse(records);
        signals.write(dir.resolve("b"), createDir("b", records));

        assertThat(dir.resolve("a/signals.jsonl")).hasSameTextualContentAs(dir.resolve("b/signals.jsonl"));
        assertThat(Files.readAllLines(dir.resolve("a/signals.jsonl")))
                .extracting(l -> JSON.readTree(l).get("key").asText() + " " + JSON.readTree(l).get("label").asText())
                .as("BULLISH was written first; by text BEARISH would come first")
                .containsExactly("Energy BULLISH", "Energy BEARISH", "Tech BULLISH");
    }

    @Test
    void shouldLeaveOutWallClockFieldsOfDeadLetters() throws Exception {
        DeadLetter letter = DeadLetter.newBuilder().setSourceTopic("file:/data/x.csv").setPartition(-1).setOffset(7)
                .setRecordTimestamp(Instant.parse("2026-11-24T10:00:00Z")).setKey(null).setValue(null)
                .setReason("high 9.0 is below low 10.0").setErrorClass("io.edgeloop.core.candle.RowError")
                .setFailedAt(Instant.parse("2026-11-24T10:00:01Z")).setApp("candle-files").build();

        file("candles.dlq.jsonl").write(dir, List.of(record(Topics.CANDLES_DLQ, 0, 0, "X", letter)));

        var line = JSON.readTree(Files.readString(dir.resolve("candles.dlq.jsonl")));
        assertThat(line.has("failedAt")).isFalse();
        assertThat(line.has("recordTimestamp")).isFalse();
        assertThat(line.get("reason").asText()).isEqualTo("high 9.0 is below low 10.0");
        assertThat(line.get("offset").asLong()).isEqualTo(7);
    }

    @Test
    void shouldWriteATombstoneAsKeyAndFlag() throws Exception {
        file("pattern-library.jsonl").write(dir, List.of(record(Topics.PATTERN_LIBRARY, 0, 3, "squeeze_release_bull", null)));

        assertThat(Files.readString(dir.resolve("pattern-library.jsonl")))
                .isEqualTo("{\"key\":\"squeeze_release_bull\",\"tombstone\":true}\n");
    }

    @Test
    void shouldCompareNumbersByValueAndPutMissingFieldsFirst() {
        var nine = JSON.getNodeFactory().numberNode(9);
        var ten = JSON.getNodeFactory().numberNode(10);
        assertThat(TopicFile.compare(nine, ten)).isNegative();
        assertThat(TopicFile.compare(JSON.getNodeFactory().textNode("9"), JSON.getNodeFactory().textNode("10"))).isPositive();
        assertThat(TopicFile.compare(JSON.missingNode(), nine)).isNegative();
        assertThat(TopicFile.compare(JSON.getNodeFactory().nullNode(), JSON.missingNode())).isZero();
    }

    @Test
    void shouldNameOneFilePerOutputTopic() {
        assertThat(TopicFile.OUTPUTS).extracting(TopicFile::fileName).containsExactly("scores.jsonl", "predictions.jsonl",
                "trades.jsonl", "outcomes.jsonl", "signals.jsonl", "pattern-library.jsonl", "model-changelog.jsonl",
                "candles.dlq.jsonl");
    }

    private List<ConsumerRecord<byte[], byte[]>> createDir(String name, List<ConsumerRecord<byte[], byte[]>> records)
            throws Exception {
        Files.createDirectories(dir.resolve(name));
        return records;
    }
}
