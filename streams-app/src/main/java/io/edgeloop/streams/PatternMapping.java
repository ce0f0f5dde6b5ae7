package io.edgeloop.streams;

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
 * Converts pattern rules between their Avro form on the {@code pattern-library} topic
 * ({@link RuleNode}) and core's {@link Rule}, node for node. The mapping checks shape only
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

    /** The Avro form of a core rule. */
    public static RuleNode toAvro(Rule rule) {
        if (rule instanceof Rule.All all) {
            return combinator(RuleKind.ALL, all.rules());
        }
        if (rule instanceof Rule.Any any) {
            return combinator(RuleKind.ANY, any.rules());
        }
        if (rule instanceof Rule.Not not) {
            return combinator(RuleKind.NOT, List.of(not.rule()));
        }
        Rule.Condition c = (Rule.Condition) rule;
        return RuleNode.newBuilder()
                .setKind(RuleKind.CONDITION)
                .setChildren(List.of())
                .setField(c.field())
                .setOp(RuleOp.valueOf(c.op().name()))
                .setValue(operand(c.value()))
                .build();
    }

    private static RuleNode combinator(RuleKind kind, List<Rule> children) {
        List<RuleNode> nodes = new ArrayList<>(children.size());
        for (Rule child : children) {
            nodes.add(toAvro(child));
        }
        return RuleNode.newBuilder().setKind(kind).setChildren(nodes).setField(null).setOp(null).setValue(null).build();
    }

    private static RuleValue operand(Value value) {
        RuleValue.Builder b = RuleValue.newBuilder().setNumber(null).setNumbers(List.of()).setText(null)
                .setTexts(List.of()).setFlag(null);
        if (value instanceof Value.None) {
            return null;
        }
        if (value instanceof Value.Num num) {
            return b.setNumber(num.value()).build();
        }
        if (value instanceof Value.Bool bool) {
            return b.setFlag(bool.value()).build();
        }
        if (value instanceof Value.Text text) {
            return b.setText(text.value()).build();
        }
        if (value instanceof Value.Range range) {
            return b.setNumbers(List.of(range.lo(), range.hi())).build();
        }
        List<Double> numbers = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (Value item : ((Value.Items) value).items()) {
            if (item instanceof Value.Num num) {
                numbers.add(num.value());
            } else if (item instanceof Value.Text text) {
                texts.add(text.value());
            } else {
                throw new IllegalArgumentException("an 'in' list of booleans has no Avro form: " + value.describe());
            }
        }
        return b.setNumbers(numbers).setTexts(texts).build();
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
