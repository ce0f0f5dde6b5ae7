package io.edgeloop.stack.loop;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.apache.avro.generic.IndexedRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.edgeloop.schemas.json.AvroJson;
import io.edgeloop.schemas.topics.Topic;
import io.edgeloop.schemas.topics.Topics;

/**
 * One output topic as a JSON-lines file: one record a line, the Avro field names
 * ({@link AvroJson}), a tombstone as {@code {"key": K, "tombstone": true}}.
 *
 * <p>Deterministic content: the lines are ordered by record key, then by the topic's event-time
 * fields ({@code sortFields}, JSON pointers; numbers compare as numbers, the rest as text), then
 * by offset, then by the whole line. The offset only ever orders records of one key, which share
 * a partition and come in the order their writers wrote them (a change's proposal before the
 * keeper's answer to it on {@code model-changelog}); across keys it never matters, since the
 * interleaving of keys in a partition differs between runs. Fields that hold wall-clock time ({@code wallClockFields}, JSON pointers
 * whose last step is removed) are left out, so two replays of the same input give the same file.
 *
 * @param topic           the topic
 * @param fileName        the file written
 * @param sortFields      JSON pointers of the event-time fields to order a key's records by
 * @param wallClockFields JSON pointers of the fields that hold wall-clock time, left out
 */
public record TopicFile(Topic<String, ? extends IndexedRecord> topic, String fileName, List<String> sortFields,
                        List<String> wallClockFields) {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** The replay's output files, in the order the summary lists them. */
    public static final List<TopicFile> OUTPUTS = List.of(
            new TopicFile(Topics.SCORES, "scores.jsonl", List.of("/barTime", "/interval"), List.of()),
            new TopicFile(Topics.PREDICTIONS, "predictions.jsonl", List.of("/barTime", "/id"), List.of()),
            new TopicFile(Topics.TRADES, "trades.jsonl", List.of("/time", "/id"), List.of()),
            new TopicFile(Topics.OUTCOMES, "outcomes.jsonl", List.of("/predictionTime", "/predictionId"), List.of()),
            new TopicFile(Topics.SIGNALS, "signals.jsonl", List.of("/time"), List.of()),
            new TopicFile(Topics.PATTERN_LIBRARY, "pattern-library.jsonl", List.of("/libraryVersion", "/stats/n"),
                    List.of()),
            new TopicFile(Topics.MODEL_CHANGELOG, "model-changelog.jsonl", List.of("/proposedAt", "/id"),
                    List.of("/updatedAt", "/decision/decidedAt")),
            new TopicFile(Topics.CANDLES_DLQ, "candles.dlq.jsonl", List.of("/sourceTopic", "/offset"),
                    List.of("/failedAt", "/recordTimestamp")));

    /** Frozen. */
    public TopicFile {
        sortFields = List.copyOf(sortFields);
        wallClockFields = List.copyOf(wallClockFields);
    }

    /** A line to write, with what it is ordered by. */
    record Line(String key, List<JsonNode> order, long offset, String text) {
    }

    /** The line of one record: the value's JSON without the wall-clock fields. */
    Line line(ConsumerRecord<byte[], byte[]> record) {
        String key = record.key() == null ? "" : topic.keySerde().deserializer().deserialize(topic.name(), record.key());
        if (record.value() == null) {
            ObjectNode tombstone = MAPPER.createObjectNode().put("key", key).put("tombstone", true);
            return new Line(key, List.of(), record.offset(), write(tombstone));
        }
        IndexedRecord value = topic.valueSerde().deserializer().deserialize(topic.name(), record.value());
        ObjectNode json = AvroJson.toJson(value);
        for (String pointer : wallClockFields) {
            int cut = pointer.lastIndexOf('/');
            JsonNode parent = cut == 0 ? json : json.at(pointer.substring(0, cut));
            if (parent instanceof ObjectNode object) {
                object.remove(pointer.substring(cut + 1));
            }
        }
        List<JsonNode> order = new ArrayList<>(sortFields.size());
        sortFields.forEach(p -> order.add(json.at(p)));
        return new Line(key, order, record.offset(), write(json));
    }

    /** Orders lines by key, then the sort fields, then the offset (within a key), then the text. */
    static final Comparator<Line> ORDER = Comparator.comparing(Line::key)
            .thenComparing(Line::order, TopicFile::compareFields)
            .thenComparingLong(Line::offset)
            .thenComparing(Line::text);

    /** Writes the records as this file in {@code dir}; returns the number of lines. */
    public int write(Path dir, List<ConsumerRecord<byte[], byte[]>> records) throws IOException {
        List<Line> lines = new ArrayList<>(records.size());
        records.forEach(r -> lines.add(line(r)));
        return writeLines(dir.resolve(fileName), lines);
    }

    /** Writes the lines in {@link #ORDER}; returns their number. */
    static int writeLines(Path file, List<Line> lines) throws IOException {
        List<Line> sorted = new ArrayList<>(lines);
        sorted.sort(ORDER);
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (Line line : sorted) {
                w.write(line.text());
                w.write('\n');
            }
        }
        return sorted.size();
    }

    private static int compareFields(List<JsonNode> a, List<JsonNode> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = compare(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    /** Missing and null first, numbers by value, anything else by its text. */
    static int compare(JsonNode a, JsonNode b) {
        boolean aEmpty = a == null || a.isMissingNode() || a.isNull();
        boolean bEmpty = b == null || b.isMissingNode() || b.isNull();
        if (aEmpty || bEmpty) {
            return Boolean.compare(!aEmpty, !bEmpty);
        }
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue());
        }
        return a.asText().compareTo(b.asText());
    }

    private static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render a JSON line", e);
        }
    }
}
