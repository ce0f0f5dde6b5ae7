package io.edgeloop.core.mining;

import io.edgeloop.core.candle.Candle;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The miner on the real daily files of the shared data folder. */
class MoveMinerRealDataTest {

    private static final Logger LOG = LoggerFactory.getLogger(MoveMinerRealDataTest.class);
    private static final LocalDate BMNR_START = LocalDate.of(2025, 6, 27);

    @Test
    void shouldFindTheBmnrRunUpInTheThreeAndFiveDayWindows() {
        List<Candle> bmnr = DailyDataFixture.universeDaily("BMNR");

        List<Move> candidates = new MoveMiner(MiningConfig.defaults()).candidates("BMNR", "Health Care", bmnr);

        Move three = single(candidates, 3);
        assertThat(three.startClose()).isEqualTo(4.265);
        assertThat(three.peakDate()).isEqualTo(LocalDate.of(2025, 7, 1));
        assertThat(three.peakPrice()).isEqualTo(74.8);
        assertThat(three.magnitudePct()).isGreaterThan(1000).isCloseTo(1653.8, within(0.1));
        Move five = single(candidates, 5);
        assertThat(five.peakDate()).isEqualTo(LocalDate.of(2025, 7, 3));
        assertThat(five.peakPrice()).isEqualTo(161);
        assertThat(five.magnitudePct()).isGreaterThan(1000).isCloseTo(3674.9, within(0.1));
        assertThat(candidates).filteredOn(m -> m.direction() == MoveDirection.UP && m.magnitudePct() > 1000)
                .extracting(Move::startDate).allSatisfy(d -> assertThat(d).isBetween(
                        LocalDate.of(2025, 6, 1), BMNR_START));
    }

    @Test
    void shouldKeepTheFiveDayBmnrMoveAfterDeduplication() {
        MiningResult result = new MoveMiner(MiningConfig.defaults())
                .mine(Map.of("BMNR", DailyDataFixture.universeDaily("BMNR")), DailyDataFixture.sectors());

        assertThat(result.moves()).filteredOn(m -> m.startDate().equals(BMNR_START) && m.direction() == MoveDirection.UP)
                .singleElement().satisfies(m -> {
                    assertThat(m.windowDays()).as("largest of the bucket, shortest window on ties").isEqualTo(5);
                    assertThat(m.peakDate()).isEqualTo(LocalDate.of(2025, 7, 3));
                    assertThat(m.magnitudePct()).isCloseTo(3674.9, within(0.1));
                    assertThat(m.sector()).isEqualTo("Health Care");
                });
    }

    @Test
    void shouldMineAllDailyDataWellUnderTenSeconds() {
        Map<String, List<Candle>> daily = DailyDataFixture.allDaily();
        Function<String, String> sectors = DailyDataFixture.sectors();
        long t1 = System.nanoTime();
        MoveMiner miner = new MoveMiner(MiningConfig.defaults());
        miner.mine(daily, sectors);
        long t2 = System.nanoTime();
        MiningResult result = miner.mine(daily, sectors);
        long t3 = System.nanoTime();

        long bars = daily.values().stream().mapToLong(List::size).sum();
        double mineMs = (t3 - t2) / 1e6;
        LOG.info("daily data: {} tickers, {} bars after one-bar-per-date", daily.size(), bars);
        LOG.info("mined {} tickers ({} bars): {} candidates, {} moves ({} UP, {} DOWN) in {} tickers; excluded {}",
                result.tickersMined(), result.barsScanned(), result.candidates(), result.moves().size(),
                result.upCount(), result.downCount(), result.tickersWithMoves(), result.exclusionCounts());
        LOG.info("mining took {} ms (first run {} ms), {} ms per 1M bars",
                String.format("%.1f", mineMs), Math.round((t2 - t1) / 1e6),
                String.format("%.1f", mineMs / bars * 1e6));
        result.exclusions().forEach(e -> LOG.info("excluded {} {}: {} bars, average volume {}",
                e.ticker(), e.reason(), e.bars(), Math.round(e.avgVolume())));
        result.countsByWindow().forEach((w, c) -> LOG.info("window {}d: {} UP, {} DOWN", w, c[0], c[1]));

        assertThat(mineMs).isLessThan(10_000);
        assertThat(result.tickersMined()).isGreaterThan(200);
        assertThat(result.upCount()).isPositive();
        assertThat(result.downCount()).isPositive();
        assertThat(result.moves()).anySatisfy(m -> {
            assertThat(m.ticker()).isEqualTo("BMNR");
            assertThat(m.startDate()).isEqualTo(BMNR_START);
        });
        assertThat(result.exclusions()).isNotEmpty().allSatisfy(e -> assertThat(
                e.reason() == Exclusion.Reason.TOO_SHORT ? e.bars() < 20 : e.avgVolume() < 500_000).isTrue());
    }

    private static Move single(List<Move> candidates, int window) {
        return candidates.stream()
                .filter(m -> m.windowDays() == window && m.direction() == MoveDirection.UP
                        && m.startDate().equals(BMNR_START))
                .findFirst().orElseThrow(() -> new AssertionError("no " + window + "-day BMNR move from " + BMNR_START));
    }
}
