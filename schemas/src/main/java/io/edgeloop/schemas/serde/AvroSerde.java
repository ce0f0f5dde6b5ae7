package io.edgeloop.schemas.serde;

import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.message.BadHeaderException;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.MissingSchemaException;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Objects;

/**
 * Kafka serde for one generated Avro record type, in Avro's single-object encoding: the marker
 * {@code C3 01}, the 8-byte little-endian CRC-64-AVRO fingerprint of the writer schema, then the
 * binary body (Avro specification, "Single-object encoding").
 *
 * <p>Records are written with the current schema. Records written with any released version of
 * the same record ({@link EdgeloopSchemaStore}) decode into the current class by Avro schema
 * resolution. A {@code null} value (a tombstone) passes through as {@code null} both ways.
 * Decoding failures are typed: {@link UnknownSchemaException} for a fingerprint that is not a
 * released version of this record, {@link MalformedRecordException} for anything else.
 *
 * <p>Encoding writes the header and then the body with an {@link AvroRecordWriter} compiled from
 * the schema straight into a buffer each thread reuses ({@link AvroBuffer}; Avro's
 * {@code SpecificDatumWriter} through its binary encoder for a schema the compiled writer does not
 * cover), and copies out the exact bytes: the bytes Avro's {@code BinaryMessageEncoder} writes,
 * without its synchronized writes into a fresh, growing {@code ByteArrayOutputStream} and its
 * per-value union resolution by schema name, which for the topology's 600-byte score snapshots
 * cost about a sixth of the stream thread. Decoding a record written with the current schema of a
 * flat record (the candles) goes the same way, through an {@link AvroRecordReader} compiled from
 * the schema, without the per-field resolution and reflective construction of Avro's reader
 * (the same values, {@code AvroRecordReaderTest}); older versions and other schemas go through
 * Avro's {@link BinaryMessageDecoder}.
 *
 * <p>Thread-safe: the encoding buffers are per thread, and Avro documents
 * {@link BinaryMessageDecoder} as thread-safe, so one instance may be shared by every task and
 * thread.
 *
 * @param <T> the generated record class
 */
public final class AvroSerde<T extends SpecificRecord> implements Serde<T> {

    /** Length of the single-object header: 2 marker bytes and an 8-byte fingerprint. */
    public static final int HEADER_LENGTH = 10;

    private final Class<T> type;
    private final Schema schema;
    private final EdgeloopSchemaStore store;
    private final byte[] header;
    private final DatumWriter<T> writer;
    private final AvroRecordWriter compiled;
    private final ThreadLocal<AvroBuffer> buffers = ThreadLocal.withInitial(AvroBuffer::new);
    private final BinaryMessageDecoder<T> decoder;
    /** Reads records written with the current schema, when it covers the schema; else null. */
    private final AvroRecordReader<T> reader;
    /** The current schema's fingerprint, as in {@link #header}. */
    private final long currentFingerprint;
    private final Serializer<T> serializer = new AvroSerializer();
    private final Deserializer<T> deserializer = new AvroDeserializer();

    /**
     * @param type  a generated topic value class (one of {@link EdgeloopSchemaStore#recordTypes()})
     * @param store the released schema versions that may be decoded
     * @throws IllegalArgumentException when the type has no schema history in the store
     */
    public AvroSerde(Class<T> type, EdgeloopSchemaStore store) {
        this.type = Objects.requireNonNull(type, "type");
        this.store = Objects.requireNonNull(store, "store");
        SpecificData model = SpecificData.getForClass(type);
        this.schema = model.getSchema(type);
        this.currentFingerprint = SchemaNormalization.parsingFingerprint64(schema);
        this.header = header(currentFingerprint);
        @SuppressWarnings("unchecked")
        DatumWriter<T> datumWriter = (DatumWriter<T>) model.createDatumWriter(schema);
        this.writer = datumWriter;
        this.compiled = AvroRecordWriter.of(schema).orElse(null);
        this.decoder = new BinaryMessageDecoder<>(model, schema, store.forRecord(schema.getFullName()));
        this.reader = AvroRecordReader.of(type, schema).orElse(null);
    }

