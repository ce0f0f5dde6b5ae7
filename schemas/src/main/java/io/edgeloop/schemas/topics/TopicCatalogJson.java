package io.edgeloop.schemas.topics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgeloop.schemas.serde.EdgeloopSchemaStore;
import io.edgeloop.schemas.serde.SchemaVersion;
import org.apache.avro.Schema;
import org.apache.kafka.common.serialization.Serdes;

import java.io.UncheckedIOException;
import java.util.List;

/**
 * The topic catalog as JSON, for consumers that are not Java ({@code edgeloop topics --json}).
 * For each topic: name, key, value schema full name with the header of every released version
 * (so a reader can tell versions apart by their first 10 bytes) or, for a non-Avro value, its
 * primitive type, partitions, cleanup policy,
 * {@code retention.ms} (-1 = forever), every topic config, and a description.
 */
public final class TopicCatalogJson {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private TopicCatalogJson() {
    }

    /** The whole catalog ({@link Topics#all()}) as pretty-printed JSON. */
    public static String render() {
        return render(Topics.all(), EdgeloopSchemaStore.standard());
    }

    /** The given topics as pretty-printed JSON, with value schema versions from the store. */
    public static String render(List<Topic<?, ?>> topics, EdgeloopSchemaStore store) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("serialization", "Avro single-object encoding: 0xC3 0x01, the 8-byte little-endian CRC-64-AVRO "
                + "fingerprint of the writer schema, then the Avro binary body, unless a topic's value gives a primitive "
                + "type instead. Keys are UTF-8 strings.");
        ArrayNode array = root.putArray("topics");
        for (Topic<?, ?> topic : topics) {
            array.add(topicNode(topic, store));
        }
        try {
            return MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot render the topic catalog", e);
        }
    }

    private static ObjectNode topicNode(Topic<?, ?> topic, EdgeloopSchemaStore store) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("name", topic.name());
        ObjectNode key = node.putObject("key");
        key.put("type", topic.keySerde() instanceof Serdes.StringSerde ? "string" : "bytes");
        key.put("doc", topic.keyDoc());
        ObjectNode value = node.putObject("value");
        topic.valueSchema().ifPresentOrElse(schema -> describeSchema(value, schema, store),
                () -> value.put("type", primitive(topic)));
        node.put("partitions", topic.partitions());
        node.put("cleanupPolicy", topic.cleanupPolicy().configValue());
        node.put("retentionMs", topic.retentionMs());
        ObjectNode configs = node.putObject("configs");
        topic.configs().forEach(configs::put);
        node.put("description", topic.description());
        return node;
    }

    /** The encoding of a value that is not Avro: Kafka's primitive serializers. */
    private static String primitive(Topic<?, ?> topic) {
        if (topic.valueSerde() instanceof Serdes.LongSerde) {
            return "int64 (Kafka LongSerializer: 8 bytes, big-endian)";
        }
        if (topic.valueSerde() instanceof Serdes.StringSerde) {
            return "string (UTF-8)";
        }
        return "bytes";
    }

    private static void describeSchema(ObjectNode value, Schema schema, EdgeloopSchemaStore store) {
        value.put("schema", schema.getFullName());
        value.put("doc", schema.getDoc());
        ArrayNode versions = value.putArray("versions");
        for (SchemaVersion version : store.versions(schema.getFullName())) {
            versions.addObject()
                    .put("version", version.version())
                    .put("header", version.headerHex());
        }
    }
}
