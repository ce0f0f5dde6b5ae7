package io.edgeloop.core.rules;

import io.edgeloop.core.snapshot.Snapshot;
import io.edgeloop.core.stats.PatternStats;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static io.edgeloop.core.rules.SnapshotBuilder.snapshot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class SeedPatternsTest {

    private static final String BULL_BULL = "HTF_BULL_LTF_BULL";
    private static final String BULL_PULLBACK = "HTF_BULL_LTF_PULLBACK";
    private static final String BEAR_BEAR = "HTF_BEAR_LTF_BEAR";
    private static final String BEAR_PULLBACK = "HTF_BEAR_LTF_PULLBACK";

    /** For each seed: a snapshot that should match and a near miss that should not. */
    static Stream<Arguments> cases() {
        return Stream.of(
                arguments("bull_state_dominance",
                        snapshot().with("state", BULL_BULL).with("htf_score", 12).with("ltf_score", 4),
                        snapshot().with("state", BULL_PULLBACK).with("htf_score", 12).with("ltf_score", -4)),
                arguments("st_flip_bull_state",
                        snapshot().with("state", BULL_PULLBACK).with("st_flip_ltf", 1),
                        snapshot().with("state", BULL_PULLBACK).with("st_flip_ltf", -1)),
                arguments("st_flip_bull_state_1h",
                        snapshot().with("state", BULL_BULL).with("st_flip_1h", 1).with("st_flip_ltf", 1),
                        snapshot().with("state", BULL_BULL).with("st_flip_ltf", 1)),
                arguments("ema_cross_rising_htf",
                        snapshot().with("ema_cross_ltf", 1).with("htf_score", 8).with("htf_change", 6),
                        snapshot().with("ema_cross_ltf", 1).with("htf_score", 8).with("htf_change", 5)),
                arguments("high_momentum_elite",
                        snapshot().with("momentum_elite", true),
                        snapshot().with("momentum_elite", false)),
                arguments("htf_bull_pullback_recovery",
                        snapshot().with("state", BULL_PULLBACK).with("htf_score", 25),
                        snapshot().with("state", BULL_PULLBACK).with("htf_score", 24.9)),
                arguments("strong_htf_surge",
                        snapshot().with("state", BULL_BULL).with("htf_change", 16),
                        snapshot().with("state", BEAR_PULLBACK).with("htf_change", 16)),
                arguments("ltf_recovery_high_htf",
                        snapshot().with("state", BULL_PULLBACK).with("htf_score", 30).with("ltf_change", 8),
                        snapshot().with("state", BULL_PULLBACK).with("htf_score", 30).with("ltf_change", -8)),
                arguments("bull_momentum_elite_bull_state",
                        snapshot().with("state", BULL_BULL).with("momentum_elite", true),
                        snapshot().with("state", BEAR_BEAR).with("momentum_elite", true)),
                arguments("squeeze_release_bear",
                        snapshot().with("state", BEAR_BEAR).with("sq_release_ltf", -1),
                        snapshot().with("state", BEAR_BEAR).with("sq_release_ltf", 0)),
                arguments("bear_state_dominance",
                        snapshot().with("state", BEAR_BEAR),
                        snapshot().with("state", BEAR_PULLBACK)),
                arguments("st_flip_bear_state",
                        snapshot().with("state", BEAR_PULLBACK).with("st_flip_ltf", -1),
                        snapshot().with("state", BULL_PULLBACK).with("st_flip_ltf", -1)),
                arguments("htf_collapse",
                        snapshot().with("state", BEAR_BEAR).with("htf_change", -20),
                        snapshot().with("state", BEAR_BEAR).with("htf_change", -15)),
                arguments("bear_squeeze_multi_signal",
                        snapshot().with("state", BEAR_BEAR).with("sq_release_ltf", -1).with("st_flip_ltf", -1),
                        snapshot().with("state", BEAR_BEAR).with("sq_release_ltf", -1).with("st_flip_ltf", 0)),
                arguments("htf_ltf_divergence_bear",
                        snapshot().with("state", BEAR_PULLBACK).with("htf_change", -7).with("ltf_change", 9),
                        snapshot().with("state", BEAR_PULLBACK).with("htf_change", -7).with("ltf_change", 2)),
                arguments("high_completion_exhaustion",
                        snapshot().with("completion", 0.8).with("phase_zone", "HIGH").with("phase", 70).with("phase_pct", 0.7),
                        snapshot().with("completion", 0.8).with("phase_zone", "HIGH").with("phase", -70).with("phase_pct", 0.7)),
                arguments("multi_signal_cluster",
                        snapshot().with("sq_release_ltf", 1).with("st_flip_ltf", -1).with("signal_count", 2),
                        snapshot().with("sq_release_ltf", 1).with("st_flip_ltf", 0).with("signal_count", 2)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void shouldMatchItsSetupAndNotTheNearMiss(String id, SnapshotBuilder match, SnapshotBuilder miss) {
        CompiledRule rule = CompiledRule.compile(SeedPatterns.byId(id).orElseThrow().rule());
        assertThat(rule.matches(match.build())).as(id + " on its setup").isTrue();
        assertThat(rule.matches(miss.build())).as(id + " on the near miss").isFalse();
        assertThat(rule.matches(new Snapshot())).as(id + " on an empty snapshot").isFalse();
    }

    @Test
    void shouldAskBearSeedsForABearishSqueezeRelease() {
        // SeedPatterns: "squeeze releases carry their new direction ..., so bull patterns ask for +1
        // and bear patterns for -1". A bullish release (+1, momentum up) in a bear state is not the
        // DOWN setup these two seeds predict.
        CompiledRule releaseBear = CompiledRule.compile(SeedPatterns.byId("squeeze_release_bear").orElseThrow().rule());
        CompiledRule multiBear = CompiledRule.compile(SeedPatterns.byId("bear_squeeze_multi_signal").orElseThrow().rule());

        assertThat(releaseBear.matches(snapshot().with("state", BEAR_BEAR).with("sq_release_ltf", 1).build()))
                .as("squeeze_release_bear on a bullish release").isFalse();
        assertThat(multiBear.matches(snapshot().with("state", BEAR_BEAR).with("sq_release_ltf", 1)
                .with("st_flip_ltf", -1).build()))
                .as("bear_squeeze_multi_signal on a bullish release").isFalse();
    }

    @Test
    void shouldCoverEverySeedWithACase() {
        assertThat(cases().map(a -> (String) a.get()[0]))
                .containsExactlyElementsOf(SeedPatterns.all().stream().map(PatternDefinition::id).toList());
    }

    @Test
    void shouldSeedSeventeenValidPatternsWithTheirDirections() {
        assertThat(SeedPatterns.all()).hasSize(17);
        assertThat(SeedPatterns.all()).allSatisfy(p -> {
            assertThat(p.validate()).as(p.id()).isEmpty();
            assertThat(p.origin()).isEqualTo(PatternOrigin.SEED);
            assertThat(p.status()).isEqualTo(PatternStatus.ACTIVE);
            assertThat(p.version()).isEqualTo(1);
            assertThat(p.stats()).isEqualTo(PatternStats.EMPTY);
            assertThat(p.description()).isNotBlank();
        });
        Map<Direction, Long> byDirection = SeedPatterns.all().stream()
                .collect(Collectors.groupingBy(PatternDefinition::direction, Collectors.counting()));
        assertThat(byDirection).containsEntry(Direction.UP, 9L).containsEntry(Direction.DOWN, 7L)
                .containsEntry(Direction.NEUTRAL, 1L);
        assertThat(SeedPatterns.byId("multi_signal_cluster").orElseThrow().direction()).isEqualTo(Direction.NEUTRAL);
    }

    @Test
    void shouldKeepTheOriginalHitRatesAsReferenceOnly() {
        assertThat(SeedPatterns.byId("bull_state_dominance").orElseThrow().reference()).contains(new ReferenceRate(0.752, 165));
        assertThat(SeedPatterns.byId("st_flip_bull_state").orElseThrow().reference()).contains(new ReferenceRate(0.747, 87));
        assertThat(SeedPatterns.byId("ema_cross_rising_htf").orElseThrow().reference()).contains(new ReferenceRate(0.70, 10));
        assertThat(SeedPatterns.byId("high_momentum_elite").orElseThrow().reference()).contains(new ReferenceRate(0.671, 85));
        assertThat(SeedPatterns.all().stream().filter(p -> p.reference().isPresent())).hasSize(4);
    }

    @Test
    void shouldCompileTheSeedLibraryIntoOneMatcher() {
        CompiledPatternSet set = CompiledPatternSet.of(SeedPatterns.all());
        Snapshot s = snapshot().with("state", BULL_BULL).with("momentum_elite", true).with("htf_score", 30).build();
        int[] out = new int[set.size()];
        int n = set.match(s, out);
        assertThat(n).isEqualTo(3);
        assertThat(set.matching(s)).extracting(PatternDefinition::id)
                .containsExactly("bull_state_dominance", "high_momentum_elite", "bull_momentum_elite_bull_state");
        assertThat(set.pattern(out[0]).id()).isEqualTo("bull_state_dominance");
    }
}
