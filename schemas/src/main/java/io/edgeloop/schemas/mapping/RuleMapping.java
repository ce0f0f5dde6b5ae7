package io.edgeloop.schemas.mapping;

import io.edgeloop.core.rules.Op;
import io.edgeloop.core.rules.Rule;
import io.edgeloop.core.rules.Value;
import io.edgeloop.schemas.avro.RuleKind;
import io.edgeloop.schemas.avro.RuleNode;
import io.edgeloop.schemas.avro.RuleOp;
import io.edgeloop.schemas.avro.RuleValue;

import java.util.ArrayList;
import java.util.List;

/**
 * Conversion of a pattern rule between core's {@link Rule} and its Avro form ({@link RuleNode}),
 * node for node: all/any/not/condition to ALL/ANY/NOT/CONDITION, and a condition's value to the
 * {@link RuleValue} part its op takes (number, text or flag for a scalar, {@code numbers = [lo, hi]}
 * for between, numbers or texts for in, none for truthy and falsy).
 *
 * <p>The mapping checks shape only: a node with a kind, ALL and ANY with at least one child, NOT
 * with exactly one, a condition with a field and an op, and exactly the operand its op takes. An
 * {@code in} list of flags or of mixed kinds has no Avro form and is refused. Whether fields and
 * values make sense is {@link io.edgeloop.core.rules.RuleValidator}'s job.
 *
 * <p>Every refusal is an {@link IllegalArgumentException} whose message starts with the node's
 * path from the root {@code $}, e.g. {@code $.all[2].not.value: between needs numbers [lo, hi]}.
 */
public final class RuleMapping {

    private RuleMapping() {
    }

    /**
     * The Avro form of a rule.
     *
     * @throws IllegalArgumentException naming the node of an {@code in} list without an Avro form
     */
    public static RuleNode toAvro(Rule rule) {
        return toAvro(rule, "$");
    }

    /**
     * Core's rule of an Avro rule tree.
     *
     * @throws IllegalArgumentException naming the path of the first malformed node
     */
    public static Rule toDomain(RuleNode node) {
        return toDomain(node, "$", 1);
    }

    private static RuleNode toAvro(Rule rule, String path) {
        if (rule instanceof Rule.All all) {
            return junction(RuleKind.ALL, all.rules(), path + ".all");
        }
        if (rule instanceof Rule.Any any) {
            return junction(RuleKind.ANY, any.rules(), path + ".any");
        }
        if (rule instanceof Rule.Not not) {
            return RuleNode.newBuilder().setKind(RuleKind.NOT)
                    .setChildren(List.of(toAvro(not.rule(), path + ".not"))).build();
        }
        Rule.Condition c = (Rule.Condition) rule;
        return RuleNode.newBuilder().setKind(RuleKind.CONDITION).setField(c.field())
                .setOp(RuleOp.valueOf(c.op().name())).setValue(toAvro(c.value(), path + ".value")).build();
    }

    private static RuleNode junction(RuleKind kind, List<Rule> rules, String path) {
        List<RuleNode> children = new ArrayList<>(rules.size());
        for (int i = 0; i < rules.size(); i++) {
            children.add(toAvro(rules.get(i), path + "[" + i + "]"));
        }
        return RuleNode.newBuilder().setKind(kind).setChildren(children).build();
    }

    private static RuleValue toAvro(Value value, String path) {
        if (value instanceof Value.None) {
            return null;
        }
        RuleValue.Builder out = RuleValue.newBuilder();
        if (value instanceof Value.Num n) {
            return out.setNumber(n.value()).build();
        }
        if (value instanceof Value.Bool b) {
            return out.setFlag(b.value()).build();
        }
        if (value instanceof Value.Text t) {
            return out.setText(t.value()).build();
        }
        if (value instanceof Value.Range r) {
            return out.setNumbers(List.of(r.lo(), r.hi())).build();
        }
        List<Value> items = ((Value.Items) value).items();
        if (!items.isEmpty() && items.stream().allMatch(Value.Num.class::isInstance)) {
            return out.setNumbers(items.stream().map(v -> ((Value.Num) v).value()).toList()).build();
        }
        if (!items.isEmpty() && items.stream().allMatch(Value.Text.class::isInstance)) {
            return out.setTexts(items.stream().map(v -> ((Value.Text) v).value()).toList()).build();
        }
        throw new IllegalArgumentException(path + ": an 'in' list must hold only numbers or only names to have an "
                + "Avro form, got " + value.describe());
    }

