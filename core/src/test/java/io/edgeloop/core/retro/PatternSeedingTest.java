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
 * Seeding on a built market: 30 tickers whose state runs in stretches of ten trading days, bull
 * (both frames) or bear; in a bull stretch the high spikes 6% above the close on a random 40% of
 * days, in a bear stretch never. A pattern on the bull state has an edge over the base rate, one
 * on the bear state is below it, one on a state that never occurs has no data.
 */
class PatternSeedingTest {

    private static final LocalDate FIRST = LocalDate.of(2022, 1, 3);
    private static final LocalDate LAST = LocalDate.of(2023, 12, 29);
    private static final LocalDate AS_OF = LocalDate.of(2023, 10, 31);
    private static final String BULL = "HTF_BULL_LTF_BULL";
    private static final String BEAR = "HTF_BEAR_LTF_BEAR";

    private final Map<String, List<Candle>> bars = new TreeMap<>();
    private final Map<String, Trail> trails = new HashMap<>();

    PatternSeedingTest() {
        SplittableRandom random = new SplittableRandom(7);
        for (int t = 0; t < 30; t++) {
            String ticker = "T" + t;
            List<Candle> series = new ArrayList<>();
            List<LocalDate> dates = new ArrayList<>();
            List<Snapshot> snapshots = new ArrayList<>();
            int day = 0;
            boolean bull = random.nextBoolean();
            for (LocalDate d = FIRST; !d.isAfter(LAST); d = d.plusDays(1)) {
                if (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) {
                    continue;
                }
                if (day++ % 10 == 0) {
                    bull = random.nextBoolean();
                }
                double high = bull && random.nextDouble() < 0.4 ? 106.5 : 100.5;
                series.add(new Candle(ticker, Timeframe.D1, d.toEpochDay() * 86_400_000L, 100, high, 99.5, 100, 1e6,
                        "test"));
                Snapshot s = new Snapshot();
                s.setCategory(Fields.STATE, bull ? BULL : BEAR);
                dates.add(d);
                snapshots.add(s);
            }
            bars.put(ticker, series);
            trails.put(ticker, Trail.of(dates, snapshots));
        }
    }

    private SeedResult seed(Map<String, List<Candle>> data, List<PatternDefinition> library) {
        return Retrospective.defaults(RetroConfig.defaults()).seed(data, t -> "Tech",
                t -> Optional.ofNullable(trails.get(t)), library, Optional.of(AS_OF));
    }

    private static PatternDefinition pattern(String id, PatternStatus status, String state) {
        return new PatternDefinition(id, id, "test", Direction.UP, status, 1, PatternOrigin.OPERATOR,
                new Rule.Condition("state", Op.EQ, Value.of(state)), PatternStats.EMPTY, Optional.empty());
    }

    private final List<PatternDefinition> library = List.of(
            SeedPatterns.byId("bull_state_dominance").orElseThrow(),
            pattern("bull_candidate", PatternStatus.CANDIDATE, BULL),
            pattern("bear_long", PatternStatus.ACTIVE, BEAR),
            pattern("never", PatternStatus.ACTIVE, "HTF_BULL_LTF_PULLBACK"),
            pattern("retired_bull", PatternStatus.RETIRED, BULL));

    @Test
    void shouldPromoteACandidateWithAnEdgeDegradeAnActivePatternBelowTheBaseRateAndConfirmTheRest() {
        SeedResult r = seed(bars, library);

        assertThat(r.edges()).extracting(PatternEdge::patternId)
                .containsExactly("bull_state_dominance", "bull_candidate", "bear_long", "never");
        assertThat(r.edges()).extracting(PatternEdge::verdict).containsExactly(PatternEdge.Verdict.CONFIRMED,
                PatternEdge.Verdict.PROMOTE, PatternEdge.Verdict.DEGRADE, PatternEdge.Verdict.INSUFFICIENT_DATA);
        PatternEdge bull = r.edges().get(0);
        assertThat(bull.hitRate()).isGreaterThan(0.8);
        assertThat(bull.baseRate()).isLessThan(0.5);
        assertThat(bull.qValue()).isLessThanOrEqualTo(0.05);
        assertThat(r.from()).isEqualTo(FIRST);
        assertThat(r.asOf()).isEqualTo(AS_OF);
        assertThat(r.tickers()).isEqualTo(30);

        assertThat(r.proposals()).extracting(Proposal::id).containsExactly(
                "seed-2023-10-31-promote-bull_candidate", "seed-2023-10-31-degrade-bear_long");
        Proposal promote = r.proposals().get(0);
        assertThat(promote.kind()).isEqualTo(ProposalKind.PROMOTE);
        assertThat(promote.evidence().n()).isEqualTo((int) r.edges().get(1).test().recentN());
        assertThat(promote.evidence().hitRate()).isEqualTo(r.edges().get(1).hitRate());
        assertThat(promote.evidence().lower()).isLessThan(promote.evidence().hitRate());
        assertThat(promote.evidence().details()).containsKeys("baseRate", "history", "test", "hit");
        assertThat(promote.summary()).startsWith("Promote bull_candidate: over the history it hit");
        assertThat(promote.severity()).isEqualTo(Severity.HIGH);
    }

    @Test
    void shouldCountMatchedAndUnmatchedDaysWithoutOverlapUpToTheAsOfDate() {
        PatternEdge bull = seed(bars, library).edges().get(0);

        long tradingDays = bars.get("T0").stream().filter(c -> !Bars.date(c).isAfter(AS_OF)).count();
        long counted = bull.test().recentN() + bull.test().priorN();
        assertThat(counted).as("each side counts at most one day in six per ticker")
                .isLessThanOrEqualTo(30L * 2 * (tradingDays / 6 + 1))
                .isGreaterThan(30L * tradingDays / 12);
    }

    @Test
    void shouldNotUseAnyBarAfterTheAsOfDate() {
        Map<String, List<Candle>> cut = new TreeMap<>();
        bars.forEach((t, list) -> cut.put(t, list.subList(0, Bars.endIndex(list, AS_OF))));

        assertThat(seed(bars, library)).isEqualTo(seed(cut, library));
    }
}
