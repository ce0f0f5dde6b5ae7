package io.edgeloop.retro;

import io.edgeloop.core.rules.Direction;
import io.edgeloop.core.rules.Op;
import io.edgeloop.core.rules.PatternDefinition;
import io.edgeloop.core.rules.PatternStatus;
import io.edgeloop.core.rules.Rule;
import io.edgeloop.core.rules.SeedPatterns;
import io.edgeloop.core.rules.Value;
import io.edgeloop.core.stats.BetaPrior;
import io.edgeloop.core.stats.PatternStats;
import io.edgeloop.schemas.topics.Topics;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LibraryRecordsTest {

    private static PatternDefinition roundTrip(PatternDefinition p) {
        byte[] bytes = Topics.PATTERN_LIBRARY.valueSerde().serializer()
                .serialize("pattern-library", LibraryRecords.toAvro(p, 3, BetaPrior.UNIFORM, 0.95));
        return LibraryRecords.fromAvro(Topics.PATTERN_LIBRARY.valueSerde().deserializer()
                .deserialize("pattern-library", bytes));
    }

    @Test
    void shouldCarryEverySeedPatternThroughTheTopicUnchanged() {
        for (PatternDefinition seed : SeedPatterns.all()) {
            PatternDefinition back = roundTrip(seed);

            assertThat(back.rule()).as(seed.id()).isEqualTo(seed.rule());
            assertThat(back).usingRecursiveComparison().ignoringFields("reference").isEqualTo(seed);
        }
    }

    @Test
    void shouldMapEveryValueKindAndTheDiscoveredOrigin() {
        Rule rule = new Rule.All(List.of(
                new Rule.Condition("htf_score", Op.BETWEEN, Value.range(10, 25)),
                new Rule.Condition("state", Op.IN, Value.names("HTF_BULL_LTF_BULL", "HTF_BULL_LTF_PULLBACK")),
                new Rule.Condition("signal_count", Op.IN, Value.numbers(2, 3)),
                new Rule.Not(new Rule.Condition("momentum_elite", Op.EQ, Value.of(true))),
                new Rule.Any(List.of(new Rule.Condition("sq_release_ltf", Op.TRUTHY, Value.none()),
                        new Rule.Condition("phase_zone", Op.NEQ, Value.of("LOW"))))));
        PatternDefinition p = new PatternDefinition("disc_x", "Discovered", "d", Direction.DOWN, PatternStatus.CANDIDATE,
                1, io.edgeloop.core.rules.PatternOrigin.DISCOVERED, rule, new PatternStats(12, 9, 0, 0, 0, 0, 0, 0, 0, 0),
                Optional.empty());

        io.edgeloop.schemas.avro.PatternDefinition avro = LibraryRecords.toAvro(p, 0, BetaPrior.UNIFORM, 0.95);

        assertThat(avro.getOrigin()).isEqualTo(io.edgeloop.schemas.avro.PatternOrigin.RETROSPECTIVE);
        assertThat(avro.getStats().getAlpha()).isEqualTo(10.0);
        assertThat(avro.getStats().getBeta()).isEqualTo(4.0);
        assertThat(avro.getStats().getHitRate()).isEqualTo(0.75);
        assertThat(roundTrip(p).rule()).isEqualTo(rule);
        assertThat(roundTrip(p).stats().hits()).isEqualTo(9);
    }

    @Test
    void shouldRefuseAnInListOfFlagsWithAReason() {
        Rule rule = new Rule.Condition("momentum_elite", Op.IN, new Value.Items(List.of(Value.of(true))));

        assertThatThrownBy(() -> LibraryRecords.toAvro(rule)).hasMessageContaining("has no Avro form");
    }
}
