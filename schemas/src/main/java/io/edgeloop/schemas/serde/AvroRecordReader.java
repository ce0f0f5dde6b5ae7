package io.edgeloop.schemas.serde;

import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The reading side of {@link AvroRecordWriter}: an Avro binary reader compiled once from a flat
 * record schema (its writer schema is the reader schema: {@link AvroSerde} uses it only for
 * records written with the current schema), which fills a generated record straight from the
 * bytes. It reads what Avro's {@code SpecificDatumReader} reads through a {@code BinaryDecoder}
 * (Avro specification, "Binary encoding": zig-zag varints, little-endian doubles and floats,
 * length-prefixed UTF-8 strings, one byte per boolean, the branch index before a union value,
 * epoch milliseconds for {@code timestamp-millis}) into the same Java types, without the
 * datum reader's per-field resolution and reflective construction.
 *
 * <p>Covers records whose fields are strings (as {@link String}: the generated classes use
 * {@code stringType} String), the numeric and boolean primitives, {@code timestamp-millis}
 * longs and nullable unions ({@code [null, T]} in either order) of those; {@link #of} answers empty
 * for any other schema, and the caller then keeps Avro's reader. Malformed bytes raise
 * {@link IllegalArgumentException} with the reason.
 *
 * @param <T> the generated record class
 */
final class AvroRecordReader<T extends SpecificRecord> {

    private static final VarHandle INT_LE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG_LE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    /** Reads one value of a compiled field schema. */
    @FunctionalInterface
    private interface ValueReader {
        Object read(Input in);
    }

    /** A position in the bytes being read. */
    static final class Input {
        private final byte[] bytes;
        private int position;

        Input(byte[] bytes, int position) {
            this.bytes = bytes;
            this.position = position;
        }

        /** Bytes after the position. */
        int remaining() {
            return bytes.length - position;
        }

        private void need(long count, String what) {
            if (count > bytes.length - position) {
                throw new IllegalArgumentException("the bytes end inside " + what + " (" + count + " needed, "
                        + (bytes.length - position) + " left)");
            }
        }

        long readLong() {
            long raw = 0;
            for (int shift = 0; shift < 70; shift += 7) {
                need(1, "a long");
                int b = bytes[position++] & 0xff;
                raw |= (long) (b & 0x7f) << shift;
                if (b < 0x80) {
                    return (raw >>> 1) ^ -(raw & 1);
                }
            }
            throw new IllegalArgumentException("invalid long encoding (more than 10 bytes)");
        }

        int readInt() {
            int raw = 0;
            for (int shift = 0; shift < 35; shift += 7) {
                need(1, "an int");
                int b = bytes[position++] & 0xff;
                raw |= (b & 0x7f) << shift;
                if (b < 0x80) {
                    return (raw >>> 1) ^ -(raw & 1);
                }
            }
            throw new IllegalArgumentException("invalid int encoding (more than 5 bytes)");
        }

        double readDouble() {
            need(Double.BYTES, "a double");
            double v = Double.longBitsToDouble((long) LONG_LE.get(bytes, position));
            position += Double.BYTES;
            return v;
        }

        float readFloat() {
            need(Float.BYTES, "a float");
            float v = Float.intBitsToFloat((int) INT_LE.get(bytes, position));
            position += Float.BYTES;
            return v;
        }

        boolean readBoolean() {
            need(1, "a boolean");
            return bytes[position++] == 1;
        }

        String readString() {
            long length = readLong();
            if (length < 0) {
                throw new IllegalArgumentException("negative string length " + length);
            }
            need(length, "a string");
            String s = new String(bytes, position, (int) length, StandardCharsets.UTF_8);
            position += (int) length;
            return s;
        }
    }

    private final MethodHandle constructor;
    private final ValueReader[] fields;

    private AvroRecordReader(MethodHandle constructor, ValueReader[] fields) {
        this.constructor = constructor;
        this.fields = fields;
    }

    /**
     * The compiled reader of a generated class's schema, or empty when the schema has a field
     * this reader does not cover or the class has no public no-argument constructor.
     */
    static <T extends SpecificRecord> Optional<AvroRecordReader<T>> of(Class<T> type, Schema schema) {
        if (schema.getType() != Schema.Type.RECORD) {
            return Optional.empty();
        }
        List<Schema.Field> list = schema.getFields();
        ValueReader[] readers = new ValueReader[list.size()];
        try {
            for (int i = 0; i < readers.length; i++) {
                readers[i] = field(list.get(i).schema());
            }
            MethodHandle constructor = MethodHandles.publicLookup().findConstructor(type, MethodType.methodType(void.class))
                    .asType(MethodType.methodType(SpecificRecord.class));
            return Optional.of(new AvroRecordReader<>(constructor, readers));
        } catch (UnsupportedOperationException | NoSuchMethodException | IllegalAccessException e) {
            return Optional.empty();
        }
    }

    /**
     * Reads one record's body from the input's position.
     *
     * @throws IllegalArgumentException when the bytes are not a record of the schema
     */
    @SuppressWarnings("unchecked")
    T read(Input in) {
        SpecificRecord record;
        try {
            record = (SpecificRecord) constructor.invokeExact();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("cannot construct a record", e);
        }
        ValueReader[] readers = fields;
        for (int i = 0; i < readers.length; i++) {
            record.put(i, readers[i].read(in));
        }
        return (T) record;
    }

    private static ValueReader field(Schema schema) {
        if (schema.getType() == Schema.Type.UNION) {
            return union(schema);
        }
        LogicalType logical = schema.getLogicalType();
        if (logical != null && !(logical instanceof LogicalTypes.TimestampMillis)) {
            throw new UnsupportedOperationException("logical type " + logical.getName());
        }
        return switch (schema.getType()) {
            case STRING -> {
                if (!"String".equals(schema.getProp("avro.java.string"))) {
                    throw new UnsupportedOperationException("string read as Utf8");
                }
                yield Input::readString;
            }
            case LONG -> logical == null ? Input::readLong : in -> Instant.ofEpochMilli(in.readLong());
            case INT -> Input::readInt;
            case DOUBLE -> Input::readDouble;
            case FLOAT -> Input::readFloat;
            case BOOLEAN -> Input::readBoolean;
            default -> throw new UnsupportedOperationException(schema.getType().getName());
        };
    }

    /** A union of null and one covered type, in either order. */
    private static ValueReader union(Schema schema) {
        int nullIndex = AvroRecordWriter.nullBranch(schema);
        int valueIndex = 1 - nullIndex;
        ValueReader value = field(schema.getTypes().get(valueIndex));
        return in -> {
            int branch = in.readInt();
            if (branch == nullIndex) {
                return null;
            }
            if (branch != valueIndex) {
                throw new IllegalArgumentException("union branch " + branch + " of a two-branch union");
            }
            return value.read(in);
        };
    }
}
