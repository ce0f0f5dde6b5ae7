package io.edgeloop.streams;

import io.edgeloop.core.rules.Rule;
import io.edgeloop.core.rules.Value;
import io.edgeloop.schemas.avro.RuleKind;
import io.edgeloop.schemas.avro.RuleNode;
import io.edgeloop.schemas.avro.RuleOp;
import io.edgeloop.schemas.avro.RuleValue;

import java.util.ArrayList;
import java.util.List;

/** The Avro form of core rules, to write library records in tests (the keeper's job in production). */
final class RuleAvro {

    private RuleAvro() {
    }

    /** The Avro form of a core rule. */
    static RuleNode toAvro(Rule rule) {
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

}
