package io.edgeloop.schemas.mapping;

import io.edgeloop.core.rules.Op;
import io.edgeloop.core.rules.Rule;
import io.edgeloop.core.rules.Value;
import io.edgeloop.schemas.avro.RuleKind;
import io.edgeloop.schemas.avro.RuleNode;
import io.edgeloop.schemas.avro.RuleOp;
import io.edgeloop.schemas.avro.RuleValue;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RuleMappingTest {

    private static RuleNode condition(String field, RuleOp op, RuleValue value) {
        return RuleNode.newBuilder().setKind(RuleKind.CONDITION).setField(field).setOp(op).setValue(value).build();
    }

    private static RuleNode any(RuleNode... children) {
        return RuleNode.newBuilder().setKind(RuleKind.ANY).setChildren(List.of(children)).build();
    }

    @Test
    void shouldMapEveryKindOfNodeAndValue() {
        Rule rule = Rule.all(
                Rule.eq("state", "HTF_BULL_LTF_BULL"),
                Rule.between("htf_score", 10, 50),
                Rule.in("signal_count", 2, 3),
                Rule.not(Rule.any(Rule.truthy("sq_release_ltf"), Rule.in("phase_zone", "HIGH", "EXTREME"))),
                Rule.eq("momentum_elite", true),
                Rule.falsy("st_flip_ltf"));

        RuleNode avro = RuleMapping.toAvro(rule);

        assertThat(avro.getKind()).isEqualTo(RuleKind.ALL);
        RuleNode between = avro.getChildren().get(1);
        assertThat(between.getOp()).isEqualTo(RuleOp.BETWEEN);
        assertThat(between.getValue().getNumbers()).containsExactly(10.0, 50.0);
        assertThat(avro.getChildren().get(2).getValue().getNumbers()).containsExactly(2.0, 3.0);
        assertThat(avro.getChildren().get(3).getChildren().get(0).getChildren().get(1).getValue().getTexts())
                .containsExactly("HIGH", "EXTREME");
        assertThat(avro.getChildren().get(4).getValue().getFlag()).isTrue();
        assertThat(avro.getChildren().get(5).getValue()).isNull();
        assertThat(RuleMapping.toDomain(avro)).isEqualTo(rule);
    }

    @Test
    void shouldRefuseAnInListOfFlagsNamingTheNode() {
        Rule booleans = Rule.all(Rule.eq("state", "HTF_BULL_LTF_BULL"),
                new Rule.Condition("momentum_elite", Op.IN, new Value.Items(List.of(Value.of(true)))));

        assertThatThrownBy(() -> RuleMapping.toAvro(booleans))
                .hasMessage("$.all[1].value: an 'in' list must hold only numbers or only names to have an Avro form, "
                        + "got [true]");
    }

    @Test
    void shouldMapARuleAsDeepAsAllowedAndRefuseADeeperOne() {
        Rule deepest = Rule.truthy("momentum_elite");
        for (int depth = 1; depth < Rule.MAX_DEPTH; depth++) {
            deepest = Rule.not(deepest);
        }
        assertThat(deepest.depth()).isEqualTo(Rule.MAX_DEPTH);
        assertThat(RuleMapping.toDomain(RuleMapping.toAvro(deepest))).isEqualTo(deepest);

        RuleNode tooDeep = RuleMapping.toAvro(Rule.all(deepest));

        assertThatThrownBy(() -> RuleMapping.toDomain(tooDeep))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the rule nests deeper than " + Rule.MAX_DEPTH + " levels");
    }

    @Test
    void shouldRefuseANotWithTwoChildren() {
        RuleNode twoChildNot = RuleNode.newBuilder().setKind(RuleKind.NOT).setChildren(List.of(
                RuleMapping.toAvro(Rule.truthy("a")), RuleMapping.toAvro(Rule.truthy("b")))).build();

        assertThatThrownBy(() -> RuleMapping.toDomain(twoChildNot)).hasMessage("$.not: needs exactly one child, got 2");
    }

    @Test
    void shouldRefuseAScalarWithTwoOperands() {
        RuleNode ambiguous = condition("htf_score", RuleOp.GTE,
                RuleValue.newBuilder().setNumber(25.0).setText("25").build());

        assertThatThrownBy(() -> RuleMapping.toDomain(any(ambiguous)))
                .hasMessage("$.any[0].value: gte needs exactly one of number, text or flag");
    }

    @Test
    void shouldRefuseAScalarWithoutAnOperand() {
        assertThatThrownBy(() -> RuleMapping.toDomain(any(condition("rank", RuleOp.GT, null))))
                .hasMessage("$.any[0].value: gt needs exactly one of number, text or flag");
    }

    @Test
    void shouldRefuseAnEmptyJunction() {
        RuleNode empty = RuleNode.newBuilder().setKind(RuleKind.ALL).setChildren(List.of()).build();

        assertThatThrownBy(() -> RuleMapping.toDomain(any(empty))).hasMessage("$.any[0].all: needs at least one child");
    }

    @Test
    void shouldRefuseAConditionWithoutAFieldOrAnOp() {
        assertThatThrownBy(() -> RuleMapping.toDomain(condition(" ", RuleOp.TRUTHY, null)))
                .hasMessage("$: a condition needs a field");
        assertThatThrownBy(() -> RuleMapping.toDomain(any(condition("rank", null, null))))
                .hasMessage("$.any[0]: condition on rank needs an op");
    }

    @Test
    void shouldRefuseABetweenWithoutTwoBounds() {
        RuleNode oneBound = condition("htf_score", RuleOp.BETWEEN, RuleValue.newBuilder().setNumbers(List.of(1.0)).build());

        assertThatThrownBy(() -> RuleMapping.toDomain(oneBound)).hasMessage("$.value: between needs numbers [lo, hi]");
    }

    @Test
    void shouldRefuseAnInMixingNumbersAndNames() {
        RuleNode mixed = condition("state", RuleOp.IN,
                RuleValue.newBuilder().setNumbers(List.of(1.0)).setTexts(List.of("HTF_BULL_LTF_BULL")).build());

        assertThatThrownBy(() -> RuleMapping.toDomain(mixed))
                .hasMessage("$.value: in needs a non-empty list of numbers or of names");
    }

    @Test
    void shouldRefuseAValueOnAnOpThatTakesNone() {
        RuleNode truthyWithValue = condition("sq_on_D", RuleOp.TRUTHY, RuleValue.newBuilder().setFlag(true).build());

        assertThatThrownBy(() -> RuleMapping.toDomain(truthyWithValue)).hasMessage("$.value: truthy takes no value");
    }

    @Test
    void shouldRefuseAMissingNodeOrKind() {
        assertThatThrownBy(() -> RuleMapping.toDomain(null)).hasMessage("$: missing rule node");
    }
}
