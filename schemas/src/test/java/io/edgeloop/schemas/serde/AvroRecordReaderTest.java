package io.edgeloop.schemas.serde;

import io.edgeloop.schemas.RealData;
import io.edgeloop.schemas.Samples;
import io.edgeloop.schemas.avro.Candle;
import io.edgeloop.schemas.avro.Prediction;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link AvroRecordReader} must read what Avro's own single-object decoder reads, into the same
 * Java values, and refuse what it refuses.
 */
class AvroRecordReaderTest {

    private final AvroSerde<Candle> serde = EdgeloopSerdes.of(Candle.class);

    /** Avro's own reading of the bytes, the reference. */
    private static <T extends SpecificRecord> T avroDecode(Class<T> type, byte[] bytes) throws Exception {
        SpecificData model = SpecificData.getForClass(type);
        return new BinaryMessageDecoder<T>(model, model.getSchema(type)).decode(bytes);
    }

    @Test
    void shouldCompileTheCandleSchemaAndLeaveNestedSchemasToAvro() {
        assertThat(serde.compiledReader()).isTrue();
        assertThat(EdgeloopSerdes.of(Prediction.class).compiledReader()).isFalse();
    }

    @Test
    void shouldReadEveryRealDailyBarAsAvroDoes() throws Exception {
        List<Candle> candles = new ArrayList<>(RealData.universeDaily("SPY"));
        candles.addAll(RealData.universeDaily("NVDA"));

        for (Candle candle : candles) {
            byte[] bytes = serde.encode(candle);
            Candle read = serde.decode("candles", bytes);
            assertThat(read).isEqualTo(candle).isEqualTo(avroDecode(Candle.class, bytes));
            assertThat(read.getTicker()).isInstanceOf(String.class);
        }
        assertThat(candles).hasSizeGreaterThan(800);
    }

    @Test
    void shouldReadEdgeValuesBitForBitAsAvroDoes() throws Exception {
        double[] doubles = {0.0, -0.0, Double.MIN_VALUE, -Double.MAX_VALUE, Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY, Double.NaN, Double.longBitsToDouble(0x7ff8000000000123L), 1e-300, 123.456};
        long[] times = {0, -1, 1, Long.MIN_VALUE / 2, Long.MAX_VALUE / 2, 1_700_000_000_000L, -62_135_596_800_000L};
        String[] strings = {"", "SPY", "Z\u00fcrich-\u20ac-\ud834\udd1e", "x".repeat(300), "\u0000"};
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 2_000; i++) {
            Candle candle = Candle.newBuilder()
                    .setTicker(strings[random.nextInt(strings.length)])
                    .setInterval(strings[random.nextInt(strings.length)])
                    .setOpenTime(Instant.ofEpochMilli(times[random.nextInt(times.length)]))
                    .setOpen(doubles[random.nextInt(doubles.length)])
                    .setHigh(doubles[random.nextInt(doubles.length)])
                    .setLow(random.nextDouble() * 1e6)
                    .setClose(doubles[random.nextInt(doubles.length)])
                    .setVolume(doubles[random.nextInt(doubles.length)])
                    .setSource(strings[random.nextInt(strings.length)])
                    .build();
            byte[] bytes = serde.encode(candle);

            Candle read = serde.decode("candles", bytes);
            Candle reference = avroDecode(Candle.class, bytes);

            for (int f = 0; f < Candle.getClassSchema().getFields().size(); f++) {
                Object mine = read.get(f);
                Object theirs = reference.get(f);
                if (mine instanceof Double x) {
                    assertThat(Double.doubleToRawLongBits(x)).as("field %d", f)
                            .isEqualTo(Double.doubleToRawLongBits((Double) theirs));
                } else {
                    assertThat(mine).as("field %d", f).isEqualTo(theirs).hasSameClassAs(theirs);
                }
            }
            // (no record-level equals: Avro's compare finds a NaN field unequal to itself)
        }
    }

    @Test
    void shouldRefuseEveryTruncationAsMalformed() {
        byte[] bytes = serde.encode(Samples.candle());

        for (int length = AvroSerde.HEADER_LENGTH; length < bytes.length; length++) {
            byte[] cut = Arrays.copyOf(bytes, length);
            assertThatThrownBy(() -> serde.decode("candles", cut)).as("cut at %d", length)
                    .isInstanceOf(MalformedRecordException.class)
                    .hasMessageContaining("topic candles")
                    .hasMessageContaining("body does not decode with the writer schema of fingerprint")
                    .hasMessageContaining("the bytes end inside");
        }
    }

    @Test
    void shouldRefuseANegativeStringLengthAndAnOverlongVarint() {
        byte[] header = Arrays.copyOf(serde.encode(Samples.candle()), AvroSerde.HEADER_LENGTH);
        byte[] negative = Arrays.copyOf(header, header.length + 1);
        negative[header.length] = 0x01; // zig-zag -1: the ticker's length
        byte[] overlong = Arrays.copyOf(header, header.length + 11);
        Arrays.fill(overlong, header.length, overlong.length, (byte) 0x80);

        assertThatThrownBy(() -> serde.decode("candles", negative))
                .isInstanceOf(MalformedRecordException.class).hasMessageContaining("negative string length -1");
        assertThatThrownBy(() -> serde.decode("candles", overlong))
                .isInstanceOf(MalformedRecordException.class).hasMessageContaining("invalid long encoding");
    }

    @Test
    void shouldRefuseBytesLeftAfterTheRecord() {
        byte[] bytes = serde.encode(Samples.candle());
        byte[] padded = Arrays.copyOf(bytes, bytes.length + 2);

        assertThatThrownBy(() -> serde.decode("candles", padded))
                .isInstanceOf(MalformedRecordException.class).hasMessageContaining("2 bytes left after the record");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.edgeloop.schemas.Samples#all")
    void shouldLeaveEverySampleAsAvroReadsIt(SpecificRecord sample) throws Exception {
        @SuppressWarnings("unchecked")
        AvroSerde<SpecificRecord> any = (AvroSerde<SpecificRecord>) EdgeloopSerdes.of(sample.getClass());
        byte[] bytes = any.encode(sample);

        assertThat(any.decode("t", bytes)).isEqualTo(avroDecode(sample.getClass(), bytes)).isEqualTo(sample);
    }
}
