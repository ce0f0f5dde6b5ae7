package io.edgeloop.core.retro;

import io.edgeloop.core.candle.Candle;
import io.edgeloop.core.mining.DailyDataFixture;
import io.edgeloop.core.mining.MiningConfig;
import io.edgeloop.core.mining.MiningResult;
import io.edgeloop.core.mining.LeadUpFeatures;
import io.edgeloop.core.mining.Move;
import io.edgeloop.core.mining.MoveDirection;
import io.edgeloop.core.mining.MoveFeatures;
import io.edgeloop.core.mining.MoveMiner;
import io.edgeloop.core.rules.Direction;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The regime test's two windows are cut alike on the real daily data: a window's moves are those
 * whose forward window closed by the window's own last date, as the recent window's are by the
 * as-of date.
 */
class WindowMovesTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 2, 27);

    @Test
    void shouldMeasureThePriorWindowsMovesOnlyWithItsOwnBars() {
        MiningConfig mining = MiningConfig.defaults();
        RetroWindows windows = RetroWindows.of(AS_OF, RetroConfig.defaults());
        Map<String, List<Candle>> cut = new TreeMap<>();
        DailyDataFixture.allDaily().forEach((ticker, bars) -> {
            List<Candle> upTo = bars.stream().filter(c -> !Bars.date(c).isAfter(AS_OF)).toList();
            if (!upTo.isEmpty()) {
                cut.put(ticker, upTo);
            }
        });
        MiningResult mined = new MoveMiner(mining).mine(cut, DailyDataFixture.sectors());
        List<Move> study = mined.moves();
        assertThat(study).as("mined on all bars up to the as-of date, prior moves peak in the recent window too")
                .anyMatch(m -> windows.of(m.startDate()) == RetroWindows.Window.PRIOR
                        && m.peakDate().isAfter(windows.priorTo()));

        List<Move> counted = Retrospective.windowMoves(mining, mined, cut, DailyDataFixture.sectors(), windows);

        List<Move> prior = counted.stream().filter(m -> windows.of(m.startDate()) == RetroWindows.Window.PRIOR).toList();
        assertThat(prior).isNotEmpty().allSatisfy(m -> assertThat(m.peakDate()).isBeforeOrEqualTo(windows.priorTo()));
        Set<String> mineable = new TreeSet<>(cut.keySet());
        mined.exclusions().forEach(e -> mineable.remove(e.ticker()));
        Set<String> fromAllBars = new TreeSet<>();
        for (String ticker : mineable) {
            List<Candle> toPriorEnd = cut.get(ticker).stream().filter(c -> !Bars.date(c).isAfter(windows.priorTo())).toList();
            new MoveMiner(mining).moves(ticker, MoveMiner.sectorName(DailyDataFixture.sectors(), ticker), toPriorEnd)
                    .stream().filter(m -> windows.of(m.startDate()) == RetroWindows.Window.PRIOR)
                    .forEach(m -> fromAllBars.add(m.toString()));
        }
        assertThat(new TreeSet<>(prior.stream().map(Move::toString).toList()))
                .as("the same moves as mining every bar up to the prior window's end").isEqualTo(fromAllBars);
        assertThat(counted).filteredOn(m -> windows.of(m.startDate()) == RetroWindows.Window.RECENT)
                .isEqualTo(study.stream().filter(m -> windows.of(m.startDate()) == RetroWindows.Window.RECENT).toList());
        assertThat(counted).allMatch(m -> windows.contains(m.startDate()));
    }

    @Test
    void shouldCountAPatternsMatchedMoveOnlyWhenItsWindowCountsIt() {
        RetroWindows windows = RetroWindows.of(AS_OF, RetroConfig.defaults());
        LocalDate priorDay = windows.priorTo().minusDays(3);
        LocalDate recentDay = AS_OF.minusDays(10);
        Move counted = move("AAA", priorDay, 5);
        Move crossing = move("BBB", priorDay, 20);
        Move recent = move("CCC", recentDay, 5);
        List<Move> countedMoves = List.of(counted, recent);
        List<MoveFeatures> sample = Retrospective.windowSample(List.of(
                new MoveFeatures(counted, CandidateDiscoveryTest.placeholder()),
                new MoveFeatures(crossing, CandidateDiscoveryTest.placeholder()),
                new MoveFeatures(recent, CandidateDiscoveryTest.placeholder())), countedMoves, m -> Optional.empty());
        BitSet all = new BitSet();
        all.set(0, sample.size());

        RegimeReport report = new RegimeDetector(RetroConfig.defaults()).detect(countedMoves, windows, sample,
                List.of(new CandidateDiscovery.PatternCoverage("everything", Direction.UP, all)));

        WindowTest pattern = report.patterns().get(0).test();
        assertThat(List.of(pattern.priorN(), pattern.recentN()))
                .as("the move whose forward window crosses into the recent window is not counted").containsExactly(1L, 1L);
    }

    @Test
    void shouldGiveACountedPriorMoveThatTheStudyFoundOtherwiseItsOwnLeadUp() {
        RetroWindows windows = RetroWindows.of(AS_OF, RetroConfig.defaults());
        LocalDate late = windows.priorTo().minusDays(3);
        Move studied = move("AAA", late, 20);
        Move remined = move("AAA", late, 5);
        Move recent = move("CCC", AS_OF.minusDays(10), 5);
        MoveFeatures recentRow = new MoveFeatures(recent, CandidateDiscoveryTest.placeholder());
        LeadUpFeatures own = CandidateDiscoveryTest.placeholder();

        List<MoveFeatures> sample = Retrospective.windowSample(List.of(
                        new MoveFeatures(studied, CandidateDiscoveryTest.placeholder()), recentRow),
                List.of(remined, recent), m -> m.equals(remined) ? Optional.of(own) : Optional.empty());

        assertThat(sample).extracting(MoveFeatures::move).as("the counted moves, the late prior start kept")
                .containsExactly(remined, recent);
        assertThat(sample.get(0).features()).isSameAs(own);
        assertThat(sample.get(1)).isSameAs(recentRow);
    }

    @Test
    void shouldTestTickersWithoutASectorInTheMarketOnlyNotAsASector() {
        RetroWindows windows = RetroWindows.of(AS_OF, RetroConfig.defaults());
        List<Move> moves = List.of(move("AAA", AS_OF.minusDays(10), 5),
                move("BBB", "Unknown", AS_OF.minusDays(10)), move("CCC", "Unclassified", AS_OF.minusDays(11)));

        RegimeReport report = new RegimeDetector(RetroConfig.defaults()).detect(moves, windows, List.of(), List.of());

        assertThat(report.sectors()).extracting(RegimeRow::key).containsExactly("Energy");
        assertThat(report.market().test().recentN()).isEqualTo(3);
    }

    private static Move move(String ticker, LocalDate start, int windowDays) {
        return new Move(ticker, "Energy", MoveDirection.UP, windowDays, start, start.plusDays(2), 6.0, 100, 106);
    }

    private static Move move(String ticker, String sector, LocalDate start) {
        return new Move(ticker, sector, MoveDirection.UP, 5, start, start.plusDays(2), 6.0, 100, 106);
    }
}

