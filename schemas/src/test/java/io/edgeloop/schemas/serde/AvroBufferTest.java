package io.edgeloop.schemas.serde;

import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

/** The buffer's primitives write Avro's binary encoding, byte for byte, also across its growth. */
class AvroBufferTest {

    private static final long[] LONGS = {0, 1, -1, 63, -64, 64, -65, 127, 128, 8191, 8192, -8193,
        Integer.MAX_VALUE, Integer.MIN_VALUE, Long.MAX_VALUE, Long.MIN_VALUE, 1_700_000_000_000L};
    private static final double[] DOUBLES = {0.0, -0.0, 1.5, -273.15, Double.NaN, Double.POSITIVE_INFINITY,
        Double.NEGATIVE_INFINITY, Double.MIN_VALUE, Double.MAX_VALUE, 101.37};

    @Test
    void shouldWriteLongsIntsDoublesAndFloatsAsAvrosEncoderDoes() throws IOException {
        AvroBuffer buffer = new AvroBuffer();
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        BinaryEncoder avro = EncoderFactory.get().directBinaryEncoder(expected, null);
        // Far beyond the initial capacity, so one-byte values also land on the last free byte and past it.
        for (int round = 0; round < 300; round++) {
            for (long n : LONGS) {
                buffer.writeLong(n);
                avro.writeLong(n);
                buffer.writeInt((int) n);
                avro.writeInt((int) n);
            }
            for (double d : DOUBLES) {
                buffer.writeDouble(d);
                avro.writeDouble(d);
                buffer.writeFloat((float) d);
                avro.writeFloat((float) d);
            }
            buffer.writeBoolean(round % 2 == 0);
            avro.writeBoolean(round % 2 == 0);
        }
        avro.flush();
        assertThat(buffer.bytes()).isEqualTo(expected.toByteArray());
    }
}
