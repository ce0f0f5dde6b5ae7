package io.edgeloop.schemas.serde;

import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.IndexedRecord;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An Avro binary writer compiled once from a record schema into one small writer per field, with
 * which {@link AvroSerde} writes generated records straight into an {@link AvroBuffer}. It writes
 * what Avro's {@code SpecificDatumWriter} writes through a {@code BinaryEncoder} (Avro
 * specification, "Binary encoding": zig-zag varints, little-endian doubles,
 * length-prefixed UTF-8 strings and bytes, the branch index before a union value, blocks for arrays and
 * maps, the ordinal for enums, epoch milliseconds for {@code timestamp-millis}), but without its
 * per-value schema lookups: a nullable field's branch is chosen by a null check instead of
 * resolving the value's schema name in the union.
 *
 * <p>Covers records, nullable unions ({@code [null, T]} in either order), arrays, maps, enums,
 * strings, bytes, the numeric and boolean primitives and {@code timestamp-millis}; {@link #of} answers
 * empty for a schema with anything else, and the caller then keeps Avro's writer.
 */
final class AvroRecordWriter {

    /** Writes one value of a compiled schema. */
    @FunctionalInterface
    private interface ValueWriter {
        void write(Object value, AvroBuffer out);
    }

    private final ValueWriter root;

    private AvroRecordWriter(ValueWriter root) {
        this.root = root;
    }

    /** The compiled writer of a schema, or empty when it uses a type this writer does not cover. */
    static Optional<AvroRecordWriter> of(Schema schema) {
        try {
            return Optional.of(new AvroRecordWriter(compile(schema, new HashMap<>())));
        } catch (UnsupportedOperationException e) {
            return Optional.empty();
        }
    }

    /** Writes a record of the compiled schema. */
    void write(IndexedRecord record, AvroBuffer out) {
        root.write(record, out);
    }

    private static ValueWriter compile(Schema schema, Map<String, ValueWriter[]> records) {
        LogicalType logical = schema.getLogicalType();
        if (logical != null && !(logical instanceof LogicalTypes.TimestampMillis)) {
            throw new UnsupportedOperationException("logical type " + logical.getName());
        }
        return switch (schema.getType()) {
            case RECORD -> record(schema, records);
            case UNION -> union(schema, records);
            case ARRAY -> {
                ValueWriter element = compile(schema.getElementType(), records);
                yield (v, out) -> {
                    Collection<?> items = (Collection<?>) v;
                    if (!items.isEmpty()) {
                        out.writeLong(items.size());
                        for (Object item : items) {
                            element.write(item, out);
                        }
                    }
                    out.writeLong(0);
                };
            }
            case MAP -> {
                ValueWriter value = compile(schema.getValueType(), records);
                yield (v, out) -> {
                    Map<?, ?> map = (Map<?, ?>) v;
                    if (!map.isEmpty()) {
                        out.writeLong(map.size());
                        for (Map.Entry<?, ?> e : map.entrySet()) {
                            out.writeString(e.getKey().toString());
                            value.write(e.getValue(), out);
                        }
                    }
                    out.writeLong(0);
                };
            }
            case ENUM -> (v, out) -> out.writeInt(((Enum<?>) v).ordinal());
            case STRING -> (v, out) -> out.writeString((CharSequence) v);
            case BYTES -> (v, out) -> out.writeBytes((ByteBuffer) v);
            case LONG -> logical == null ? (v, out) -> out.writeLong((Long) v)
                    : (v, out) -> out.writeLong(((Instant) v).toEpochMilli());
            case INT -> (v, out) -> out.writeInt((Integer) v);
            case DOUBLE -> (v, out) -> out.writeDouble((Double) v);
            case FLOAT -> (v, out) -> out.writeFloat((Float) v);
            case BOOLEAN -> (v, out) -> out.writeBoolean((Boolean) v);
            case NULL -> (v, out) -> { };
            default -> throw new UnsupportedOperationException(schema.getType().getName());
        };
    }

    private static ValueWriter record(Schema schema, Map<String, ValueWriter[]> records) {
        ValueWriter[] known = records.get(schema.getFullName());
        if (known != null) {
            return (v, out) -> writeFields(known, (IndexedRecord) v, out);
        }
        List<Schema.Field> fields = schema.getFields();
        ValueWriter[] writers = new ValueWriter[fields.size()];
        records.put(schema.getFullName(), writers);
        for (int i = 0; i < writers.length; i++) {
            writers[i] = compile(fields.get(i).schema(), records);
        }
        return (v, out) -> writeFields(writers, (IndexedRecord) v, out);
    }

    private static void writeFields(ValueWriter[] writers, IndexedRecord record, AvroBuffer out) {
        for (int i = 0; i < writers.length; i++) {
            writers[i].write(record.get(i), out);
        }
    }

    /**
     * The branch index of null in a union of null and one other type (in either order).
     *
     * @throws UnsupportedOperationException for any other union
     */
    static int nullBranch(Schema union) {
        List<Schema> types = union.getTypes();
        if (types.size() != 2) {
            throw new UnsupportedOperationException("union of " + types.size());
        }
        int nullIndex = types.get(0).getType() == Schema.Type.NULL ? 0 : 1;
        if (types.get(nullIndex).getType() != Schema.Type.NULL) {
            throw new UnsupportedOperationException("union without null");
        }
        return nullIndex;
    }

    /** A union of null and one other type, in either order. */
    private static ValueWriter union(Schema schema, Map<String, ValueWriter[]> records) {
        int nullIndex = nullBranch(schema);
        int valueIndex = 1 - nullIndex;
        ValueWriter value = compile(schema.getTypes().get(valueIndex), records);
        return (v, out) -> {
            if (v == null) {
                out.writeInt(nullIndex);
            } else {
                out.writeInt(valueIndex);
                value.write(v, out);
            }
        };
    }
}
