package io.edgeloop.admin.view;

import io.edgeloop.core.rules.SeedPatterns;
import io.edgeloop.schemas.avro.RuleKind;
import io.edgeloop.schemas.avro.RuleNode;
import io.edgeloop.schemas.avro.RuleOp;
import io.edgeloop.schemas.avro.RuleValue;
import io.edgeloop.schemas.mapping.RuleMapping;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReadableRuleTest {

    @Test
    void shouldWriteANestedSeedRuleAsIndentedText() {
        ReadableRule rule = ReadableRule.of(RuleMapping.toAvro(SeedPatterns.byId("ema_cross_rising_htf").orElseThrow().rule()));
        assertThat(rule.problems()).isEmpty();
        assertThat(rule.text()).isEqualTo("""
                all of:
                  ema_cross_ltf == 1
                  any of:
                    htf_score >= 25
                    htf_change > 5""");
        assertThat(rule.json().toString())
                .isEqualTo("{\"all\":[{\"field\":\"ema_cross_ltf\",\"op\":\"eq\",\"value\":1.0},{\"any\":["
                        + "{\"field\":\"htf_score\",\"op\":\"gte\",\"value\":25.0},"
                        + "{\"field\":\"htf_change\",\"op\":\"gt\",\"value\":5.0}]}]}");
    }

    @Test
    void shouldReportTheProblemsOfARuleCoreWouldRefuse() {
        RuleNode unknownField = RuleNode.newBuilder().setKind(RuleKind.CONDITION).setChildren(List.of())
                .setField("htf_scroe").setOp(RuleOp.GT)
                .setValue(RuleValue.newBuilder().setNumber(10.0).build()).build();
        ReadableRule rule = ReadableRule.of(unknownField);
        assertThat(rule.problems()).singleElement().asString().contains("htf_scroe");
        assertThat(rule.text()).contains("htf_scroe");
    }
}
