package io.edgeloop.core.rules;

import org.junit.jupiter.api.Test;

import java.util.List;

import static io.edgeloop.core.rules.Rule.all;
import static io.edgeloop.core.rules.Rule.any;
import static io.edgeloop.core.rules.Rule.between;
import static io.edgeloop.core.rules.Rule.eq;
import static io.edgeloop.core.rules.Rule.gt;
import static io.edgeloop.core.rules.Rule.gte;
import static io.edgeloop.core.rules.Rule.in;
import static io.edgeloop.core.rules.Rule.lt;
import static io.edgeloop.core.rules.Rule.lte;
import static io.edgeloop.core.rules.Rule.neq;
import static io.edgeloop.core.rules.Rule.not;
import static io.edgeloop.core.rules.Rule.truthy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RuleValidatorTest {

    private static Problem only(Rule rule) {
        List<Problem> problems = RuleValidator.validate(rule);
        assertThat(problems).hasSize(1);
        return problems.get(0);
    }

    @Test
    void shouldAcceptWellTypedRule() {
        Rule rule = all(gte("htf_score", 25), in("state", "HTF_BULL_LTF_BULL", "HTF_BULL_LTF_PULLBACK"),
                any(eq("st_flip_ltf", 1), truthy("momentum_elite")), not(eq("phase_zone", "EXTREME")),
                between("ltf_score", -25, 3), eq("momentum_elite", true), neq("rank", 0));
        assertThat(RuleValidator.validate(rule)).isEmpty();
        assertThat(RuleValidator.requireValid(rule)).isSameAs(rule);
    }

    @Test
    void shouldRejectHtfScoreAbove50AsNeverTrue() {
        Problem p = only(gte("htf_score", 55));
        assertThat(p.kind()).isEqualTo(Problem.Kind.NEVER_TRUE);
        assertThat(p.path()).isEqualTo("$");
        assertThat(p.message()).contains("htf_score >= 55", "can never be true", "[-50, 50]");
    }

    @Test
    void shouldRejectThresholdBelowRangeAsAlwaysTrue() {
        Problem p = only(gt("htf_score", -60));
        assertThat(p.kind()).isEqualTo(Problem.Kind.ALWAYS_TRUE);
        assertThat(p.message()).contains("htf_score > -60");
        assertThat(only(lte("completion", 1)).kind()).isEqualTo(Problem.Kind.ALWAYS_TRUE);
        assertThat(only(gte("st_flip_1h", -1)).kind()).isEqualTo(Problem.Kind.ALWAYS_TRUE);
        assertThat(only(in("state", "HTF_BULL_LTF_BULL", "HTF_BULL_LTF_PULLBACK", "HTF_BEAR_LTF_BEAR",
                "HTF_BEAR_LTF_PULLBACK")).kind()).isEqualTo(Problem.Kind.ALWAYS_TRUE);
    }

    @Test
    void shouldAcceptThresholdsAtTheEdgeOfTheRange() {
        assertThat(RuleValidator.validate(gte("htf_score", 50))).isEmpty();
        assertThat(RuleValidator.validate(lt("htf_score", 50))).isEmpty();
        assertThat(RuleValidator.validate(gt("st_flip_1h", 0))).isEmpty();
    }

    @Test
    void shouldKnowCountsArePositiveCloseAndShortLossesBeyondAHundredPercent() {
        Problem half = only(eq("signal_count", 2.5));
        assertThat(half.kind()).isEqualTo(Problem.Kind.NEVER_TRUE);
        assertThat(half.message()).contains("signal_count == 2.5", "takes whole numbers in [0, 5]");
        assertThat(only(between("signal_count", 2.2, 2.8)).kind()).isEqualTo(Problem.Kind.NEVER_TRUE);
        assertThat(only(gte("signal_count", 0)).kind()).isEqualTo(Problem.Kind.ALWAYS_TRUE);
        assertThat(RuleValidator.validate(between("signal_count", 1.5, 3))).isEmpty();
        assertThat(RuleValidator.validate(gte("signal_count", 2))).isEmpty();

        Problem free = only(lte("close", 0));
        assertThat(free.kind()).isEqualTo(Problem.Kind.NEVER_TRUE);
        assertThat(free.message()).contains("(0, +inf)");
        assertThat(only(gt("close", 0)).kind()).isEqualTo(Problem.Kind.ALWAYS_TRUE);
        assertThat(RuleValidator.validate(lt("close", 5))).isEmpty();
    }

    @Test
    void shouldRefuseTheFieldsTheKanbanSetsAfterMatching() {
        Problem stage = only(eq("stage", "enter"));
        assertThat(stage.kind()).isEqualTo(Problem.Kind.NOT_A_RULE_INPUT);
        assertThat(stage.path()).isEqualTo("$.field");
        assertThat(stage.message()).isEqualTo(
                "'stage' is set after the patterns are matched (the kanban moves on the matches); no rule can read it");
        assertThat(only(lt("pnl_pct", -100)).kind()).isEqualTo(Problem.Kind.NOT_A_RULE_INPUT);
        assertThat(RuleValidator.validate(eq("prev_stage", "setup"))).as("the stage before the bar is known when matching")
                .isEmpty();
        assertThat(only(eq("stage_", "enter")).message()).as("never suggested").doesNotContain("'stage'");
    }

    @Test
    void shouldRejectOriginalModelThresholdsThatCouldNeverMatch() {
        assertThat(only(gte("htf_score", 75)).kind()).isEqualTo(Problem.Kind.NEVER_TRUE);
        assertThat(only(gte("phase_pct", 70)).message()).contains("phase_pct >= 70", "[0, 1]");
        List<Problem> ltfRecovery = RuleValidator.validate(all(gte("htf_score", 50), gte("ltf_score", 40),
                lte("ltf_score", 65), eq("state", "HTF_BULL_LTF_PULLBACK")));
        assertThat(ltfRecovery).extracting(Problem::path, Problem::kind)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("$.all[2]", Problem.Kind.ALWAYS_TRUE));
    }

    @Test
    void shouldSuggestNearestFieldNamesForUnknownField() {
        Problem p = only(eq("st_flip_30", 1));
        assertThat(p.kind()).isEqualTo(Problem.Kind.UNKNOWN_FIELD);
        assertThat(p.path()).isEqualTo("$.field");
        assertThat(p.message()).contains("unknown field 'st_flip_30'", "did you mean", "st_flip_30m");
        assertThat(only(gte("htf_scor", 1)).message()).contains("htf_score");
    }

    @Test
    void shouldRejectOrderedOpOnCategory() {
        Problem p = only(new Rule.Condition("state", Op.GT, Value.of("HTF_BULL_LTF_BULL")));
        assertThat(p.kind()).isEqualTo(Problem.Kind.WRONG_TYPE);
        assertThat(p.path()).isEqualTo("$.op");
        assertThat(p.message()).contains("gt does not apply to category field state");
    }

    @Test
    void shouldRejectInOnABooleanField() {
        // a set of flags has no Avro form (RuleMapping refuses it), so the validator must not pass one
        Problem p = only(new Rule.Condition("momentum_elite", Op.IN, new Value.Items(List.of(Value.of(true)))));
        assertThat(p.kind()).isEqualTo(Problem.Kind.WRONG_TYPE);
        assertThat(p.path()).isEqualTo("$.op");
        assertThat(p.message()).isEqualTo("in does not apply to boolean field momentum_elite; use truthy, falsy or eq "
                + "true/false");
        assertThat(only(in("momentum_elite", 1, 0)).path()).isEqualTo("$.op");
        assertThatThrownBy(() -> RuleJson.parse("{\"field\": \"momentum_elite\", \"op\": \"in\", \"value\": [true]}"))
                .isInstanceOf(InvalidRuleException.class)
                .hasMessageContaining("$.op: in does not apply to boolean field momentum_elite");
    }

    @Test
    void shouldRejectARuleNestedDeeperThanAllowed() {
        Rule rule = eq("momentum_elite", true);
        for (int depth = 1; depth <= Rule.MAX_DEPTH; depth++) {
            rule = all(rule);
        }

        Problem p = only(rule);

        assertThat(p.kind()).isEqualTo(Problem.Kind.SYNTAX);
        assertThat(p.path()).isEqualTo("$");
        assertThat(p.message()).isEqualTo("the rule nests 33 levels deep, at most 32 are allowed");
    }

    @Test
    void shouldRejectANumberForABoolean() {
        Problem p = only(eq("momentum_elite", 1));
        assertThat(p.kind()).isEqualTo(Problem.Kind.WRONG_TYPE);
        assertThat(p.message()).contains("boolean field momentum_elite takes true or false, not the number 1");
    }

    @Test
    void shouldRejectCategoryNotInFieldList() {
        Problem p = only(eq("state", "HTF_BULL_LTF_BUL"));
        assertThat(p.kind()).isEqualTo(Problem.Kind.WRONG_TYPE);
        assertThat(p.message()).contains("not a category of state", "did you mean HTF_BULL_LTF_BULL");
    }

    @Test
    void shouldRejectTruthyOnNumberAndCategory() {
        assertThat(only(truthy("htf_score")).message()).contains("truthy applies to boolean and direction fields");
        assertThat(only(truthy("state")).kind()).isEqualTo(Problem.Kind.WRONG_TYPE);
    }

    @Test
    void shouldRejectDirectionValueOutsideMinusOneZeroOne() {
        Problem p = only(eq("st_flip_ltf", 2));
        assertThat(p.kind()).isEqualTo(Problem.Kind.WRONG_TYPE);
        assertThat(p.message()).contains("takes -1, 0 or 1");
    }

    @Test
    void shouldRejectTextValueOnNumber() {
        Problem p = only(new Rule.Condition("rank", Op.GTE, Value.of("high")));
        assertThat(p.message()).contains("number field rank takes a number in [0, 100], not the text 'high'");
    }

    @Test
    void shouldRejectBetweenWithLowAboveHigh() {
        Problem p = only(between("ltf_score", 10, -10));
        assertThat(p.kind()).isEqualTo(Problem.Kind.BAD_VALUE);
        assertThat(p.path()).isEqualTo("$.value");
        assertThat(p.message()).contains("lo <= hi", "[10, -10]");
    }

    @Test
    void shouldRejectMalformedValues() {
        assertThat(only(new Rule.Condition("rank", Op.IN, new Value.Items(List.of()))).message())
                .contains("at least one value");
        assertThat(only(gte("rank", Double.NaN)).message()).contains("finite");
        assertThat(only(new Rule.Condition("rank", Op.BETWEEN, Value.of(3))).message()).contains("between takes [lo, hi]");
        assertThat(only(new Rule.Condition("momentum_elite", Op.TRUTHY, Value.of(true))).message())
                .contains("truthy takes no value");
    }

    @Test
    void shouldRejectListItemOutsideRange() {
        Problem p = only(in("signal_count", 3, 7));
        assertThat(p.kind()).isEqualTo(Problem.Kind.NEVER_TRUE);
        assertThat(p.path()).isEqualTo("$.value[1]");
    }

    @Test
    void shouldRejectEmptyJunctions() {
        Problem p = only(all(gte("rank", 50), new Rule.Any(List.of())));
        assertThat(p.kind()).isEqualTo(Problem.Kind.EMPTY);
        assertThat(p.path()).isEqualTo("$.all[1].any");
        assertThat(only(new Rule.All(List.of())).message()).isEqualTo("all needs at least one rule");
    }

    @Test
    void shouldDetectContradictoryConjunctionOnOneField() {
        Problem p = only(all(gt("htf_score", 10), lt("htf_score", 5)));
        assertThat(p.kind()).isEqualTo(Problem.Kind.CONTRADICTION);
        assertThat(p.path()).isEqualTo("$");
        assertThat(p.message()).contains("htf_score > 10 at $.all[0]", "htf_score < 5 at $.all[1]");
    }

    @Test
    void shouldDetectContradictionsThroughNestingAndNegation() {
        assertThat(only(all(eq("state", "HTF_BULL_LTF_BULL"), eq("state", "HTF_BEAR_LTF_BEAR"))).kind())
                .isEqualTo(Problem.Kind.CONTRADICTION);
        assertThat(only(all(gt("rank", 60), all(gte("htf_score", 0), lte("rank", 60)))).kind())
                .isEqualTo(Problem.Kind.CONTRADICTION);
        assertThat(only(all(gt("rank", 60), not(gt("rank", 50)))).message()).contains("not(rank > 50)");
        assertThat(only(not(any(lt("rank", 50), gte("rank", 50)))).path()).isEqualTo("$.not");
        assertThat(only(all(eq("st_flip_1h", 1), Rule.falsy("st_flip_1h"))).kind()).isEqualTo(Problem.Kind.CONTRADICTION);
        assertThat(only(all(gt("rank", 50), lt("rank", 50.5), neq("rank", 50.25), in("rank", 50.25))).kind())
                .isEqualTo(Problem.Kind.CONTRADICTION);
    }

    @Test
    void shouldDetectAContradictionThroughANegatedBetween() {
        // htf_score > 25 and outside [20, 50]: the outside is < 20 or > 50, and htf_score never
        // exceeds 50, so no value satisfies both (not(cond) is followed like not(gt), not(lt) ...)
        Problem p = only(all(gt("htf_score", 25), not(between("htf_score", 20, 50))));
        assertThat(p.kind()).isEqualTo(Problem.Kind.CONTRADICTION);
        // both sides of the outside excluded by the other condition: [0, 20] is inside [-10, 30]
        assertThat(only(all(between("htf_score", 0, 20), not(between("htf_score", -10, 30)))).kind())
                .isEqualTo(Problem.Kind.CONTRADICTION);
    }

    @Test
    void shouldNotFlagSatisfiableCombinations() {
        assertThat(RuleValidator.validate(any(gt("htf_score", 10), lt("htf_score", 5)))).isEmpty();
        assertThat(RuleValidator.validate(all(gt("htf_score", 10), lt("htf_score", 20)))).isEmpty();
        assertThat(RuleValidator.validate(all(gte("rank", 50), lte("rank", 50)))).isEmpty();
        assertThat(RuleValidator.validate(all(gt("rank", 50), not(between("rank", 40, 60))))).isEmpty();
        assertThat(RuleValidator.validate(all(gt("rank", 50), any(lt("rank", 40), gt("htf_score", 0))))).isEmpty();
    }

    @Test
    void shouldReportEveryProblemWithItsPath() {
        List<Problem> problems = RuleValidator.validate(all(gte("htf_score", 55), eq("nope", 1),
                not(in("state", "BULL"))));
        assertThat(problems).extracting(Problem::path).containsExactly("$.all[0]", "$.all[1].field", "$.all[2].not.value[0]");
    }

    @Test
    void shouldThrowWithAllProblemsFromRequireValid() {
        assertThatThrownBy(() -> RuleValidator.requireValid(all(gte("htf_score", 55), eq("nope", 1))))
                .isInstanceOf(InvalidRuleException.class)
                .hasMessageContaining("$.all[0]")
                .hasMessageContaining("$.all[1].field")
                .satisfies(e -> assertThat(((InvalidRuleException) e).problems()).hasSize(2));
    }
}
