package io.edgeloop.core.rules;

import io.edgeloop.core.stats.Observation;
import io.edgeloop.core.stats.PatternStats;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PatternJsonTest {

    @Test
    void shouldRoundTripTheSeedLibrary() {
        String json = PatternJson.writeAll(SeedPatterns.all());
        assertThat(PatternJson.parseAll(json)).isEqualTo(SeedPatterns.all());
    }

    @Test
    void shouldRoundTripStatsAndStatus() {
        PatternStats stats = PatternStats.EMPTY.plus(new Observation(true, 3.5, 4.1, 0.7))
                .plus(new Observation(false, -1.25, 0.5, 2.0));
        PatternDefinition p = SeedPatterns.byId("htf_collapse").orElseThrow()
                .withStats(stats).withStatus(PatternStatus.DEGRADED).withVersion(3);
        assertThat(PatternJson.parse(PatternJson.write(p))).isEqualTo(p);
    }

    @Test
    void shouldApplyProposalDefaults() {
        PatternDefinition p = PatternJson.parse("""
                {"id": "rank_surge", "name": "Rank surge", "direction": "up",
                 "rule": {"field": "rank", "op": "gte", "value": 85}}""");
        assertThat(p.status()).isEqualTo(PatternStatus.CANDIDATE);
        assertThat(p.origin()).isEqualTo(PatternOrigin.OPERATOR);
        assertThat(p.version()).isEqualTo(1);
        assertThat(p.description()).isEmpty();
        assertThat(p.stats()).isEqualTo(PatternStats.EMPTY);
        assertThat(p.reference()).isEmpty();
        assertThat(p.direction()).isEqualTo(Direction.UP);
    }

    @Test
    void shouldReportEveryProblemOfAPatternWithPaths() {
        assertThatThrownBy(() -> PatternJson.parseAll("""
                [{"id": "Bad Id", "name": "x", "direction": "SIDEWAYS", "version": 0,
                  "rule": {"field": "htf_score", "op": "gte", "value": 55}, "colour": "red"}]"""))
                .isInstanceOfSatisfying(InvalidRuleException.class, e -> assertThat(e.problems())
                        .extracting(Problem::path)
                        .containsExactlyInAnyOrder("$[0].colour", "$[0].id", "$[0].direction", "$[0].version", "$[0].rule"));
    }

    @Test
    void shouldRejectInconsistentStats() {
        assertThatThrownBy(() -> PatternJson.parse("""
                {"id": "p", "name": "P", "direction": "UP", "rule": {"field": "rank", "op": "gte", "value": 85},
                 "stats": {"n": 2, "hits": 3}}"""))
                .isInstanceOfSatisfying(InvalidRuleException.class, e -> assertThat(e.problems())
                        .extracting(Problem::path).containsExactly("$.stats"));
        assertThatThrownBy(() -> PatternJson.parse("""
                {"id": "p", "name": "P", "direction": "UP", "rule": {"field": "rank", "op": "gte", "value": 85},
                 "stats": {"n": 2.5}}"""))
                .hasMessageContaining("$.stats.n: must be an integer");
    }

    @Test
    void shouldKeepReferenceRateAsDocumentation() {
        PatternDefinition p = PatternJson.parse("""
                {"id": "p", "name": "P", "direction": "DOWN", "rule": {"field": "rank", "op": "lte", "value": 10},
                 "reference": {"hit_rate": 0.6, "n": 40}}""");
        assertThat(p.reference()).contains(new ReferenceRate(0.6, 40));
        assertThat(p.stats().n()).isZero();
        assertThat(List.of(p)).hasSize(1);
    }
}
