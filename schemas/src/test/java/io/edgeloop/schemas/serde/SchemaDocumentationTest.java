package io.edgeloop.schemas.serde;

import org.apache.avro.JsonProperties;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class SchemaDocumentationTest {

    @Test
    void shouldDocumentEveryRecordFieldAndEnumOfEveryCurrentSchema() {
        List<String> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Class<? extends SpecificRecord> type : EdgeloopSchemaStore.recordTypes()) {
            inspect(SpecificData.getForClass(type).getSchema(type), seen, problems);
        }

        assertThat(seen).contains("io.edgeloop.schemas.avro.RuleNode", "io.edgeloop.schemas.avro.TimeframeState",
                "io.edgeloop.schemas.avro.Direction");
        assertThat(problems).isEmpty();
    }

    @Test
    void shouldDocumentEveryRecordFieldAndEnumOfEveryReleasedVersion() {
        List<String> problems = new ArrayList<>();
        SchemaHistory.files().forEach((record, files) -> {
            for (Path file : files.values()) {
                inspect(SchemaHistory.parse(file), new HashSet<>(), problems);
            }
        });

        assertThat(problems).isEmpty();
    }

    @Test
    void shouldFindAFieldWithoutDoc() {
        Schema undocumented = new Schema.Parser().parse("{\"type\":\"record\",\"name\":\"X\",\"doc\":\"d\","
                + "\"fields\":[{\"name\":\"a\",\"type\":\"int\"}]}");
        List<String> problems = new ArrayList<>();

        inspect(undocumented, new HashSet<>(), problems);

        assertThat(problems).containsExactly("X.a: field has no doc");
    }

    /** Docs everywhere, and every optional value spelled ["null", T] with default null. */
    private static void inspect(Schema schema, Set<String> seen, List<String> problems) {
        switch (schema.getType()) {
            case RECORD -> {
                if (!seen.add(schema.getFullName())) {
                    return;
                }
                if (isBlank(schema.getDoc())) {
                    problems.add(schema.getFullName() + ": record has no doc");
                }
                for (Schema.Field field : schema.getFields()) {
                    if (isBlank(field.doc())) {
                        problems.add(schema.getName() + "." + field.name() + ": field has no doc");
                    }
                    if (field.schema().getType() == Schema.Type.UNION) {
                        List<Schema> branches = field.schema().getTypes();
                        if (branches.size() != 2 || branches.get(0).getType() != Schema.Type.NULL
                                || field.defaultVal() != JsonProperties.NULL_VALUE) {
                            problems.add(schema.getName() + "." + field.name()
                                    + ": optional fields are [\"null\", T] with default null");
                        }
                    }
                    inspect(field.schema(), seen, problems);
                }
            }
            case ENUM -> {
                if (seen.add(schema.getFullName()) && isBlank(schema.getDoc())) {
                    problems.add(schema.getFullName() + ": enum has no doc");
                }
            }
            case ARRAY -> inspect(schema.getElementType(), seen, problems);
            case MAP -> inspect(schema.getValueType(), seen, problems);
            case UNION -> schema.getTypes().forEach(branch -> inspect(branch, seen, problems));
            default -> {
            }
        }
    }

    private static boolean isBlank(String doc) {
        return doc == null || doc.isBlank();
    }
}
