package io.edgeloop.schemas.serde;

import io.edgeloop.schemas.Samples;
import io.edgeloop.schemas.avro.Candle;
import io.edgeloop.schemas.avro.Prediction;
import io.edgeloop.schemas.avro.ScoreSnapshot;
import io.edgeloop.schemas.avro.Stage;
import org.apache.avro.JsonProperties;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.GenericRecordBuilder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class SchemaEvolutionTest {

    @Test
    void shouldDecodeVersionOneCandleIntoCurrentClassWithDefaultSource() throws IOException {
        Schema v1 = EdgeloopSchemaStore.standard().versions(Candle.getClassSchema().getFullName()).get(0).schema();
        GenericRecord written = new GenericRecordBuilder(v1).set("ticker", "SPY").set("interval", "D")
                .set("openTime", Samples.BAR.toEpochMilli()).set("open", 575.19).set("high", 576.33)
                .set("low", 567.19).set("close", 568.59).set("volume", 52_228_898.0).build();
        byte[] bytes = toArray(new BinaryMessageEncoder<GenericRecord>(GenericData.get(), v1).encode(written));

        Candle read = EdgeloopSerdes.of(Candle.class).decode("candles", bytes);

        assertThat(v1.getField("source")).isNull();
        assertThat(AvroSerde.fingerprint(bytes)).isEqualTo(SchemaNormalization.parsingFingerprint64(v1))
                .isNotEqualTo(SchemaNormalization.parsingFingerprint64(Candle.getClassSchema()));
        assertThat(read).isEqualTo(Candle.newBuilder(Samples.candle()).setSource("unknown").build());
    }

    @Test
    void shouldDecodeVersionOnePredictionIntoCurrentClassWithDefaultLibraryVersion() throws IOException {
        Schema v1 = EdgeloopSchemaStore.standard().versions(Prediction.getClassSchema().getFullName()).get(0).schema();
        Prediction current = Samples.prediction();
        byte[] bytes = writeAs(current, v1);

        Prediction read = EdgeloopSerdes.of(Prediction.class).decode("predictions", bytes);

        assertThat(v1.getField("libraryVersion")).isNull();
        assertThat(AvroSerde.fingerprint(bytes)).isEqualTo(SchemaNormalization.parsingFingerprint64(v1));
        assertThat(read).isEqualTo(Prediction.newBuilder(current).setLibraryVersion(0L).build());
        assertThat(read.getSnapshot()).isEqualTo(current.getSnapshot());
    }

    @Test
    void shouldDecodeVersionOneScoreSnapshotIntoCurrentClassWithUnknownPositionDirection() throws IOException {
        Schema v1 = SchemaHistory.versions("ScoreSnapshot").get(0);
        ScoreSnapshot current = ScoreSnapshot.newBuilder(Samples.scoreSnapshot()).setStage(Stage.ENTER)
                .setPnlPct(0.0).setPositionDirection(-1).build();
        byte[] bytes = writeAs(current, v1);

        ScoreSnapshot read = EdgeloopSerdes.of(ScoreSnapshot.class).decode("scores", bytes);

        assertThat(v1.getField("positionDirection")).isNull();
        assertThat(AvroSerde.fingerprint(bytes)).isEqualTo(SchemaNormalization.parsingFingerprint64(v1));
        assertThat(read).isEqualTo(ScoreSnapshot.newBuilder(current).setPositionDirection(null).build());
    }

    @Test
    void shouldDecodeVersionTwoPredictionWithASnapshotWithoutPositionDirection() throws IOException {
        Schema v2 = SchemaHistory.versions("Prediction").get(1);
        Prediction current = Prediction.newBuilder(Samples.prediction()).setSnapshot(ScoreSnapshot.newBuilder(
                Samples.scoreSnapshot()).setStage(Stage.ENTER).setPnlPct(0.0).setPositionDirection(1).build()).build();
        byte[] bytes = writeAs(current, v2);

        Prediction read = EdgeloopSerdes.of(Prediction.class).decode("predictions", bytes);

        assertThat(v2.getField("snapshot").schema().getField("positionDirection")).isNull();
        assertThat(read.getSnapshot().getPositionDirection()).isNull();
        assertThat(read).isEqualTo(Prediction.newBuilder(current).setSnapshot(ScoreSnapshot.newBuilder(
                current.getSnapshot()).setPositionDirection(null).build()).build());
    }

    @Test
    void shouldKeepEveryReleasedVersionOfEveryRecordInTheStore() {
        Map<String, Map<Integer, Path>> files = SchemaHistory.files();
        Set<String> typeNames = EdgeloopSchemaStore.recordTypes().stream().map(Class::getSimpleName)
                .collect(Collectors.toSet());

        assertThat(files.keySet()).containsExactlyInAnyOrderElementsOf(typeNames);
        files.forEach((record, versions) -> {
            assertThat(versions.keySet()).as("versions of %s start at 1 without gaps", record)
                    .containsExactlyElementsOf(IntStream.rangeClosed(1, versions.size()).boxed().toList());
            List<SchemaVersion> stored = EdgeloopSchemaStore.standard().versions("io.edgeloop.schemas.avro." + record);
            assertThat(stored).extracting(SchemaVersion::version).containsExactlyElementsOf(versions.keySet());
            stored.forEach(v -> assertThat(EdgeloopSchemaStore.standard().findByFingerprint(v.fingerprint())).isNotNull());
        });
    }

    @Test
    void shouldHaveEvolvedCandleAndScoreSnapshotOnceAndPredictionTwice() {
        assertThat(EdgeloopSchemaStore.standard().versions(Candle.getClassSchema().getFullName())).hasSize(2);
        assertThat(EdgeloopSchemaStore.standard().versions(ScoreSnapshot.getClassSchema().getFullName())).hasSize(2);
        assertThat(EdgeloopSchemaStore.standard().versions(Prediction.getClassSchema().getFullName())).hasSize(3);
    }

    @TestFactory
    List<DynamicTest> shouldMatchNewestHistoryWithCurrentSchema() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Class<? extends SpecificRecord> type : EdgeloopSchemaStore.recordTypes()) {
            tests.add(DynamicTest.dynamicTest(type.getSimpleName(), () -> {
                Schema current = SpecificData.getForClass(type).getSchema(type);
                List<Schema> history = SchemaHistory.versions(type.getSimpleName());
                Schema newest = history.get(history.size() - 1);
                assertThat(SchemaHistory.portableJson(newest))
                        .as("history/%s/v%d.avsc must equal the current schema (docs and defaults included); "
                                        + "to release a change add v%d.avsc with:%n%s", type.getSimpleName(),
                                history.size(), history.size() + 1, SchemaHistory.portableText(current))
                        .isEqualTo(SchemaHistory.portableJson(current));
            }));
        }
        return tests;
    }

    @TestFactory
    List<DynamicTest> shouldBeBackwardAndForwardCompatibleWithPreviousVersion() {
        List<DynamicTest> tests = new ArrayList<>();
        SchemaHistory.files().forEach((record, files) -> {
            List<Schema> versions = SchemaHistory.versions(record);
            for (int i = 1; i < versions.size(); i++) {
                Schema previous = versions.get(i - 1);
                Schema next = versions.get(i);
                tests.add(DynamicTest.dynamicTest(record + " v" + i + " <-> v" + (i + 1),
                        () -> assertMutuallyCompatible(previous, next)));
            }
        });
        assertThat(tests).as("Candle and Prediction have evolved, so the check is not vacuous").hasSizeGreaterThanOrEqualTo(2);
        return tests;
    }

    /**
     * The serde decodes a record of any released version into the current class, and Avro's
     * compatibility does not chain (v1 -> v2 and v2 -> v3 can both hold while v1 -> v3 does not):
     * every older version is checked as a writer against the current schema as the reader.
     */
    @TestFactory
    List<DynamicTest> shouldReadEveryReleasedVersionWithTheCurrentSchema() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Class<? extends SpecificRecord> type : EdgeloopSchemaStore.recordTypes()) {
            Schema current = SpecificData.getForClass(type).getSchema(type);
            List<Schema> versions = SchemaHistory.versions(type.getSimpleName());
            for (int i = 0; i < versions.size() - 1; i++) {
                Schema writer = versions.get(i);
                tests.add(DynamicTest.dynamicTest(type.getSimpleName() + " v" + (i + 1) + " -> current", () ->
                        assertThat(SchemaCompatibility.checkReaderWriterCompatibility(current, writer).getType())
                                .isEqualTo(SchemaCompatibilityType.COMPATIBLE)));
            }
        }
        assertThat(tests).as("Candle and Prediction have older versions").hasSizeGreaterThanOrEqualTo(2);
        return tests;
    }

    @Test
    void shouldKeepCandleVersionTwoCompatibleBothWaysWithVersionOne() {
        List<Schema> candle = SchemaHistory.versions("Candle");

        assertMutuallyCompatible(candle.get(0), candle.get(1));
        assertThat(candle.get(1).getField("source").defaultVal()).isEqualTo("unknown");
    }

    @Test
    void shouldKeepPredictionVersionTwoCompatibleBothWaysWithVersionOne() {
        List<Schema> prediction = SchemaHistory.versions("Prediction");

        assertMutuallyCompatible(prediction.get(0), prediction.get(1));
        assertThat(prediction.get(1).getField("libraryVersion").defaultVal()).isEqualTo(0L);
    }

    @Test
    void shouldKeepScoreSnapshotVersionTwoAndPredictionVersionThreeCompatibleBothWaysWithTheirPrevious() {
        List<Schema> snapshot = SchemaHistory.versions("ScoreSnapshot");
        List<Schema> prediction = SchemaHistory.versions("Prediction");

        assertMutuallyCompatible(snapshot.get(0), snapshot.get(1));
        assertMutuallyCompatible(prediction.get(1), prediction.get(2));
        assertThat(snapshot.get(1).getField("positionDirection").defaultVal()).isEqualTo(JsonProperties.NULL_VALUE);
        assertThat(prediction.get(2).getField("snapshot").schema()).isEqualTo(snapshot.get(1));
    }

    @Test
    void shouldDetectAnIncompatibleChange() {
        Schema v1 = SchemaHistory.versions("Candle").get(0);
        Schema withoutDefault = new Schema.Parser().parse(v1.toString().replace(
                "\"fields\":[", "\"fields\":[{\"name\":\"source\",\"type\":\"string\",\"doc\":\"no default\"},"));

        assertThat(SchemaCompatibility.checkReaderWriterCompatibility(withoutDefault, v1).getType())
                .isEqualTo(SchemaCompatibilityType.INCOMPATIBLE);
    }

    private static void assertMutuallyCompatible(Schema previous, Schema next) {
        assertThat(SchemaCompatibility.checkReaderWriterCompatibility(next, previous).getResult().getIncompatibilities())
                .as("backward: %s new reader, old writer", next.getName()).isEmpty();
        assertThat(SchemaCompatibility.checkReaderWriterCompatibility(previous, next).getResult().getIncompatibilities())
                .as("forward: %s old reader, new writer", next.getName()).isEmpty();
        assertThat(SchemaCompatibility.checkReaderWriterCompatibility(next, previous).getType())
                .isEqualTo(SchemaCompatibilityType.COMPATIBLE);
        assertThat(SchemaCompatibility.checkReaderWriterCompatibility(previous, next).getType())
                .isEqualTo(SchemaCompatibilityType.COMPATIBLE);
    }

    /**
     * Writes a current record the way a producer built on an older schema would have: the current
     * record is resolved into the old schema's shape (dropping fields the old schema lacks) and
     * encoded with the old schema's fingerprint.
     */
    private static byte[] writeAs(SpecificRecord current, Schema older) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(body, null);
        new SpecificDatumWriter<SpecificRecord>(current.getSchema(), SpecificData.getForClass(current.getClass()))
                .write(current, encoder);
        encoder.flush();
        GenericRecord old = new GenericDatumReader<GenericRecord>(current.getSchema(), older, GenericData.get())
                .read(null, DecoderFactory.get().binaryDecoder(body.toByteArray(), null));
        return toArray(new BinaryMessageEncoder<GenericRecord>(GenericData.get(), older).encode(old));
    }

    private static byte[] toArray(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }
}
