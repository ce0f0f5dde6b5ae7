package io.edgeloop.core.rules;

import org.junit.jupiter.api.Test;

import java.util.List;

import static io.edgeloop.core.rules.Rule.all;
import static io.edgeloop.core.rules.Rule.any;
import static io.edgeloop.core.rules.Rule.between;
import static io.edgeloop.core.rules.Rule.eq;
import static io.edgeloop.core.rules.Rule.gte;
import static io.edgeloop.core.rules.Rule.in;
import static io.edgeloop.core.rules.Rule.not;
import static io.edgeloop.core.rules.Rule.truthy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RuleJsonTest {

    private static List<Problem> problemsOf(String json) {
        try {
            RuleJson.parse(json);
        } catch (InvalidRuleException e) {
            return e.problems();
        }
        throw new AssertionError("expected " + json + " to be rejected");
    }

    @Test
    void shouldParseTheHumanForm() {
        String json = """
                {"all": [
                  {"field": "htf_score", "op": "gte", "value": 25},
                  {"field": "ltf_score", "op": "between", "value": [-25, 3]},
                  {"field": "state", "op": "in", "value": ["HTF_BULL_LTF_BULL", "HTF_BULL_LTF_PULLBACK"]},
                  {"any": [{"field": "st_flip_ltf", "op": "eq", "value": 1}, {"field": "momentum_elite", "op": "truthy"}]},
                  {"not": {"field": "phase_zone", "op": "eq", "value": "EXTREME"}},
                  {"field": "sq_on_ltf", "op": "eq", "value": false}
                ]}""";
        Rule expected = all(gte("htf_score", 25), between("ltf_score", -25, 3),
                in("state", "HTF_BULL_LTF_BULL", "HTF_BULL_LTF_PULLBACK"),
                any(eq("st_flip_ltf", 1), truthy("momentum_elite")), not(eq("phase_zone", "EXTREME")),
                eq("sq_on_ltf", false));
        assertThat(RuleJson.parse(json)).isEqualTo(expected);
    }

    @Test
    void shouldWriteIntegralNumbersWithoutDecimalsAndOmitEmptyValues() {
        assertThat(RuleJson.write(all(gte("htf_score", 25), gte("completion", 0.7), truthy("momentum_elite"))))
                .isEqualTo("{\"all\":[{\"field\":\"htf_score\",\"op\":\"gte\",\"value\":25},"
                        + "{\"field\":\"completion\",\"op\":\"gte\",\"value\":0.7},"
                        + "{\"field\":\"momentum_elite\",\"op\":\"truthy\"}]}");
    }

    @Test
    void shouldRoundTripEverySeedRule() {
        for (PatternDefinition p : SeedPatterns.all()) {
            assertThat(RuleJson.parse(RuleJson.writePretty(p.rule()))).as(p.id()).isEqualTo(p.rule());
        }
    }

    @Test
    void shouldLocateUnknownOpAndSuggestTheNearest() {
        List<Problem> problems = problemsOf("{\"all\":[{\"field\":\"rank\",\"op\":\"gte\",\"value\":1},"
                + "{\"any\":[{\"field\":\"rank\",\"op\":\"gtee\",\"value\":2}]}]}");
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("$.all[1].any[0].op");
            assertThat(p.kind()).isEqualTo(Problem.Kind.SYNTAX);
            assertThat(p.message()).contains("unknown op 'gtee'", "did you mean gte", "ops are eq, neq");
        });
    }

    @Test
    void shouldRejectValueOnTruthyAndMissingValueOnComparison() {
        assertThat(problemsOf("{\"field\":\"momentum_elite\",\"op\":\"truthy\",\"value\":true}"))
                .singleElement().satisfies(p -> assertThat(p.toString()).isEqualTo(
                        "$.value: truthy takes no value; remove \"value\""));
        assertThat(problemsOf("{\"field\":\"rank\",\"op\":\"gte\"}"))
                .singleElement().satisfies(p -> assertThat(p.message()).contains("gte needs a \"value\""));
    }

    @Test
    void shouldRejectMalformedBetweenAndIn() {
        assertThat(problemsOf("{\"field\":\"rank\",\"op\":\"between\",\"value\":[1]}"))
                .singleElement().satisfies(p -> assertThat(p.message()).contains("[lo, hi]", "an array of 1"));
        assertThat(problemsOf("{\"field\":\"rank\",\"op\":\"in\",\"value\":5}"))
                .singleElement().satisfies(p -> assertThat(p.message()).contains("in needs \"value\": an array"));
        assertThat(problemsOf("{\"field\":\"rank\",\"op\":\"in\",\"value\":[1,[2]]}"))
                .singleElement().satisfies(p -> assertThat(p.path()).isEqualTo("$.value[1]"));
    }

    @Test
    void shouldRejectUnknownKeysAndAmbiguousNodes() {
        assertThat(problemsOf("{\"field\":\"rank\",\"op\":\"gte\",\"vale\":5}"))
                .extracting(Problem::toString)
                .contains("$.vale: unknown key 'vale' (did you mean value?)");
        assertThat(problemsOf("{\"all\":[],\"any\":[]}"))
                .singleElement().satisfies(p -> assertThat(p.message()).contains("exactly one of all, any, not"));
        assertThat(problemsOf("{\"not\":[{\"field\":\"rank\",\"op\":\"gte\",\"value\":5}]}"))
                .singleElement().satisfies(p -> assertThat(p.path()).isEqualTo("$.not"));
        assertThat(problemsOf("{\"all\":{\"field\":\"rank\",\"op\":\"gte\",\"value\":5}}"))
                .singleElement().satisfies(p -> assertThat(p.message()).contains("all takes an array"));
    }

    @Test
    void shouldReportMalformedJsonWithLineAndColumn() {
        assertThatThrownBy(() -> RuleJson.parse("{\"all\": [\n  {\"field\": \"rank\" \"op\": \"gte\"}\n]}"))
                .isInstanceOf(InvalidRuleException.class)
                .hasMessageContaining("malformed JSON at line 2");
        assertThatThrownBy(() -> RuleJson.parse("{\"field\":\"rank\",\"field\":\"htf_score\",\"op\":\"gte\",\"value\":1}"))
                .hasMessageContaining("Duplicate field 'field'");
        assertThatThrownBy(() -> RuleJson.parse("  ")).hasMessageContaining("empty rule JSON");
    }

    @Test
    void shouldValidateAfterParsingWithJsonPaths() {
        List<Problem> problems = problemsOf("{\"all\":[{\"field\":\"htf_score\",\"op\":\"gte\",\"value\":55},"
                + "{\"field\":\"state\",\"op\":\"eq\",\"value\":\"BULL\"},{\"field\":\"momentum_elite\",\"op\":\"eq\",\"value\":1}]}");
        assertThat(problems).extracting(Problem::path, Problem::kind).containsExactly(
                org.assertj.core.groups.Tuple.tuple("$.all[0]", Problem.Kind.NEVER_TRUE),
                org.assertj.core.groups.Tuple.tuple("$.all[1].value", Problem.Kind.WRONG_TYPE),
                org.assertj.core.groups.Tuple.tuple("$.all[2].value", Problem.Kind.WRONG_TYPE));
    }

    @Test
    void shouldAcceptOpSpellingInAnyCase() {
        assertThat(RuleJson.parse("{\"field\":\"rank\",\"op\":\"GTE\",\"value\":50}")).isEqualTo(gte("rank", 50));
    }
}
