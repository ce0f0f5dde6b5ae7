package io.edgeloop.schemas.mapping;

import io.edgeloop.core.rules.Direction;
import io.edgeloop.core.rules.PatternDefinition;
import io.edgeloop.core.rules.PatternOrigin;
import io.edgeloop.core.rules.PatternStatus;
import io.edgeloop.core.rules.Rule;
import io.edgeloop.core.rules.SeedPatterns;
import io.edgeloop.core.stats.BetaPrior;
import io.edgeloop.core.stats.Observation;
import io.edgeloop.schemas.avro.PatternStats;
import io.edgeloop.schemas.topics.Topics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class PatternMappingTest {

    static Stream<PatternDefinition> seeds() {
        return SeedPatterns.all().stream();
    }

    private static io.edgeloop.schemas.avro.PatternDefinition throughTheTopic(
            io.edgeloop.schemas.avro.PatternDefinition avro) {
        byte[] bytes = Topics.PATTERN_LIBRARY.valueSerde().serializer().serialize("pattern-library", avro);
        return Topics.PATTERN_LIBRARY.valueSerde().deserializer().deserialize("pattern-library", bytes);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void shouldRoundTripEverySeedPatternThroughItsAvroBytes(PatternDefinition seed) {
        var back = throughTheTopic(PatternMapping.toAvro(seed, 1, BetaPrior.UNIFORM, 0.95, null));

        assertThat(PatternMapping.toDomain(back)).isEqualTo(seed);
        assertThat(back.getOrigin()).isEqualTo(io.edgeloop.schemas.avro.PatternOrigin.SEED);
        assertThat(back.getLibraryVersion()).isEqualTo(1);
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
    void shouldBringBackTheCountsButNotTheSumsOfTheStatistics() {
        io.edgeloop.core.stats.PatternStats twelve = new io.edgeloop.core.stats.PatternStats(12, 9, 30, 36, 50, 10,
                9, 36, 3, 6);
        PatternDefinition p = new PatternDefinition("disc_x", "Discovered", "d", Direction.DOWN, PatternStatus.CANDIDATE,
                1, PatternOrigin.DISCOVERED, Rule.truthy("sq_release_ltf"), twelve, Optional.empty());

        var avro = throughTheTopic(PatternMapping.toAvro(p, 0, BetaPrior.UNIFORM, 0.95, null));
        io.edgeloop.core.stats.PatternStats back = PatternMapping.toDomain(avro).stats();

        assertThat(avro.getStats().getAlpha()).isEqualTo(10.0);
        assertThat(avro.getStats().getBeta()).isEqualTo(4.0);
        assertThat(avro.getStats().getHitRate()).isEqualTo(0.75);
        assertThat(back.n()).isEqualTo(12);
        assertThat(back.hits()).isEqualTo(9);
        assertThat(back.sumReturn()).isZero();
    }

    @Test
    void shouldNameTheRuleNodeWhenAPatternHasNoCoreForm() {
        var seed = PatternMapping.toAvro(SeedPatterns.all().get(0), 1, BetaPrior.UNIFORM, 0.95, null);
        var broken = io.edgeloop.schemas.avro.PatternDefinition.newBuilder(seed)
                .setRule(io.edgeloop.schemas.avro.RuleNode.newBuilder().setKind(io.edgeloop.schemas.avro.RuleKind.ALL)
                        .setChildren(java.util.List.of()).build())
                .build();

        assertThatThrownBy(() -> PatternMapping.toDomain(broken)).hasMessage("$.all: needs at least one child");
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
