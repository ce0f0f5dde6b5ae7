package io.edgeloop.admin.view;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgeloop.core.rules.InvalidRuleException;
import io.edgeloop.core.rules.Rule;
import io.edgeloop.core.rules.RuleJson;
import io.edgeloop.schemas.avro.RuleNode;
import io.edgeloop.schemas.avro.RuleValue;

import java.util.List;
import java.util.Locale;

/**
 * A pattern's rule for people: the Avro {@link RuleNode} tree in core's JSON form
 * ({@link RuleJson}: {@code {"all": [{"field": "htf_score", "op": "gte", "value": 25}, ...]}}),
 * checked by core's validator, and as indented text ({@code all of: / htf_score >= 25 / ...}).
 *
 * @param json     the rule in core's JSON form
 * @param text     indented text, one condition a line
 * @param problems validation problems (empty when the rule is valid)
 */
public record ReadableRule(JsonNode json, String text, List<String> problems) {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    public ReadableRule {
        problems = List.copyOf(problems);
    }

    /** Renders an Avro rule tree. */
    public static ReadableRule of(RuleNode node) {
        JsonNode json = tree(node);
        try {
            Rule rule = RuleJson.fromTree(json);
            StringBuilder text = new StringBuilder();
            write(rule, 0, text);
            return new ReadableRule(json, text.toString().stripTrailing(), List.of());
        } catch (InvalidRuleException e) {
            return new ReadableRule(json, json.toPrettyString(),
                    e.problems().stream().map(p -> p.path() + ": " + p.message()).toList());
        }
    }

    private static JsonNode tree(RuleNode node) {
        ObjectNode out = NODES.objectNode();
        switch (node.getKind()) {
            case ALL, ANY -> {
                ArrayNode children = out.putArray(node.getKind().name().toLowerCase(Locale.ROOT));
                node.getChildren().forEach(c -> children.add(tree(c)));
            }
            case NOT -> out.set("not", node.getChildren().isEmpty() ? NODES.nullNode() : tree(node.getChildren().get(0)));
            case CONDITION -> {
                out.put("field", node.getField());
                out.put("op", node.getOp() == null ? null : node.getOp().name().toLowerCase(Locale.ROOT));
                JsonNode value = value(node.getValue());
                if (value != null) {
                    out.set("value", value);
                }
            }
            default -> throw new IllegalArgumentException("unknown rule node kind " + node.getKind());
        }
        return out;
    }

    /** The operand as JSON: the part of the Avro value that is set. */
    private static JsonNode value(RuleValue v) {
        if (v == null) {
            return null;
        }
        if (v.getNumber() != null) {
            return NODES.numberNode(v.getNumber());
        }
        if (v.getText() != null) {
            return NODES.textNode(v.getText());
        }
        if (v.getFlag() != null) {
            return NODES.booleanNode(v.getFlag());
        }
        ArrayNode array = NODES.arrayNode();
        if (!v.getNumbers().isEmpty()) {
            v.getNumbers().forEach(array::add);
            return array;
        }
        if (!v.getTexts().isEmpty()) {
            v.getTexts().forEach(array::add);
            return array;
        }
        return null;
    }

    private static void write(Rule rule, int depth, StringBuilder out) {
        String indent = "  ".repeat(depth);
        if (rule instanceof Rule.All all) {
            out.append(indent).append("all of:\n");
            all.rules().forEach(r -> write(r, depth + 1, out));
        } else if (rule instanceof Rule.Any any) {
            out.append(indent).append("any of:\n");
            any.rules().forEach(r -> write(r, depth + 1, out));
        } else if (rule instanceof Rule.Not not) {
            out.append(indent).append("not:\n");
            write(not.rule(), depth + 1, out);
        } else {
            out.append(indent).append(((Rule.Condition) rule).describe()).append('\n');
        }
    }
}