    private static Rule toDomain(RuleNode node, String path, int depth) {
        if (node == null) {
            throw new IllegalArgumentException(path + ": missing rule node");
        }
        if (depth > Rule.MAX_DEPTH) {
            throw new IllegalArgumentException("the rule nests deeper than " + Rule.MAX_DEPTH + " levels");
        }
        if (node.getKind() == null) {
            throw new IllegalArgumentException(path + ": rule node without a kind");
        }
        List<RuleNode> children = node.getChildren() == null ? List.of() : node.getChildren();
        switch (node.getKind()) {
            case ALL:
                return new Rule.All(children(children, path + ".all", depth));
            case ANY:
                return new Rule.Any(children(children, path + ".any", depth));
            case NOT:
                if (children.size() != 1) {
                    throw new IllegalArgumentException(path + ".not: needs exactly one child, got " + children.size());
                }
                return new Rule.Not(toDomain(children.get(0), path + ".not", depth + 1));
            default:
                return condition(node, path);
        }
    }

    private static List<Rule> children(List<RuleNode> nodes, String path, int depth) {
        if (nodes.isEmpty()) {
            throw new IllegalArgumentException(path + ": needs at least one child");
        }
        List<Rule> out = new ArrayList<>(nodes.size());
        for (int i = 0; i < nodes.size(); i++) {
            out.add(toDomain(nodes.get(i), path + "[" + i + "]", depth + 1));
        }
        return out;
    }

    private static Rule condition(RuleNode node, String path) {
        if (node.getField() == null || node.getField().isBlank()) {
            throw new IllegalArgumentException(path + ": a condition needs a field");
        }
        if (node.getOp() == null) {
            throw new IllegalArgumentException(path + ": condition on " + node.getField() + " needs an op");
        }
        Op op = Op.valueOf(node.getOp().name());
        return new Rule.Condition(node.getField(), op, value(op, node.getValue(), path + ".value"));
    }

    private static Value value(Op op, RuleValue v, String path) {
        switch (op.operand()) {
            case NONE:
                if (v != null && (v.getNumber() != null || v.getText() != null || v.getFlag() != null
                        || !v.getNumbers().isEmpty() || !v.getTexts().isEmpty())) {
                    throw new IllegalArgumentException(path + ": " + op.json() + " takes no value");
                }
                return Value.none();
            case SCALAR:
                return scalar(op, v, path);
            case RANGE:
                if (v == null || v.getNumbers().size() != 2) {
                    throw new IllegalArgumentException(path + ": between needs numbers [lo, hi]");
                }
                return Value.range(v.getNumbers().get(0), v.getNumbers().get(1));
            default:
                return list(v, path);
        }
    }

    private static Value scalar(Op op, RuleValue v, String path) {
        int set = v == null ? 0 : (v.getNumber() != null ? 1 : 0) + (v.getText() != null ? 1 : 0)
                + (v.getFlag() != null ? 1 : 0);
        if (set != 1) {
            throw new IllegalArgumentException(path + ": " + op.json() + " needs exactly one of number, text or flag");
        }
        if (v.getNumber() != null) {
            return Value.of(v.getNumber());
        }
        return v.getText() != null ? Value.of(v.getText()) : Value.of(v.getFlag());
    }

    private static Value list(RuleValue v, String path) {
        boolean numbers = v != null && !v.getNumbers().isEmpty();
        boolean texts = v != null && !v.getTexts().isEmpty();
        if (numbers == texts) {
            throw new IllegalArgumentException(path + ": in needs a non-empty list of numbers or of names");
        }
        return numbers ? new Value.Items(v.getNumbers().stream().map(Value::of).toList())
                : new Value.Items(v.getTexts().stream().map(Value::of).toList());
    }
}
