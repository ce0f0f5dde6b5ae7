package io.edgeloop.streams;

import io.edgeloop.core.rules.Op;
import io.edgeloop.core.rules.Rule;
import io.edgeloop.core.rules.Value;
import io.edgeloop.schemas.avro.RuleKind;
import io.edgeloop.schemas.avro.RuleNode;
import io.edgeloop.schemas.avro.RuleValue;

import java.util.ArrayList;
import java.util.List;

/**
 * Converts a pattern rule from its Avro form on the {@code pattern-library} topic
 * ({@link RuleNode}) to core's {@link Rule}, node for node. The mapping checks shape only
 * (a NOT with one child, a condition with a field and an op, an operand that fits the op);
 * whether the fields and values make sense is {@link io.edgeloop.core.rules.RuleValidator}'s
 * job, run when the rule is compiled.
 */
public final class PatternMapping {

    private PatternMapping() {
    }

    /**
     * The core rule of an Avro rule tree.
     *
     * @throws IllegalArgumentException naming the node path ({@code $.children[1]}) of a malformed node
     */
    public static Rule toRule(RuleNode node) {
        return toRule(node, "$");
    }

    private static Rule toRule(RuleNode node, String path) {
        if (node == null || node.getKind() == null) {
            throw new IllegalArgumentException(path + ": rule node without a kind");
        }
        List<RuleNode> children = node.getChildren() == null ? List.of() : node.getChildren();
        switch (node.getKind()) {
            case ALL:
            case ANY: {
                if (children.isEmpty()) {
                    throw new IllegalArgumentException(path + ": " + node.getKind() + " needs at least one child");
                }
                List<Rule> rules = new ArrayList<>(children.size());
                for (int i = 0; i < children.size(); i++) {
                    rules.add(toRule(children.get(i), path + ".children[" + i + "]"));
                }
                return node.getKind() == RuleKind.ALL ? new Rule.All(rules) : new Rule.Any(rules);
            }
            case NOT:
                if (children.size() != 1) {
                    throw new IllegalArgumentException(path + ": NOT needs exactly one child, has " + children.size());
                }
                return new Rule.Not(toRule(children.get(0), path + ".children[0]"));
            default:
                return condition(node, path);
        }
    }

    private static Rule condition(RuleNode node, String path) {
        if (node.getField() == null || node.getField().isBlank()) {
            throw new IllegalArgumentException(path + ": CONDITION without a field");
        }
        if (node.getOp() == null) {
            throw new IllegalArgumentException(path + ": CONDITION on " + node.getField() + " without an op");
        }
        Op op = Op.valueOf(node.getOp().name());
        return new Rule.Condition(node.getField(), op, value(op, node.getValue(), path + " (" + node.getField() + ")"));
    }

    private static Value value(Op op, RuleValue v, String where) {
        switch (op.operand()) {
            case NONE:
                return Value.none();
            case RANGE: {
                if (v == null || v.getNumbers() == null || v.getNumbers().size() != 2) {
                    throw new IllegalArgumentException(where + ": BETWEEN needs numbers [low, high]");
                }
                return Value.range(v.getNumbers().get(0), v.getNumbers().get(1));
            }
            case LIST: {
                List<Value> items = new ArrayList<>();
                if (v != null) {
                    v.getNumbers().forEach(n -> items.add(Value.of(n)));
                    v.getTexts().forEach(t -> items.add(Value.of(t)));
                }
                if (items.isEmpty()) {
                    throw new IllegalArgumentException(where + ": IN needs a non-empty list of numbers or names");
                }
                return new Value.Items(items);
            }
            default: {
                if (v == null) {
                    throw new IllegalArgumentException(where + ": " + op + " needs a value");
                }
                if (v.getNumber() != null) {
                    return Value.of(v.getNumber());
                }
                if (v.getText() != null) {
                    return Value.of(v.getText());
                }
                if (v.getFlag() != null) {
                    return Value.of(v.getFlag());
                }
                throw new IllegalArgumentException(where + ": " + op + " needs a number, a name or a flag");
            }
        }
    }
}
