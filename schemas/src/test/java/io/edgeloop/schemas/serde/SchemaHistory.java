package io.edgeloop.schemas.serde;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.apache.avro.Schema;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Test view of the schema history folder as it is on the classpath, independent of the store. */
final class SchemaHistory {

    private static final Pattern VERSION_FILE = Pattern.compile("v(\\d+)\\.avsc");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private SchemaHistory() {
    }

    /** Every history file found under the history root, per record folder, by version number. */
    static Map<String, Map<Integer, Path>> files() {
        URL root = SchemaHistory.class.getClassLoader().getResource(EdgeloopSchemaStore.HISTORY_ROOT);
        if (root == null) {
            throw new IllegalStateException("no " + EdgeloopSchemaStore.HISTORY_ROOT + " on the classpath");
        }
        Map<String, Map<Integer, Path>> files = new TreeMap<>();
        try (Stream<Path> records = Files.list(Path.of(root.toURI()))) {
            for (Path record : records.filter(Files::isDirectory).toList()) {
                Map<Integer, Path> versions = new TreeMap<>();
                try (Stream<Path> entries = Files.list(record)) {
                    for (Path file : entries.toList()) {
                        Matcher m = VERSION_FILE.matcher(file.getFileName().toString());
                        if (!m.matches()) {
                            throw new IllegalStateException("unexpected file in schema history: " + file);
                        }
                        versions.put(Integer.parseInt(m.group(1)), file);
                    }
                }
                files.put(record.getFileName().toString(), versions);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return files;
    }

    static Schema parse(Path file) {
        try {
            return new Schema.Parser().parse(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Ordered versions of one record folder. */
    static List<Schema> versions(String record) {
        List<Schema> schemas = new ArrayList<>();
        files().get(record).values().forEach(file -> schemas.add(parse(file)));
        return schemas;
    }

    /**
     * A schema as JSON without the Java-only {@code avro.java.string} property the code generator
     * adds for {@code stringType=String}: what the {@code .avsc} source says, docs and defaults included.
     */
    static JsonNode portableJson(Schema schema) {
        try {
            return strip(MAPPER.readTree(schema.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Pretty JSON of a schema without Java-only properties: the content of a new history file. */
    static String portableText(Schema schema) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(portableJson(schema));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode strip(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.remove("avro.java.string");
            for (Map.Entry<String, JsonNode> e : object.properties()) {
                e.setValue(strip(e.getValue()));
            }
            if (object.size() == 1 && object.get("type") instanceof TextNode primitive) {
                return primitive;
            }
            return object;
        }
        if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, strip(array.get(i)));
            }
        }
        return node;
    }
}
