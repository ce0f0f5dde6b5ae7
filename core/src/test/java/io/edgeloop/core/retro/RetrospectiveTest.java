package io.edgeloop.core.retro;

import io.edgeloop.core.candle.Candle;
import io.edgeloop.core.candle.Timeframe;
import io.edgeloop.core.mining.Trail;
import io.edgeloop.core.rules.Direction;
import io.edgeloop.core.rules.Op;
import io.edgeloop.core.rules.PatternDefinition;
import io.edgeloop.core.rules.PatternOrigin;
import io.edgeloop.core.rules.PatternStatus;
import io.edgeloop.core.rules.Rule;
import io.edgeloop.core.rules.SeedPatterns;
import io.edgeloop.core.rules.Value;
import io.edgeloop.core.snapshot.Fields;
import io.edgeloop.core.snapshot.Snapshot;
import io.edgeloop.core.stats.PatternStats;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Re-scoring on a built market: 30 tickers, always in state BULL/BULL, whose highs spike 6%
 * above the close on a random 30% of days before 2024-03-01 and whose lows spike 6% below it
 * afterwards. The UP seed pattern that matches BULL/BULL must be proposed for degrading, a
 * DEGRADED DOWN pattern on the same state for promotion.
 */
class RetrospectiveTest {

    private static final LocalDate FIRST = LocalDate.of(2023, 9, 1);
    private static final LocalDate SWITCH = LocalDate.of(2024, 3, 1);
    private static final LocalDate AS_OF = LocalDate.of(2024, 3, 29);

    private final Map<String, List<Candle>> bars = new TreeMap<>();
    private final Map<String, Trail> trails = new HashMap<>();

    RetrospectiveTest() {
        SplittableRandom random = new SplittableRandom(42);
        for (int t = 0; t < 30; t++) {
            String ticker = "T" + t;
            List<Candle> series = new ArrayList<>();
            List<LocalDate> dates = new ArrayList<>();
            List<Snapshot> snapshots = new ArrayList<>();
            for (LocalDate d = FIRST; !d.isAfter(LocalDate.of(2024, 5, 31)); d = d.plusDays(1)) {
                if (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) {
                    continue;
                }
                boolean spike = random.nextDouble() < 0.3;
                boolean before = d.isBefore(SWITCH);
                double high = spike && before ? 106.5 : 100.5;
                double low = spike && !before ? 93.5 : 99.5;
                series.add(new Candle(ticker, Timeframe.D1, d.toEpochDay() * 86_400_000L, 100, high, low, 100, 1e6,
                        "test"));
                Snapshot s = new Snapshot();
                s.setCategory(Fields.STATE, "HTF_BULL_LTF_BULL");
                dates.add(d);
                snapshots.add(s);
            }
            bars.put(ticker, series);
            trails.put(ticker, Trail.of(dates, snapshots));
        }
    }

    private RetroResult run(Map<String, List<Candle>> data, List<PatternDefinition> library) {
        return Retrospective.defaults(RetroConfig.defaults()).run(data, t -> "Tech",
                t -> Optional.ofNullable(trails.get(t)), library, Optional.of(AS_OF));
    }

    private static PatternDefinition degradedDown() {
        return new PatternDefinition("bull_state_fade", "Fade the bull state", "test", Direction.DOWN,
                PatternStatus.DEGRADED, 2, PatternOrigin.OPERATOR,
                new Rule.Condition("state", Op.EQ, Value.of("HTF_BULL_LTF_BULL")), PatternStats.EMPTY, Optional.empty());
    }

    @Test
    void shouldProposeToDegradeAPatternWhoseHitsStoppedAndPromoteOneWhoseHitsStarted() {
        PatternDefinition seed = SeedPatterns.byId("bull_state_dominance").orElseThrow();

        RetroResult r = run(bars, List.of(seed, degradedDown()));

        PatternRescore up = r.rescoring().get(0);
        assertThat(up.test().priorRate()).isGreaterThan(0.7);
        assertThat(up.test().recentRate()).isZero();
        assertThat(up.verdict()).isEqualTo(PatternRescore.Verdict.DEGRADE);
        assertThat(r.rescoring().get(1).verdict()).isEqualTo(PatternRescore.Verdict.PROMOTE);
        Proposal degrade = r.proposals().get(0);
        assertThat(degrade.id()).isEqualTo("retro-2024-03-29-degrade-bull_state_dominance");
        assertThat(degrade.kind()).isEqualTo(ProposalKind.DEGRADE);
        assertThat(degrade.severity()).isEqualTo(Severity.HIGH);
        assertThat(degrade.evidence().recentN()).isEqualTo((int) up.test().recentN());
        assertThat(degrade.evidence().priorRate()).isEqualTo(up.test().priorRate());
        assertThat(degrade.evidence().qValue()).isLessThanOrEqualTo(0.05);
        assertThat(degrade.summary()).startsWith("Degrade bull_state_dominance: hit rate fell from");
        assertThat(r.proposals().get(1).id()).isEqualTo("retro-2024-03-29-promote-bull_state_fade");
    }

    @Test
    void shouldCountMatchesOnlyWhenTheirOutcomesDoNotOverlapAndLeaveTheLastDaysUnresolved() {
        RetroResult r = run(bars, List.of(SeedPatterns.byId("bull_state_dominance").orElseThrow()));
        PatternRescore up = r.rescoring().get(0);

        long tradingDays = bars.get("T0").stream().filter(c -> r.windows().contains(Bars.date(c))).count();
        assertThat(up.test().recentN() + up.test().priorN()).as("one counted match per 6 trading days and ticker")
                .isBetween(30 * (tradingDays - 5) / 6 - 30, 30 * tradingDays / 6);
        assertThat(up.unresolved()).as("matches in the last 5 trading days before the as-of date").isEqualTo(30 * 5);
    }

    @Test
    void shouldNotUseAnyBarAfterTheAsOfDate() {
        Map<String, List<Candle>> cut = new TreeMap<>();
        bars.forEach((t, list) -> cut.put(t, list.subList(0, Bars.endIndex(list, AS_OF))));
        List<PatternDefinition> library = List.of(SeedPatterns.byId("bull_state_dominance").orElseThrow(),
                degradedDown());

        RetroResult withFuture = run(bars, library);
        RetroResult withoutFuture = run(cut, library);

        assertThat(withFuture.proposals()).isEqualTo(withoutFuture.proposals());
        assertThat(withFuture.rescoring()).isEqualTo(withoutFuture.rescoring());
        assertThat(withFuture.study().mining().moves()).isEqualTo(withoutFuture.study().mining().moves());
    }
}
