package io.edgeloop.core.rules;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The JSON form of rules, for humans:
 * <pre>
 * {"all": [
 *   {"field": "htf_score", "op": "gte", "value": 25},
 *   {"field": "ltf_score", "op": "between", "value": [-25, 3]},
 *   {"field": "state", "op": "in", "value": ["HTF_BULL_LTF_BULL", "HTF_BULL_LTF_PULLBACK"]},
 *   {"any": [{"field": "st_flip_ltf", "op": "eq", "value": 1}, {"field": "momentum_elite", "op": "truthy"}]},
 *   {"not": {"field": "phase_zone", "op": "eq", "value": "EXTREME"}}
 * ]}
 * </pre>
 * A node holds exactly one of {@code all} (array), {@code any} (array), {@code not} (object), or
 * a condition: {@code field}, {@code op} and {@code value} ({@code [lo, hi]} for between, an
 * array for in, none for truthy and falsy). Numbers, booleans and category names are JSON
 * numbers, booleans and strings. Unknown and duplicate keys are errors.
 *
 * <p>{@link #parse} reports every syntax problem, then every validation problem
 * ({@link RuleValidator}), located by JSON path (e.g. {@code $.all[3].any[0].op}).
 */
public final class RuleJson {

    static final ObjectMapper MAPPER = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private static final Set<String> CONDITION_KEYS = Set.of("field", "op", "value");
    private static final List<String> ALL_KEYS = List.of("all", "any", "not", "field", "op", "value");

    private RuleJson() {
    }

    /** Parses and validates; throws {@link InvalidRuleException} listing every problem. */
    public static Rule parse(String json) {
        return fromTree(readTree(json));
    }

    /** Reads and validates a rule from a JSON tree; throws {@link InvalidRuleException}. */
    public static Rule fromTree(JsonNode node) {
        List<Problem> problems = new ArrayList<>();
        Rule rule = read(node, "$", problems);
        if (problems.isEmpty()) {
            problems.addAll(RuleValidator.validate(rule));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRuleException(problems);
        }
        return rule;
    }

    /** Compact JSON. */
    public static String write(Rule rule) {
        return toTree(rule).toString();
    }

    /** Indented JSON. */
    public static String writePretty(Rule rule) {
        return toTree(rule).toPrettyString();
    }

    public static JsonNode toTree(Rule rule) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode node = f.objectNode();
        if (rule instanceof Rule.All all) {
            ArrayNode a = node.putArray("all");
            all.rules().forEach(r -> a.add(toTree(r)));
        } else if (rule instanceof Rule.Any any) {
            ArrayNode a = node.putArray("any");
            any.rules().forEach(r -> a.add(toTree(r)));
        } else if (rule instanceof Rule.Not not) {
            node.set("not", toTree(not.rule()));
        } else {
            Rule.Condition c = (Rule.Condition) rule;
            node.put("field", c.field());
            node.put("op", c.op().json());
            if (!(c.value() instanceof Value.None)) {
                node.set("value", valueTree(c.value()));
            }
        }
        return node;
    }

    /** Parses JSON text into a tree; malformed JSON becomes an {@link InvalidRuleException} with line and column. */
    static JsonNode readTree(String json) {
        if (json == null || json.isBlank()) {
            throw new InvalidRuleException(List.of(new Problem("$", Problem.Kind.SYNTAX, "empty rule JSON")));
        }
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new InvalidRuleException(List.of(new Problem("$", Problem.Kind.SYNTAX,
                    "malformed JSON" + where + ": " + e.getOriginalMessage())), e);
        }
    }

    /** Reads the rule at {@code path}, adding syntax problems; returns null when the node is unusable. */
    static Rule read(JsonNode node, String path, List<Problem> out) {
        if (node == null || !node.isObject()) {
            out.add(syntax(path, "expected a rule object ({\"all\": [...]}, {\"any\": [...]}, {\"not\": {...}} "
                    + "or {\"field\", \"op\", \"value\"}), got " + kind(node)));
            return null;
        }
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        for (String key : keys) {
            if (!ALL_KEYS.contains(key)) {
                out.add(syntax(path + "." + key, "unknown key '" + key + "'" + Suggestions.hint(key, ALL_KEYS)));
            }
        }
        List<String> heads = keys.stream().filter(k -> k.equals("all") || k.equals("any") || k.equals("not")).toList();
        boolean condition = keys.stream().anyMatch(CONDITION_KEYS::contains);
        if (heads.size() + (condition ? 1 : 0) != 1) {
            out.add(syntax(path, "a rule holds exactly one of all, any, not, or a condition (field, op, value); got "
                    + (keys.isEmpty() ? "an empty object" : "keys " + keys)));
            return null;
        }
        if (condition) {
            return readCondition(node, path, out);
        }
        String head = heads.get(0);
        JsonNode body = node.get(head);
        if (head.equals("not")) {
            Rule inner = read(body, path + ".not", out);
            return inner == null ? null : new Rule.Not(inner);
        }
        if (!body.isArray()) {
            out.add(syntax(path + "." + head, head + " takes an array of rules, got " + kind(body)));
            return null;
        }
        List<Rule> children = new ArrayList<>();
        boolean ok = true;
        for (int i = 0; i < body.size(); i++) {
            Rule child = read(body.get(i), path + "." + head + "[" + i + "]", out);
            ok &= child != null;
            children.add(child);
        }
        if (!ok) {
            return null;
        }
        return head.equals("all") ? new Rule.All(children) : new Rule.Any(children);
    }

    private static Rule readCondition(JsonNode node, String path, List<Problem> out) {
        JsonNode field = node.get("field");
        JsonNode op = node.get("op");
        int before = out.size();
        if (field == null || !field.isTextual() || field.asText().isBlank()) {
            out.add(syntax(path + ".field", "a condition needs \"field\": a field name, got " + kind(field)));
        }
        Op parsed = null;
        if (op == null || !op.isTextual()) {
            out.add(syntax(path + ".op", "a condition needs \"op\", one of " + Op.spellings() + "; got " + kind(op)));
        } else {
            parsed = Op.parse(op.asText()).orElse(null);
            if (parsed == null) {
                List<String> names = Arrays.stream(Op.values()).map(Op::json).toList();
                out.add(syntax(path + ".op", "unknown op '" + op.asText() + "'" + Suggestions.hint(op.asText(), names)
                        + "; ops are " + Op.spellings()));
            }
        }
        Value value = parsed == null ? null : readValue(node.get("value"), parsed, path + ".value", out);
        if (out.size() > before) {
            return null;
        }
        return new Rule.Condition(field.asText(), parsed, value);
    }

    private static Value readValue(JsonNode v, Op op, String path, List<Problem> out) {
        switch (op.operand()) {
            case NONE -> {
                if (v != null) {
                    out.add(syntax(path, op.json() + " takes no value; remove \"value\""));
                }
                return Value.none();
            }
            case SCALAR -> {
                if (v == null) {
                    out.add(syntax(path, op.json() + " needs a \"value\": a number, boolean or category name"));
                    return null;
                }
                return scalar(v, path, out);
            }
            case RANGE -> {
                if (v == null || !v.isArray() || v.size() != 2 || !v.get(0).isNumber() || !v.get(1).isNumber()) {
                    out.add(syntax(path, "between needs \"value\": [lo, hi] with two numbers, got " + kind(v)));
                    return null;
                }
                return Value.range(v.get(0).asDouble(), v.get(1).asDouble());
            }
            case LIST -> {
                if (v == null || !v.isArray()) {
                    out.add(syntax(path, "in needs \"value\": an array of numbers, booleans or category names, got " + kind(v)));
                    return null;
                }
                List<Value> items = new ArrayList<>();
                Iterator<JsonNode> it = v.elements();
                for (int i = 0; it.hasNext(); i++) {
                    Value item = scalar(it.next(), path + "[" + i + "]", out);
                    if (item == null) {
                        return null;
                    }
                    items.add(item);
                }
                return new Value.Items(items);
            }
            default -> throw new IllegalStateException("unhandled operand " + op.operand());
        }
    }

    private static Value scalar(JsonNode v, String path, List<Problem> out) {
        if (v.isNumber()) {
            return Value.of(v.asDouble());
        }
        if (v.isBoolean()) {
            return Value.of(v.asBoolean());
        }
        if (v.isTextual()) {
            return Value.of(v.asText());
        }
        out.add(syntax(path, "expected a number, boolean or category name, got " + kind(v)));
        return null;
    }

    private static JsonNode valueTree(Value v) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (v instanceof Value.Num n) {
            return number(n.value());
        }
        if (v instanceof Value.Bool b) {
            return f.booleanNode(b.value());
        }
        if (v instanceof Value.Text t) {
            return f.textNode(t.value());
        }
        if (v instanceof Value.Range r) {
            return f.arrayNode().add(number(r.lo())).add(number(r.hi()));
        }
        ArrayNode a = f.arrayNode();
        ((Value.Items) v).items().forEach(item -> a.add(valueTree(item)));
        return a;
    }

    /** Integral values as JSON integers (25, not 25.0) so hand-written rules round-trip as written. */
    private static JsonNode number(double d) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (d == Math.rint(d) && Math.abs(d) < 1e15 && !(d == 0 && 1 / d < 0)) {
            return f.numberNode((long) d);
        }
        return f.numberNode(d);
    }

    static Problem syntax(String path, String message) {
        return new Problem(path, Problem.Kind.SYNTAX, message);
    }

    static String kind(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        if (node.isNull()) {
            return "null";
        }
        if (node.isArray()) {
            return "an array of " + node.size();
        }
        if (node.isObject()) {
            return "an object";
        }
        if (node.isTextual()) {
            return "the text \"" + node.asText() + "\"";
        }
        return node.getNodeType().name().toLowerCase(Locale.ROOT) + " " + node;
    }
}