    /** The generated class this serde reads and writes. */
    public Class<T> type() {
        return type;
    }

    /** The current (writer and reader) schema. */
    public Schema schema() {
        return schema;
    }

    /**
     * Encodes a record with the current schema.
     *
     * @param value the record; null gives null (a tombstone)
     * @throws SerializationException when the record does not fit its schema (e.g. a required field is null)
     */
    public byte[] encode(T value) {
        if (value == null) {
            return null;
        }
        AvroBuffer buffer = buffers.get();
        buffer.reset();
        try {
            buffer.write(header, 0, header.length);
            if (compiled != null) {
                compiled.write(value, buffer);
            } else {
                buffer.encoder = EncoderFactory.get().binaryEncoder(buffer, buffer.encoder);
                writer.write(value, buffer.encoder);
                buffer.encoder.flush();
            }
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("cannot encode " + schema.getName() + ": " + e.getMessage(), e);
        }
        return buffer.bytes();
    }

    /**
     * Writes the body of one record of this serde's type, straight from the writer's own data.
     *
     * @param <S> what the body is written from
     */
    @FunctionalInterface
    public interface BodyWriter<S> {
        /** Writes the body of one record, in this serde's (current) schema, from {@code source}. */
        void write(S source, AvroBuffer out);
    }

    /**
     * Encodes a record that a {@link BodyWriter} writes field by field, without the generated
     * record: the single-object header of the current schema, then the body. For a hot path
     * whose record would only be built to be encoded; the writer must write exactly what
     * {@link #encode} writes for the record it stands for (the caller's tests check it).
     *
     * @throws SerializationException when the writer fails
     */
    public <S> byte[] encode(BodyWriter<S> body, S source) {
        return encode(body, source, buffers.get());
    }

    /**
     * {@link #encode(BodyWriter, Object)} into the caller's own buffer (one the caller's thread
     * alone uses), for a writer that keeps one instead of looking up the thread's.
     */
    public <S> byte[] encode(BodyWriter<S> body, S source, AvroBuffer buffer) {
        buffer.reset();
        try {
            buffer.write(header, 0, header.length);
            body.write(source, buffer);
        } catch (RuntimeException e) {
            throw new SerializationException("cannot encode " + schema.getName() + ": " + e.getMessage(), e);
        }
        return buffer.bytes();
    }

    /** True when records are written by a compiled {@link AvroRecordWriter}, false with Avro's writer. */
    boolean compiled() {
        return compiled != null;
    }

    /** The single-object header of a fingerprint: marker {@code C3 01}, then its 8 bytes little-endian. */
    private static byte[] header(long fingerprint) {
        byte[] bytes = new byte[HEADER_LENGTH];
        bytes[0] = (byte) 0xC3;
        bytes[1] = (byte) 0x01;
        for (int i = 0; i < Long.BYTES; i++) {
            bytes[2 + i] = (byte) (fingerprint >>> (8 * i));
        }
        return bytes;
    }

