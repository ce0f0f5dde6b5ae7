package io.edgeloop.core.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgeloop.core.stats.PatternStats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The JSON form of a {@link PatternDefinition}, for operators and seed files:
 * <pre>
 * {"id": "bull_state_dominance", "name": "Bull state dominance", "description": "...",
 *  "direction": "UP", "status": "ACTIVE", "version": 1, "origin": "SEED",
 *  "rule": {"field": "state", "op": "eq", "value": "HTF_BULL_LTF_BULL"},
 *  "reference": {"hit_rate": 0.752, "n": 165},
 *  "stats": {"n": 0, "hits": 0, "sum_return": 0, "sum_hit_return": 0, "sum_mfe": 0, "sum_mae": 0,
 *            "ups": 0, "sum_up": 0, "downs": 0, "sum_down": 0}}
 * </pre>
 * {@code id}, {@code name}, {@code direction} and {@code rule} are required. Defaults for a
 * proposal written by hand: description empty, status CANDIDATE, version 1, origin OPERATOR, no
 * reference, empty stats. Enum names (direction, status, origin) are read case-insensitively.
 * Every problem is reported with its JSON path; the rule is validated.
 */
public final class PatternJson {

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9_]{0,63}");
    private static final List<String> KEYS = List.of("id", "name", "description", "direction", "status", "version",
            "origin", "rule", "reference", "stats");
    private static final List<String> STATS_KEYS = List.of("n", "hits", "sum_return", "sum_hit_return", "sum_mfe",
            "sum_mae", "ups", "sum_up", "downs", "sum_down");

    private PatternJson() {
    }

    /** Parses one pattern; throws {@link InvalidRuleException} listing every problem. */
    public static PatternDefinition parse(String json) {
        List<Problem> problems = new ArrayList<>();
        PatternDefinition p = read(RuleJson.readTree(json), "$", problems);
        return orThrow(p, problems);
    }

    /** Parses a JSON array of patterns; throws {@link InvalidRuleException} listing every problem. */
    public static List<PatternDefinition> parseAll(String json) {
        JsonNode root = RuleJson.readTree(json);
        List<Problem> problems = new ArrayList<>();
        if (!root.isArray()) {
            throw new InvalidRuleException(List.of(RuleJson.syntax("$", "expected an array of patterns, got " + RuleJson.kind(root))));
        }
        List<PatternDefinition> patterns = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) {
            patterns.add(read(root.get(i), "$[" + i + "]", problems));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRuleException(problems);
        }
        return List.copyOf(patterns);
    }

    public static String write(PatternDefinition p) {
        return toTree(p).toPrettyString();
    }

    public static String writeAll(List<PatternDefinition> patterns) {
        ArrayNode a = JsonNodeFactory.instance.arrayNode();
        patterns.forEach(p -> a.add(toTree(p)));
        return a.toPrettyString();
    }

    public static ObjectNode toTree(PatternDefinition p) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("id", p.id());
        node.put("name", p.name());
        node.put("description", p.description());
        node.put("direction", p.direction().name());
        node.put("status", p.status().name());
        node.put("version", p.version());
        node.put("origin", p.origin().name());
        node.set("rule", RuleJson.toTree(p.rule()));
        p.reference().ifPresent(r -> node.putObject("reference").put("hit_rate", r.hitRate()).put("n", r.n()));
        PatternStats s = p.stats();
        node.putObject("stats").put("n", s.n()).put("hits", s.hits()).put("sum_return", s.sumReturn())
                .put("sum_hit_return", s.sumHitReturn()).put("sum_mfe", s.sumMfe()).put("sum_mae", s.sumMae())
                .put("ups", s.ups()).put("sum_up", s.sumUp()).put("downs", s.downs()).put("sum_down", s.sumDown());
        return node;
    }

    private static PatternDefinition orThrow(PatternDefinition p, List<Problem> problems) {
        if (!problems.isEmpty()) {
            throw new InvalidRuleException(problems);
        }
        return p;
    }

    private static PatternDefinition read(JsonNode node, String path, List<Problem> out) {
        if (node == null || !node.isObject()) {
            out.add(RuleJson.syntax(path, "expected a pattern object, got " + RuleJson.kind(node)));
            return null;
        }
        int before = out.size();
        node.fieldNames().forEachRemaining(k -> {
            if (!KEYS.contains(k)) {
                out.add(RuleJson.syntax(path + "." + k, "unknown key '" + k + "'" + Suggestions.hint(k, KEYS)));
            }
        });
        String id = text(node, "id", path, true, out);
        if (id != null && !ID.matcher(id).matches()) {
            out.add(RuleJson.syntax(path + ".id", "id must match [a-z][a-z0-9_]{0,63} (a slug like bull_state_dominance), got '" + id + "'"));
        }
        String name = text(node, "name", path, true, out);
        String description = text(node, "description", path, false, out);
        Direction direction = enumValue(node, "direction", Direction.class, null, path, out);
        PatternStatus status = enumValue(node, "status", PatternStatus.class, PatternStatus.CANDIDATE, path, out);
        PatternOrigin origin = enumValue(node, "origin", PatternOrigin.class, PatternOrigin.OPERATOR, path, out);
        int version = version(node, path, out);
        Rule rule = null;
        if (node.get("rule") == null) {
            out.add(RuleJson.syntax(path + ".rule", "a pattern needs a \"rule\""));
        } else {
            List<Problem> ruleProblems = new ArrayList<>();
            rule = RuleJson.read(node.get("rule"), path + ".rule", ruleProblems);
            if (ruleProblems.isEmpty()) {
                ruleProblems.addAll(RuleValidator.validate(rule, path + ".rule"));
            }
            out.addAll(ruleProblems);
        }
        Optional<ReferenceRate> reference = reference(node.get("reference"), path + ".reference", out);
        PatternStats stats = stats(node.get("stats"), path + ".stats", out);
        if (out.size() > before) {
            return null;
        }
        return new PatternDefinition(id, name, description == null ? "" : description, direction, status, version,
                origin, rule, stats, reference);
    }

    private static String text(JsonNode node, String key, String path, boolean required, List<Problem> out) {
        JsonNode v = node.get(key);
        if (v == null && !required) {
            return null;
        }
        if (v == null || !v.isTextual() || (required && v.asText().isBlank())) {
            out.add(RuleJson.syntax(path + "." + key, "\"" + key + "\" must be " + (required ? "a non-empty " : "a ")
                    + "string, got " + RuleJson.kind(v)));
            return null;
        }
        return v.asText();
    }

    private static <E extends Enum<E>> E enumValue(JsonNode node, String key, Class<E> type, E fallback, String path,
                                                   List<Problem> out) {
        JsonNode v = node.get(key);
        if (v == null && fallback != null) {
            return fallback;
        }
        List<String> names = Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
        if (v == null || !v.isTextual() || !names.contains(v.asText().toUpperCase(Locale.ROOT))) {
            out.add(RuleJson.syntax(path + "." + key, "\"" + key + "\" must be one of " + names + ", got " + RuleJson.kind(v)));
            return null;
        }
        return Enum.valueOf(type, v.asText().toUpperCase(Locale.ROOT));
    }

    private static int version(JsonNode node, String path, List<Problem> out) {
        JsonNode v = node.get("version");
        if (v == null) {
            return 1;
        }
        if (!v.canConvertToInt() || !v.isIntegralNumber() || v.asInt() < 1) {
            out.add(RuleJson.syntax(path + ".version", "\"version\" must be an integer >= 1, got " + RuleJson.kind(v)));
            return 1;
        }
        return v.asInt();
    }

    private static Optional<ReferenceRate> reference(JsonNode v, String path, List<Problem> out) {
        if (v == null || v.isNull()) {
            return Optional.empty();
        }
        JsonNode rate = v.get("hit_rate");
        JsonNode n = v.get("n");
        if (!v.isObject() || rate == null || !rate.isNumber() || n == null || !n.canConvertToInt()
                || v.size() != 2) {
            out.add(RuleJson.syntax(path, "\"reference\" must be {\"hit_rate\": number, \"n\": integer}, got " + RuleJson.kind(v)));
            return Optional.empty();
        }
        try {
            return Optional.of(new ReferenceRate(rate.asDouble(), n.asInt()));
        } catch (IllegalArgumentException e) {
            out.add(new Problem(path, Problem.Kind.BAD_VALUE, e.getMessage()));
            return Optional.empty();
        }
    }

    private static PatternStats stats(JsonNode v, String path, List<Problem> out) {
        if (v == null || v.isNull()) {
            return PatternStats.EMPTY;
        }
        if (!v.isObject()) {
            out.add(RuleJson.syntax(path, "\"stats\" must be an object, got " + RuleJson.kind(v)));
            return PatternStats.EMPTY;
        }
        int before = out.size();
        v.fieldNames().forEachRemaining(k -> {
            if (!STATS_KEYS.contains(k)) {
                out.add(RuleJson.syntax(path + "." + k, "unknown key '" + k + "'" + Suggestions.hint(k, STATS_KEYS)));
            }
        });
        double[] x = new double[STATS_KEYS.size()];
        for (int i = 0; i < x.length; i++) {
            JsonNode f = v.get(STATS_KEYS.get(i));
            boolean count = i == 0 || i == 1 || i == 6 || i == 8;
            if (f != null && (!f.isNumber() || (count && !f.isIntegralNumber()))) {
                out.add(RuleJson.syntax(path + "." + STATS_KEYS.get(i), "must be " + (count ? "an integer" : "a number")
                        + ", got " + RuleJson.kind(f)));
            }
            x[i] = f == null || !f.isNumber() ? 0 : f.asDouble();
        }
        if (out.size() > before) {
            return PatternStats.EMPTY;
        }
        try {
            return new PatternStats((long) x[0], (long) x[1], x[2], x[3], x[4], x[5], (long) x[6], x[7], (long) x[8], x[9]);
        } catch (IllegalArgumentException e) {
            out.add(new Problem(path, Problem.Kind.BAD_VALUE, e.getMessage()));
            return PatternStats.EMPTY;
        }
    }
}
