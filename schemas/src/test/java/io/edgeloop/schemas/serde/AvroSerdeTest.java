package io.edgeloop.schemas.serde;

import io.edgeloop.schemas.RealData;
import io.edgeloop.schemas.Samples;
import io.edgeloop.schemas.avro.Candle;
import io.edgeloop.schemas.avro.DeadLetter;
import io.edgeloop.schemas.avro.MarketSignal;
import io.edgeloop.schemas.avro.PatternDefinition;
import io.edgeloop.schemas.avro.RuleNode;
import io.edgeloop.schemas.avro.PatternMatch;
import io.edgeloop.schemas.avro.Prediction;
import io.edgeloop.schemas.avro.TickerReference;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AvroSerdeTest {

    static List<SpecificRecord> samples() {
        return Samples.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void shouldRoundTripEveryRecordType(SpecificRecord sample) {
        AvroSerde<SpecificRecord> serde = serdeFor(sample);

        byte[] bytes = serde.serializer().serialize("t", sample);
        SpecificRecord back = serde.deserializer().deserialize("t", bytes);

        assertThat(back).isEqualTo(sample).isInstanceOf(sample.getClass());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void shouldWriteTheBytesOfAvrosOwnSingleObjectEncoderWithTheCompiledWriter(SpecificRecord sample) throws Exception {
        AvroSerde<SpecificRecord> serde = serdeFor(sample);

        assertThat(serde.compiled()).isTrue();
        assertThat(serde.encode(sample)).isEqualTo(avroEncoding(sample));
        // the per-thread buffer is reused: a second, shorter record after a longer one is cut right
        assertThat(serde.encode(sample)).isEqualTo(avroEncoding(sample));
    }

    @Test
    void shouldWriteTheBytesOfAvrosOwnEncoderForEveryRealDailyBar() throws Exception {
        AvroSerde<Candle> serde = EdgeloopSerdes.of(Candle.class);
        for (Candle candle : RealData.universeDaily("SPY")) {
            assertThat(serde.encode(candle)).isEqualTo(avroEncoding(candle));
        }
    }

    @Test
    void shouldWriteNonAsciiStringsAsAvroDoes() throws Exception {
        AvroSerde<Candle> serde = EdgeloopSerdes.of(Candle.class);
        Candle candle = Samples.candle();
        candle.setTicker("Z\u00fcrich-\u20ac-\ud834\udd1e");
        candle.setSource("");

        byte[] bytes = serde.encode(candle);

        assertThat(bytes).isEqualTo(avroEncoding(candle));
        assertThat(serde.decode("candles", bytes)).isEqualTo(candle);
    }

    @Test
    void shouldWriteASmallRecordRightAfterAVeryLargeOne() throws Exception {
        AvroSerde<DeadLetter> serde = EdgeloopSerdes.of(DeadLetter.class);
        DeadLetter large = Samples.deadLetter();
        byte[] payload = new byte[300_000];
        Arrays.fill(payload, (byte) 7);
        large.setValue(ByteBuffer.wrap(payload));
        DeadLetter small = Samples.deadLetter();

        assertThat(serde.encode(large)).isEqualTo(avroEncoding(large));
        assertThat(serde.encode(small)).isEqualTo(avroEncoding(small));
        assertThat(serde.encode(large)).isEqualTo(avroEncoding(large));
    }

    @Test
    void shouldNotCompileASchemaWithATypeTheCompiledWriterDoesNotCover() {
        Schema fixed = SchemaBuilder.record("WithFixed").fields().name("v").type().fixed("F").size(4).noDefault()
                .endRecord();
        Schema union = SchemaBuilder.record("WithUnion").fields().name("v").type().unionOf().stringType().and()
                .longType().endUnion().noDefault().endRecord();

        assertThat(AvroRecordWriter.of(fixed)).isEmpty();
        assertThat(AvroRecordWriter.of(union)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void shouldWriteSingleObjectHeaderWithCurrentFingerprint(SpecificRecord sample) {
        byte[] bytes = serdeFor(sample).encode(sample);

        assertThat(bytes[0]).isEqualTo((byte) 0xC3);
        assertThat(bytes[1]).isEqualTo((byte) 0x01);
        assertThat(AvroSerde.fingerprint(bytes))
                .isEqualTo(SchemaNormalization.parsingFingerprint64(sample.getSchema()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void shouldStartEveryRecordWithTheHeaderTheStorePublishes(SpecificRecord sample) {
        byte[] bytes = serdeFor(sample).encode(sample);
        List<SchemaVersion> versions = EdgeloopSchemaStore.standard().versions(sample.getSchema().getFullName());
        StringBuilder header = new StringBuilder();
        for (int i = 0; i < AvroSerde.HEADER_LENGTH; i++) {
            header.append(String.format("%02x", bytes[i]));
        }

        assertThat(versions.get(versions.size() - 1).headerHex()).isEqualTo(header.toString());
    }

    @Test
    void shouldRoundTripEveryRealSpyDailyBar() throws Exception {
        AvroSerde<Candle> serde = EdgeloopSerdes.of(Candle.class);
        List<Candle> candles = RealData.universeDaily("SPY");

        List<Candle> back = candles.stream().map(c -> serde.decode("candles", serde.encode(c))).toList();

        assertThat(candles).hasSizeGreaterThan(400);
        assertThat(back).isEqualTo(candles);
        // 10 header bytes + 5 doubles + varint time + short strings: a daily bar fits in under 90 bytes.
        assertThat(serde.encode(candles.get(0)).length).isLessThan(90);
    }

    @Test
    void shouldPassTombstonesThroughAsNull() {
        AvroSerde<TickerReference> serde = EdgeloopSerdes.of(TickerReference.class);

        assertThat(serde.serializer().serialize("reference.tickers", null)).isNull();
        assertThat(serde.deserializer().deserialize("reference.tickers", null)).isNull();
    }

    @Test
    void shouldRejectUnknownFingerprintWithTheFingerprint() {
        byte[] bytes = EdgeloopSerdes.of(Candle.class).encode(Samples.candle());
        bytes[5] ^= 0x5A;
        long forged = AvroSerde.fingerprint(bytes);

        assertThatThrownBy(() -> EdgeloopSerdes.of(Candle.class).decode("candles", bytes))
                .isInstanceOf(UnknownSchemaException.class)
                .isInstanceOf(RecordDecodingException.class)
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("topic candles")
                .hasMessageContaining(Long.toString(forged))
                .satisfies(e -> assertThat(((UnknownSchemaException) e).fingerprint()).isEqualTo(forged));
    }

    @Test
    void shouldRejectAnotherRecordTypeAsUnknownSchemaNamingIt() {
        byte[] reference = EdgeloopSerdes.of(TickerReference.class).encode(Samples.tickerReference());

        assertThatThrownBy(() -> EdgeloopSerdes.of(Candle.class).decode("candles", reference))
                .isInstanceOf(UnknownSchemaException.class)
                .hasMessageContaining("io.edgeloop.schemas.avro.TickerReference v1")
                .hasMessageContaining("not a version of io.edgeloop.schemas.avro.Candle");
    }

    @Test
    void shouldRejectBytesWithoutSingleObjectMarker() {
        byte[] json = "{\"ts\":1742961600000,\"o\":575.19}".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> EdgeloopSerdes.of(Candle.class).decode("candles", json))
                .isInstanceOf(MalformedRecordException.class)
                .isInstanceOf(RecordDecodingException.class)
                .hasMessageContaining("bad marker 0x7B 0x22");
    }

    @Test
    void shouldRejectBytesShorterThanTheHeader() {
        assertThatThrownBy(() -> EdgeloopSerdes.of(Candle.class).decode("candles", new byte[] {(byte) 0xC3, 0x01, 7}))
                .isInstanceOf(MalformedRecordException.class)
                .hasMessageContaining("3 bytes is shorter than the 10-byte single-object header");
        assertThatThrownBy(() -> EdgeloopSerdes.of(Candle.class).decode("candles", new byte[0]))
                .isInstanceOf(MalformedRecordException.class);
    }

    @Test
    void shouldRejectTruncatedBody() {
        byte[] bytes = EdgeloopSerdes.of(Prediction.class).encode(Samples.prediction());
        byte[] truncated = Arrays.copyOf(bytes, bytes.length - 20);

        assertThatThrownBy(() -> EdgeloopSerdes.of(Prediction.class).decode("predictions", truncated))
                .isInstanceOf(MalformedRecordException.class)
                .hasMessageContaining("body does not decode");
    }

    @Test
    void shouldRejectBytesLeftAfterTheRecord() {
        byte[] bytes = EdgeloopSerdes.of(Candle.class).encode(Samples.candle());
        byte[] padded = Arrays.copyOf(bytes, bytes.length + 3);

        assertThatThrownBy(() -> EdgeloopSerdes.of(Candle.class).decode("candles", padded))
                .isInstanceOf(MalformedRecordException.class)
                .hasMessageContaining("3 bytes left after the record");
    }

    @Test
    void shouldStayUsableAfterADecodingError() {
        AvroSerde<Candle> serde = EdgeloopSerdes.of(Candle.class);
        byte[] good = serde.encode(Samples.candle());

        assertThatThrownBy(() -> serde.decode("candles", new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}))
                .isInstanceOf(MalformedRecordException.class);
        assertThat(serde.decode("candles", good)).isEqualTo(Samples.candle());
    }

    @Test
    void shouldRefuseToEncodeARecordMissingARequiredField() {
        Candle incomplete = Samples.candle();
        incomplete.setTicker(null);

        assertThatThrownBy(() -> EdgeloopSerdes.of(Candle.class).encode(incomplete))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("cannot encode Candle");
    }

    @Test
    void shouldRefuseTypesWithoutSchemaHistory() {
        assertThatThrownBy(() -> EdgeloopSerdes.of(PatternMatch.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PatternMatch has no schema history");
    }

    @Test
    void shouldDecodeCorrectlyWhenSharedBetweenThreads() throws Exception {
        AvroSerde<Candle> serde = EdgeloopSerdes.of(Candle.class);
        List<Candle> candles = RealData.universeDaily("NVDA");
        List<byte[]> encoded = candles.stream().map(serde::encode).toList();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<List<Candle>>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                results.add(pool.submit(() -> encoded.stream().map(b -> serde.decode("candles", serde.encode(
                        serde.decode("candles", b)))).toList()));
            }
            for (Future<List<Candle>> result : results) {
                assertThat(result.get()).isEqualTo(candles);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * A short poison record (a valid signal with one varint changed) whose array block count is 2^31 - 9 (a legal varint, under
     * Avro's own collection limit) makes Avro's reader allocate an Object[2^31 - 9] up front: an
     * OutOfMemoryError escapes decode(), is no RecordDecodingException, and Kafka Streams'
     * RecordDeserializer (which catches Exception only) lets it kill the stream thread instead of
     * handing the record to the deserialization handler.
     */
    @Test
    void shouldRefuseAnArrayCountTheBytesCannotHoldAsMalformedInsteadOfRunningOutOfMemory() {
        AvroSerde<MarketSignal> serde = EdgeloopSerdes.of(MarketSignal.class);
        MarketSignal signal = Samples.marketSignal();
        signal.setRiskFlags(List.of());
        byte[] valid = serde.encode(signal);
        // riskFlags is the last field: its empty array is the body's last byte (0). Replace it by a
        // block count of 2^31 - 9 items with no items after it.
        byte[] poison = Arrays.copyOf(valid, valid.length + 4);
        long zigzag = (long) (Integer.MAX_VALUE - 8) << 1;
        int at = valid.length - 1;
        while ((zigzag & ~0x7FL) != 0) {
            poison[at++] = (byte) ((zigzag & 0x7F) | 0x80);
            zigzag >>>= 7;
        }
        poison[at++] = (byte) zigzag;
        assertThat(at).isEqualTo(poison.length);

        assertThatThrownBy(() -> serde.decode("signals", poison))
                .isInstanceOf(MalformedRecordException.class);
    }

    /**
     * A pattern-library record whose rule nests 50,000 NOT nodes (300 KB, under Kafka's
     * 1 MB message limit; 6 bytes a level) overflows the stack of Avro's recursive reader: a
     * StackOverflowError escapes decode() instead of a RecordDecodingException, so the (global)
     * stream thread dies on it.
     */
    @Test
    void shouldRefuseARuleNestedTooDeepAsADecodingErrorInsteadOfOverflowingTheStack() throws Exception {
        AvroSerde<PatternDefinition> serde = EdgeloopSerdes.of(PatternDefinition.class);
        PatternDefinition pattern = Samples.patternDefinition();
        RuleNode leaf = pattern.getRule().getChildren().get(0);
        byte[] shallow = serde.encode(PatternDefinition.newBuilder(pattern).setRule(leaf).build());
        byte[] leafBytes = avroBody(leaf);
        int start = indexOf(shallow, leafBytes);
        assertThat(start).isPositive();

        int depth = 50_000;
        ByteArrayOutputStream poison = new ByteArrayOutputStream();
        poison.write(shallow, 0, start);
        for (int i = 0; i < depth; i++) {
            poison.write(0x04); // kind NOT (ordinal 2)
            poison.write(0x02); // children: a block of 1 item
        }
        poison.write(leafBytes);
        for (int i = 0; i < depth; i++) {
            poison.write(new byte[] {0, 0, 0, 0}); // end of children, field null, op null, value null
        }
        poison.write(shallow, start + leafBytes.length, shallow.length - start - leafBytes.length);
        byte[] bytes = poison.toByteArray();

        assertThatThrownBy(() -> serde.decode("pattern-library", bytes))
                .isInstanceOf(RecordDecodingException.class);
    }

    private static byte[] avroBody(SpecificRecord record) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new SpecificDatumWriter<SpecificRecord>(record.getSchema()).write(record, encoder);
        encoder.flush();
        return out.toByteArray();
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = AvroSerde.HEADER_LENGTH; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** The record as Avro's own {@link BinaryMessageEncoder} writes it. */
    private static byte[] avroEncoding(SpecificRecord record) throws Exception {
        SpecificData model = SpecificData.getForClass(record.getClass());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new BinaryMessageEncoder<SpecificRecord>(model, record.getSchema()).encode(record, out);
        return out.toByteArray();
    }

    @SuppressWarnings("unchecked")
    private static AvroSerde<SpecificRecord> serdeFor(SpecificRecord sample) {
        return (AvroSerde<SpecificRecord>) EdgeloopSerdes.of(sample.getClass());
    }
}