    /**
     * Decodes a record written with any released version of this record's schema.
     *
     * @param topic where the bytes came from, for error messages; may be null
     * @param data  the bytes; null gives null (a tombstone)
     * @throws UnknownSchemaException   when the fingerprint is not a released version of this record
     * @throws MalformedRecordException when the bytes are not a valid record
     */
    public T decode(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        if (data.length < HEADER_LENGTH) {
            throw new MalformedRecordException(where(topic) + ": " + data.length
                    + " bytes is shorter than the " + HEADER_LENGTH + "-byte single-object header");
        }
        if (data[0] != (byte) 0xC3 || data[1] != (byte) 0x01) {
            throw new MalformedRecordException(String.format("%s: bad marker 0x%02X 0x%02X, expected 0xC3 0x01 "
                    + "(Avro single-object encoding)", where(topic), data[0], data[1]));
        }
        long fingerprint = fingerprint(data);
        if (reader != null && fingerprint == currentFingerprint) {
            return readCurrent(topic, data);
        }
        ByteArrayInputStream in = new ByteArrayInputStream(data);
        T value;
        try {
            value = decoder.decode(in, null);
        } catch (MissingSchemaException e) {
            throw unknownSchema(topic, fingerprint);
        } catch (BadHeaderException e) {
            throw new MalformedRecordException(where(topic) + ": " + e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            throw undecodable(topic, fingerprint, e);
        } catch (OutOfMemoryError | StackOverflowError e) {
            // Avro sizes an array by the count the bytes declare before it reads an item, and reads
            // a recursive record (a rule) by recursion: a few corrupt or hostile bytes ask for gigabytes
            // or a million frames. The one allocation or call chain failed and is gone; without this
            // the error passes every exception handler and kills the stream thread on every restart.
            throw new MalformedRecordException(where(topic) + ": body does not decode with the writer schema of "
                    + "fingerprint " + fingerprint + ": it declares more than its " + data.length + " bytes hold or "
                    + "nests too deep (" + e + ")", e);
        }
        if (in.available() > 0) {
            throw bytesLeft(topic, in.available());
        }
        return value;
    }

    /** A record written with the current schema, read by the compiled {@link #reader}. */
    private T readCurrent(String topic, byte[] data) {
        AvroRecordReader.Input in = new AvroRecordReader.Input(data, HEADER_LENGTH);
        T value;
        try {
            value = reader.read(in);
        } catch (IllegalArgumentException e) {
            throw undecodable(topic, currentFingerprint, e);
        }
        if (in.remaining() > 0) {
            throw bytesLeft(topic, in.remaining());
        }
        return value;
    }

    private MalformedRecordException undecodable(String topic, long fingerprint, Exception e) {
        return new MalformedRecordException(where(topic) + ": body does not decode with the writer schema of "
                + "fingerprint " + fingerprint + ": " + e.getMessage(), e);
    }

    private MalformedRecordException bytesLeft(String topic, int count) {
        return new MalformedRecordException(where(topic) + ": " + count
                + " bytes left after the record; the body does not match its writer schema");
    }

    /** True when records of the current schema are read by a compiled {@link AvroRecordReader}. */
    boolean compiledReader() {
        return reader != null;
    }

    /** The writer-schema fingerprint in a single-object header (little-endian bytes 2..9). */
    static long fingerprint(byte[] data) {
        long fingerprint = 0;
        for (int i = HEADER_LENGTH - 1; i >= 2; i--) {
            fingerprint = (fingerprint << 8) | (data[i] & 0xffL);
        }
        return fingerprint;
    }

    private UnknownSchemaException unknownSchema(String topic, long fingerprint) {
        String known = store.version(fingerprint)
                .map(v -> "; it is " + v.recordName() + " v" + v.version() + ", not a version of " + schema.getFullName())
                .orElse("; no released version of any record has it");
        return new UnknownSchemaException(fingerprint, where(topic) + ": unknown writer schema fingerprint "
                + fingerprint + known);
    }

    private String where(String topic) {
        return "cannot decode " + schema.getName() + (topic == null ? "" : " from topic " + topic);
    }

    @Override
    public Serializer<T> serializer() {
        return serializer;
    }

    @Override
    public Deserializer<T> deserializer() {
        return deserializer;
    }

    @Override
    public String toString() {
        return "AvroSerde[" + schema.getFullName() + "]";
    }

    private final class AvroSerializer implements Serializer<T> {
        @Override
        public byte[] serialize(String topic, T value) {
            return encode(value);
        }
    }

    private final class AvroDeserializer implements Deserializer<T> {
        @Override
        public T deserialize(String topic, byte[] data) {
            return decode(topic, data);
        }
    }
}
