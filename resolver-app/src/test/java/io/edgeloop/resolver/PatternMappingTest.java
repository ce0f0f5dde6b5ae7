package io.edgeloop.resolver;

import io.edgeloop.core.rules.Direction;
import io.edgeloop.core.rules.Op;
import io.edgeloop.core.rules.PatternDefinition;
import io.edgeloop.core.rules.PatternOrigin;
import io.edgeloop.core.rules.PatternStatus;
import io.edgeloop.core.rules.Rule;
import io.edgeloop.core.rules.SeedPatterns;
import io.edgeloop.core.rules.Value;
import io.edgeloop.core.stats.BetaPrior;
import io.edgeloop.core.stats.Observation;
import io.edgeloop.schemas.avro.PatternStats;
import io.edgeloop.schemas.avro.RuleKind;
import io.edgeloop.schemas.avro.RuleNode;
import io.edgeloop.schemas.avro.RuleOp;
import io.edgeloop.schemas.avro.RuleValue;
import io.edgeloop.schemas.topics.Topics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class PatternMappingTest {

    static Stream<PatternDefinition> seeds() {
        return SeedPatterns.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void shouldRoundTripEverySeedPatternThroughItsAvroBytes(PatternDefinition seed) {
        var avro = PatternMapping.toAvro(seed, 1, BetaPrior.UNIFORM, 0.95, null);
        byte[] bytes = Topics.PATTERN_LIBRARY.valueSerde().serializer().serialize("pattern-library", avro);
        var back = Topics.PATTERN_LIBRARY.valueSerde().deserializer().deserialize("pattern-library", bytes);

        assertThat(PatternMapping.toDomain(back)).isEqualTo(seed);
        assertThat(back.getOrigin()).isEqualTo(io.edgeloop.schemas.avro.PatternOrigin.SEED);
        assertThat(back.getLibraryVersion()).isEqualTo(1);
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

        RuleNode avro = PatternMapping.toAvro(rule);

        assertThat(avro.getKind()).isEqualTo(RuleKind.ALL);
        RuleNode between = avro.getChildren().get(1);
        assertThat(between.getOp()).isEqualTo(RuleOp.BETWEEN);
        assertThat(between.getValue().getNumbers()).containsExactly(10.0, 50.0);
        assertThat(avro.getChildren().get(3).getChildren().get(0).getChildren().get(1).getValue().getTexts())
                .containsExactly("HIGH", "EXTREME");
        assertThat(avro.getChildren().get(4).getValue().getFlag()).isTrue();
        assertThat(avro.getChildren().get(5).getValue()).isNull();
        assertThat(PatternMapping.toDomain(avro)).isEqualTo(rule);
    }

    @Test
    void shouldMapTheRetrospectiveOriginToDiscoveredAndBack() {
        PatternDefinition found = new PatternDefinition("found_one", "Found", "", Direction.DOWN,
                PatternStatus.CANDIDATE, 3, PatternOrigin.DISCOVERED, Rule.eq("state", "HTF_BEAR_LTF_BEAR"),
                io.edgeloop.core.stats.PatternStats.EMPTY, Optional.empty());

        var avro = PatternMapping.toAvro(found, 7, BetaPrior.UNIFORM, 0.95, null);

        assertThat(avro.getOrigin()).isEqualTo(io.edgeloop.schemas.avro.PatternOrigin.RETROSPECTIVE);
        assertThat(PatternMapping.toDomain(avro)).isEqualTo(found);
    }

    @Test
    void shouldRefuseRulesWithoutAnAvroOrCoreFormNamingTheNode() {
        Rule booleans = Rule.all(Rule.eq("state", "HTF_BULL_LTF_BULL"),
                new Rule.Condition("momentum_elite", Op.IN, new Value.Items(List.of(Value.of(true)))));
        assertThatThrownBy(() -> PatternMapping.toAvro(booleans))
                .hasMessage("$.all[1].value: an 'in' list must hold only numbers or only names to have an Avro form, "
                        + "got [true]");

        RuleNode twoChildNot = RuleNode.newBuilder().setKind(RuleKind.NOT).setChildren(List.of(
                PatternMapping.toAvro(Rule.truthy("a")), PatternMapping.toAvro(Rule.truthy("b")))).build();
        assertThatThrownBy(() -> PatternMapping.toDomain(twoChildNot)).hasMessage("$.not: needs exactly one child, got 2");

        RuleNode ambiguous = RuleNode.newBuilder().setKind(RuleKind.CONDITION).setField("htf_score").setOp(RuleOp.GTE)
                .setValue(RuleValue.newBuilder().setNumber(25.0).setText("25").build()).build();
        assertThatThrownBy(() -> PatternMapping.toDomain(RuleNode.newBuilder().setKind(RuleKind.ANY)
                .setChildren(List.of(ambiguous)).build()))
                .hasMessage("$.any[0].value: gte needs exactly one of number, text or flag");
    }

    @Test
    void shouldDeriveTheBetaPosteriorAndAveragesFromTheRunningSums() {
        io.edgeloop.core.stats.PatternStats s = io.edgeloop.core.stats.PatternStats.EMPTY
                .plus(new Observation(true, 4.0, 5.0, 1.0))
                .plus(new Observation(true, 3.0, 3.5, 0.5))
                .plus(new Observation(false, -2.0, 1.0, 3.0));
        Instant at = Instant.parse("2025-04-28T00:00:00Z");

        PatternStats avro = PatternMapping.stats(s, new BetaPrior(1, 1), 0.95, at);

        assertThat(avro.getN()).isEqualTo(3);
        assertThat(avro.getHits()).isEqualTo(2);
        assertThat(avro.getAlpha()).isEqualTo(3.0);
        assertThat(avro.getBeta()).isEqualTo(2.0);
        assertThat(avro.getPosteriorMean()).isCloseTo(0.6, within(1e-12));
        assertThat(avro.getHitRate()).isCloseTo(2.0 / 3.0, within(1e-12));
        assertThat(avro.getAvgReturnPct()).isCloseTo(5.0 / 3.0, within(1e-12));
        assertThat(avro.getAvgMfePct()).isCloseTo(9.5 / 3.0, within(1e-12));
        assertThat(avro.getAvgMaePct()).isCloseTo(-4.5 / 3.0, within(1e-12));
        // (UP% x mean up move - DOWN% x mean down move) / 100 = (66.67 x 3.5 - 33.33 x 2) / 100
        assertThat(avro.getExpectedValue()).isCloseTo((200.0 / 3 * 3.5 - 100.0 / 3 * 2) / 100, within(1e-12));
        assertThat(avro.getLower()).isLessThan(0.6);
        assertThat(avro.getUpper()).isGreaterThan(0.6);
        assertThat(avro.getUpdatedAt()).isEqualTo(at);
    }

    @Test
    void shouldReportNoAveragesBeforeTheFirstOutcome() {
        PatternStats avro = PatternMapping.stats(io.edgeloop.core.stats.PatternStats.EMPTY, BetaPrior.UNIFORM, 0.95, null);

        assertThat(avro.getN()).isZero();
        assertThat(avro.getPosteriorMean()).isEqualTo(0.5);
        assertThat(avro.getLower()).isCloseTo(0.025, within(1e-9));
        assertThat(avro.getUpper()).isCloseTo(0.975, within(1e-9));
        assertThat(avro.getHitRate()).isNull();
        assertThat(avro.getAvgReturnPct()).isNull();
        assertThat(avro.getExpectedValue()).isNull();
    }
}
