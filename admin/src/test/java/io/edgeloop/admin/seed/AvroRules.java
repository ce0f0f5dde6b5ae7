package io.edgeloop.admin.seed;

import io.edgeloop.core.rules.Rule;
import io.edgeloop.core.rules.Value;
import io.edgeloop.schemas.avro.RuleKind;
import io.edgeloop.schemas.avro.RuleNode;
import io.edgeloop.schemas.avro.RuleOp;
import io.edgeloop.schemas.avro.RuleValue;

import java.util.ArrayList;
import java.util.List;

/** Core rules as Avro rule trees (the form pattern-library and model-changelog carry). */
public final class AvroRules {

    private AvroRules() {
    }

    public static RuleNode of(Rule rule) {
        RuleNode.Builder node = RuleNode.newBuilder().setChildren(new ArrayList<>()).setField(null).setOp(null).setValue(null);
        if (rule instanceof Rule.All all) {
            return node.setKind(RuleKind.ALL).setChildren(all.rules().stream().map(AvroRules::of).toList()).build();
        }
        if (rule instanceof Rule.Any any) {
            return node.setKind(RuleKind.ANY).setChildren(any.rules().stream().map(AvroRules::of).toList()).build();
        }
        if (rule instanceof Rule.Not not) {
            return node.setKind(RuleKind.NOT).setChildren(List.of(of(not.rule()))).build();
        }
        Rule.Condition c = (Rule.Condition) rule;
        return node.setKind(RuleKind.CONDITION).setField(c.field()).setOp(RuleOp.valueOf(c.op().name()))
                .setValue(value(c.value())).build();
    }

    private static RuleValue value(Value v) {
        RuleValue.Builder b = RuleValue.newBuilder().setNumber(null).setNumbers(new ArrayList<>()).setText(null)
                .setTexts(new ArrayList<>()).setFlag(null);
        if (v instanceof Value.None) {
            return null;
        }
        if (v instanceof Value.Num n) {
            return b.setNumber(n.value()).build();
        }
        if (v instanceof Value.Bool f) {
            return b.setFlag(f.value()).build();
        }
        if (v instanceof Value.Text t) {
            return b.setText(t.value()).build();
        }
        if (v instanceof Value.Range r) {
            return b.setNumbers(List.of(r.lo(), r.hi())).build();
        }
        List<Double> numbers = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (Value item : ((Value.Items) v).items()) {
            if (item instanceof Value.Num n) {
                numbers.add(n.value());
            } else if (item instanceof Value.Text t) {
                texts.add(t.value());
            }
        }
        return b.setNumbers(numbers).setTexts(texts).build();
    }
}
