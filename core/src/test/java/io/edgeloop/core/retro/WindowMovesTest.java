package io.edgeloop.core.retro;

import io.edgeloop.core.candle.Candle;
import io.edgeloop.core.mining.DailyDataFixture;
import io.edgeloop.core.mining.MiningConfig;
import io.edgeloop.core.mining.Move;
import io.edgeloop.core.mining.MoveMiner;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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
        List<Move> study = new MoveMiner(mining).mine(cut, DailyDataFixture.sectors()).moves();
        assertThat(study).as("mined on all bars up to the as-of date, prior moves peak in the recent window too")
                .anyMatch(m -> windows.of(m.startDate()) == RetroWindows.Window.PRIOR
                        && m.peakDate().isAfter(windows.priorTo()));

        List<Move> counted = Retrospective.windowMoves(mining, study, cut, DailyDataFixture.sectors(), windows);

        List<Move> prior = counted.stream().filter(m -> windows.of(m.startDate()) == RetroWindows.Window.PRIOR).toList();
        assertThat(prior).isNotEmpty().allSatisfy(m -> assertThat(m.peakDate()).isBeforeOrEqualTo(windows.priorTo()));
        assertThat(counted).filteredOn(m -> windows.of(m.startDate()) == RetroWindows.Window.RECENT)
                .isEqualTo(study.stream().filter(m -> windows.of(m.startDate()) == RetroWindows.Window.RECENT).toList());
        assertThat(counted).allMatch(m -> windows.contains(m.startDate()));
    }
}
