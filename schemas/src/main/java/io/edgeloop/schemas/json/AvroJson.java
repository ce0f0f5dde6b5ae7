package io.edgeloop.schemas.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.specific.SpecificData;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/**
 * Plain JSON for Avro records, for people and non-Java consumers: one object per record with the
 * Avro field names in schema order, unions unwrapped (a null branch is JSON null), enums as their
 * symbol, {@code timestamp-millis} as an ISO-8601 instant, bytes as base64, map keys sorted so the
 * output is deterministic. (Avro's own JSON encoding wraps every union value in a type object,
 * which no dashboard or notebook wants.) Used by the query APIs and the replay's JSON lines.
 */
public final class AvroJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private AvroJson() {
    }

    /** The record as a JSON tree. */
    public static ObjectNode toJson(IndexedRecord record) {
        return (ObjectNode) value(record.getSchema(), record);
    }

    /** The record as one line of compact JSON. */
    public static String toLine(IndexedRecord record) {
        try {
            return MAPPER.writeValueAsString(toJson(record));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot render " + record.getSchema().getFullName(), e);
        }
    }

    /** The union branch of a non-null datum: the non-null side of an optional, else Avro's resolution. */
    private static Schema branch(Schema union, Object datum) {
        java.util.List<Schema> types = union.getTypes();
        if (types.size() == 2 && types.get(0).getType() == Schema.Type.NULL) {
            return types.get(1);
        }
        if (types.size() == 2 && types.get(1).getType() == Schema.Type.NULL) {
            return types.get(0);
        }
        return types.get(SpecificData.get().resolveUnion(union, datum));
    }

    private static JsonNode value(Schema schema, Object datum) {
        if (datum == null) {
            return NODES.nullNode();
        }
        switch (schema.getType()) {
            case RECORD: {
                IndexedRecord record = (IndexedRecord) datum;
                ObjectNode node = NODES.objectNode();
                for (Schema.Field field : schema.getFields()) {
                    node.set(field.name(), value(field.schema(), record.get(field.pos())));
                }
                return node;
            }
            case UNION: {
                return value(branch(schema, datum), datum);
            }
            case ARRAY: {
                ArrayNode array = NODES.arrayNode();
                for (Object element : (Collection<?>) datum) {
                    array.add(value(schema.getElementType(), element));
                }
                return array;
            }
            case MAP: {
                ObjectNode node = NODES.objectNode();
                Map<String, Object> sorted = new TreeMap<>();
                ((Map<?, ?>) datum).forEach((k, v) -> sorted.put(k.toString(), v));
                sorted.forEach((k, v) -> node.set(k, value(schema.getValueType(), v)));
                return node;
            }
            case ENUM:
            case STRING:
                return NODES.textNode(datum.toString());
            case BYTES: {
                ByteBuffer buffer = ((ByteBuffer) datum).duplicate();
                byte[] bytes = new byte[buffer.remaining()];
                buffer.get(bytes);
                return NODES.textNode(Base64.getEncoder().encodeToString(bytes));
            }
            case FIXED:
                return NODES.textNode(Base64.getEncoder().encodeToString(((GenericData.Fixed) datum).bytes()));
            case INT:
                return NODES.numberNode((Integer) datum);
            case LONG:
                return datum instanceof Instant instant ? NODES.textNode(instant.toString()) : NODES.numberNode((Long) datum);
            case FLOAT:
                return NODES.numberNode((Float) datum);
            case DOUBLE:
                return NODES.numberNode((Double) datum);
            case BOOLEAN:
                return NODES.booleanNode((Boolean) datum);
            case NULL:
                return NODES.nullNode();
            default:
                throw new IllegalArgumentException("unsupported Avro type " + schema.getType());
        }
    }
}
