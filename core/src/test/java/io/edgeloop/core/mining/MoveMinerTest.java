package io.edgeloop.core.mining;

import io.edgeloop.core.candle.Candle;
import io.edgeloop.core.candle.Timeframe;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class MoveMinerTest {

    /** A Monday whose weekday index is a multiple of 3: Mon..Wed form one start bucket. */
    private static final LocalDate MONDAY = LocalDate.of(2025, 6, 9);
    private static final MoveMiner MINER = new MoveMiner(MiningConfig.defaults());

    @Test
    void shouldMeasureUpMoveFromStartCloseToHighestHighOfTheWindow() {
        List<Candle> bars = Bars.hlc("T", MONDAY, Bars.VOLUME,
                new double[] {100, 100, 100}, new double[] {104, 99, 103}, new double[] {108, 102, 104},
                new double[] {106, 101, 102}, new double[] {101, 100, 100});

        List<Move> moves = new MoveMiner(config(List.of(3))).candidates("T", "Tech", bars);

        assertThat(moves).singleElement().satisfies(m -> {
            assertThat(m.direction()).isEqualTo(MoveDirection.UP);
            assertThat(m.windowDays()).isEqualTo(3);
            assertThat(m.startDate()).isEqualTo(MONDAY);
            assertThat(m.peakDate()).isEqualTo(MONDAY.plusDays(2));
            assertThat(m.magnitudePct()).isCloseTo(8.0, within(1e-9));
            assertThat(m.startClose()).isEqualTo(100);
            assertThat(m.peakPrice()).isEqualTo(108);
            assertThat(m.sector()).isEqualTo("Tech");
        });
    }

    @Test
    void shouldRecordDownMoveAsNegativeChangeToLowestLow() {
        List<Candle> bars = Bars.hlc("T", MONDAY, Bars.VOLUME,
                new double[] {50, 50, 50}, new double[] {50, 48, 49}, new double[] {49, 45, 46},
                new double[] {47, 45, 46}, new double[] {47, 46, 47});

        List<Move> moves = new MoveMiner(config(List.of(3))).candidates("T", "Tech", bars);

        assertThat(moves).filteredOn(m -> m.startDate().equals(MONDAY)).singleElement().satisfies(m -> {
            assertThat(m.direction()).isEqualTo(MoveDirection.DOWN);
            assertThat(m.magnitudePct()).isCloseTo(-10.0, within(1e-9));
            assertThat(m.sizePct()).isCloseTo(10.0, within(1e-9));
            assertThat(m.peakDate()).as("first bar reaching the low").isEqualTo(MONDAY.plusDays(2));
        });
    }

    @Test
    void shouldOnlyUseStartDaysWithAFullForwardWindow() {
        List<Candle> bars = Bars.closes("T", MONDAY, 100, 100, 100, 100, 120);

        List<Move> moves = new MoveMiner(config(List.of(3))).candidates("T", "X", bars);

        assertThat(moves).extracting(Move::startDate).containsExactly(MONDAY.plusDays(1));
    }

    @Test
    void shouldKeepLargestMoveOfABucketAcrossWindowsAndPreferShorterWindowOnTies() {
        List<Candle> bars = new ArrayList<>(Bars.closes("T", MONDAY,
                100, 106, 106, 106, 106, 106, 106, 106, 106, 106, 106, 106));

        List<Move> all = new MoveMiner(config(List.of(3, 5, 10))).candidates("T", "X", bars);
        List<Move> kept = new MoveMiner(config(List.of(3, 5, 10))).moves("T", "X", bars);

        assertThat(all).filteredOn(m -> m.startDate().equals(MONDAY)).extracting(Move::windowDays)
                .containsExactly(3, 5, 10);
        assertThat(kept).singleElement().satisfies(m -> {
            assertThat(m.startDate()).isEqualTo(MONDAY);
            assertThat(m.windowDays()).as("equal sizes: the shortest window wins").isEqualTo(3);
        });
    }

    @Test
    void shouldKeepOneMovePerDirectionAndBucketAndSeparateNeighbourBuckets() {
        // Mon..Wed share bucket b, Thu starts bucket b+1 (see startBucket). Tue has the lowest close.
        List<Candle> bars = Bars.closes("T", MONDAY, 100, 98, 99, 100, 110, 111, 112, 113);

        List<Move> kept = new MoveMiner(config(List.of(3))).moves("T", "X", bars);

        assertThat(MoveMiner.startBucket(MONDAY, 3)).isEqualTo(MoveMiner.startBucket(MONDAY.plusDays(2), 3));
        assertThat(MoveMiner.startBucket(MONDAY.plusDays(3), 3)).isEqualTo(MoveMiner.startBucket(MONDAY, 3) + 1);
        assertThat(kept).extracting(Move::startDate, Move::direction)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(MONDAY.plusDays(1), MoveDirection.UP),
                        org.assertj.core.groups.Tuple.tuple(MONDAY.plusDays(3), MoveDirection.UP));
        assertThat(kept.get(0).magnitudePct()).isCloseTo((110 - 98) / 98.0 * 100, within(1e-9));
    }

    @Test
    void shouldKeepUpAndDownMovesOfTheSameBucket() {
        List<Candle> bars = Bars.hlc("T", MONDAY, Bars.VOLUME,
                new double[] {100, 100, 100}, new double[] {110, 90, 100}, new double[] {100, 100, 100},
                new double[] {100, 100, 100});

        List<Move> kept = new MoveMiner(config(List.of(3))).moves("T", "X", bars);

        assertThat(kept).extracting(Move::direction).containsExactly(MoveDirection.UP, MoveDirection.DOWN);
    }

    @Test
    void shouldMapWeekdaysToStableBucketsOfThreeWeekdays() {
        LocalDate epochMonday = LocalDate.of(1970, 1, 5);
        assertThat(MoveMiner.startBucket(epochMonday, 3)).isZero();
        assertThat(MoveMiner.startBucket(epochMonday.plusDays(2), 3)).isZero();
        assertThat(MoveMiner.startBucket(epochMonday.plusDays(3), 3)).isEqualTo(1);
        assertThat(MoveMiner.startBucket(epochMonday.plusDays(5), 3))
                .as("Saturday takes Friday's bucket").isEqualTo(MoveMiner.startBucket(epochMonday.plusDays(4), 3));
        assertThat(MoveMiner.startBucket(epochMonday.plusDays(7), 3)).as("next Monday is weekday 5").isEqualTo(1);
        assertThat(MoveMiner.startBucket(epochMonday.minusDays(1), 3)).as("Sunday before, weekday -1").isEqualTo(-1);
    }

    @Test
    void shouldPickTheSameMovesWhateverTheHistoryStart() {
        List<Candle> bars = randomWalk("T", 400, new Random(7));
        List<Candle> later = bars.subList(37, bars.size());
        long cutBucket = MoveMiner.startBucket(DailySeries.exchangeDate(bars.get(36)), 3);
        LocalDate from = later.stream().map(DailySeries::exchangeDate)
                .filter(d -> MoveMiner.startBucket(d, 3) > cutBucket).findFirst().orElseThrow();

        List<Move> full = MINER.moves("T", "X", bars);
        List<Move> cut = MINER.moves("T", "X", later);

        assertThat(full).isNotEmpty();
        assertThat(cut.stream().filter(m -> !m.startDate().isBefore(from)).toList())
                .isEqualTo(full.stream().filter(m -> !m.startDate().isBefore(from)).toList());
    }

    @Test
    void shouldMatchBruteForceWindowExtremesOnRandomSeries() {
        MiningConfig config = MiningConfig.defaults();
        for (long seed = 1; seed <= 20; seed++) {
            List<Candle> bars = randomWalk("R", 150, new Random(seed));
            List<Move> fast = new MoveMiner(config).candidates("R", "X", bars);
            assertThat(fast).as("seed %d", seed).isEqualTo(bruteForce(bars, config));
        }
    }

    @Test
    void shouldExcludeShortAndIlliquidTickersWithTheirReason() {
        Map<String, List<Candle>> bars = Map.of(
                "SHORT", Bars.flat("SHORT", MONDAY, 19, 10, 5_000_000),
                "THIN", Bars.flat("THIN", MONDAY, 40, 10, 499_999),
                "OK", Bars.flat("OK", MONDAY, 20, 10, 500_000));

        MiningResult result = MINER.mine(bars, t -> null);

        assertThat(result.tickersMined()).isEqualTo(1);
        assertThat(result.barsScanned()).isEqualTo(20);
        assertThat(result.exclusions()).extracting(Exclusion::ticker, Exclusion::reason).containsExactly(
                org.assertj.core.groups.Tuple.tuple("SHORT", Exclusion.Reason.TOO_SHORT),
                org.assertj.core.groups.Tuple.tuple("THIN", Exclusion.Reason.ILLIQUID));
        assertThat(result.exclusionCounts()).containsEntry(Exclusion.Reason.TOO_SHORT, 1)
                .containsEntry(Exclusion.Reason.ILLIQUID, 1);
        assertThat(result.exclusions().get(1).avgVolume()).isEqualTo(499_999);
    }

    @Test
    void shouldJudgeLiquidityOnTheLastYearHoweverMuchHistoryCameBefore() {
        // 1,000 weekdays (about four years) of one volume, then 300 weekdays (about 14 months) of another
        Map<String, List<Candle>> full = Map.of(
                "RISEN", thenBars(Bars.flat("RISEN", MONDAY, 1_000, 10, 1_000), 300, 2_000_000),
                "FADED", thenBars(Bars.flat("FADED", MONDAY, 1_000, 10, 2_000_000), 300, 1_000));
        Map<String, List<Candle>> kept = new java.util.HashMap<>();
        full.forEach((ticker, bars) -> kept.put(ticker, bars.subList(bars.size() - 290, bars.size())));

        for (Map<String, List<Candle>> given : List.of(full, kept)) {
            MiningResult result = MINER.mine(given, t -> null);
            assertThat(result.tickersMined()).as("%d bars given", given.get("RISEN").size()).isEqualTo(1);
            assertThat(result.exclusions()).singleElement().satisfies(e -> {
                assertThat(e.ticker()).isEqualTo("FADED");
                assertThat(e.reason()).isEqualTo(Exclusion.Reason.ILLIQUID);
                assertThat(e.avgVolume()).as("the mean of the last year only").isEqualTo(1_000);
            });
        }
    }

    @Test
    void shouldCountTheBarsOfExactlyTheLastLiquidityDaysUpToTheTickersLastBar() {
        // A 10-day window ending Friday 2024-01-19 starts Wednesday 2024-01-10: the bars of
        // 01-10 (400) to 01-19 count, the bar of 01-09 (the day before) does not.
        MiningConfig tenDays = new MiningConfig(2, 2_000, 10, List.of(3), 5.0, 3);
        LocalDate first = LocalDate.of(2024, 1, 1);
        List<Candle> bars = new ArrayList<>(Bars.flat("T", first, 6, 10, 0));     // 01-01 .. 01-08
        bars.addAll(Bars.flat("T", LocalDate.of(2024, 1, 9), 1, 10, 1_000_000)); // 01-09, outside
        bars.addAll(Bars.flat("T", LocalDate.of(2024, 1, 10), 1, 10, 400));      // 01-10, inside
        bars.addAll(Bars.flat("T", LocalDate.of(2024, 1, 11), 7, 10, 1_600));    // 01-11 .. 01-19

        MiningResult result = new MoveMiner(tenDays).mine(Map.of("T", bars), t -> null);

        assertThat(result.exclusions()).singleElement().satisfies(e -> {
            assertThat(e.reason()).isEqualTo(Exclusion.Reason.ILLIQUID);
            assertThat(e.avgVolume()).isEqualTo((400 + 7 * 1_600) / 8.0);
        });
    }

    @Test
    void shouldRefuseALiquidityWindowUnderOneDay() {
        assertThatThrownBy(() -> new MiningConfig(20, 0, 0, List.of(3), 5, 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("liquidityDays must be >= 1");
    }

    /** {@code bars} followed by {@code n} flat weekday bars at the same price with another volume. */
    private static List<Candle> thenBars(List<Candle> bars, int n, double volume) {
        Candle last = bars.get(bars.size() - 1);
        LocalDate next = java.time.Instant.ofEpochMilli(last.openTime()).atZone(java.time.ZoneOffset.UTC).toLocalDate()
                .plusDays(1);
        List<Candle> all = new ArrayList<>(bars);
        all.addAll(Bars.flat(last.ticker(), next, n, last.close(), volume));
        return all;
    }

    @Test
    void shouldUseUnknownSectorWhenTheMapHasNone() {
        List<Candle> bars = new ArrayList<>(Bars.flat("T", MONDAY, 20, 10, 1_000_000));
        bars.addAll(Bars.closes("T", MONDAY.plusDays(28), 12, 12, 12, 12));

        MiningResult result = MINER.mine(Map.of("T", bars), t -> null);

        assertThat(result.moves()).isNotEmpty().allSatisfy(m -> assertThat(m.sector()).isEqualTo(Move.UNKNOWN_SECTOR));
    }

    @Test
    void shouldRejectDuplicateExchangeDatesWithAClearMessage() {
        List<Candle> bars = new ArrayList<>(Bars.closes("T", MONDAY, 1, 2, 3));
        bars.add(bars.get(2));

        assertThatThrownBy(() -> MINER.moves("T", "X", bars))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("strictly ascending exchange dates");
    }

    @Test
    void shouldRejectIntradayBars() {
        Candle hourly = new Candle("T", Timeframe.H1, 0, 1, 1, 1, 1, 1, "test");

        assertThatThrownBy(() -> MINER.moves("T", "X", List.of(hourly)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs daily bars");
    }

    @Test
    void shouldRejectWindowsThatAreNotAscending() {
        assertThatThrownBy(() -> new MiningConfig(20, 0, 30, List.of(5, 3), 5, 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("strictly ascending");
    }

    private static MiningConfig config(List<Integer> windows) {
        return new MiningConfig(2, 0, 30, windows, 5.0, 3);
    }

    static List<Candle> randomWalk(String ticker, int n, Random random) {
        double[][] hlc = new double[n][];
        double close = 50;
        for (int i = 0; i < n; i++) {
            double next = Math.max(1, close * (1 + random.nextGaussian() * 0.04));
            double high = Math.max(close, next) * (1 + random.nextDouble() * 0.03);
            double low = Math.min(close, next) * (1 - random.nextDouble() * 0.03);
            if (random.nextInt(10) == 0) {
                high = Math.round(high);
            }
            hlc[i] = new double[] {high, low, next};
            close = next;
        }
        return Bars.hlc(ticker, LocalDate.of(2020, 1, 6), Bars.VOLUME, hlc);
    }

    /** The definition, computed the slow way: O(n x w) per window. */
    private static List<Move> bruteForce(List<Candle> bars, MiningConfig config) {
        List<Move> moves = new ArrayList<>();
        for (int w : config.windows()) {
            for (int i = 0; i + w < bars.size(); i++) {
                Candle start = bars.get(i);
                int hi = i + 1;
                int lo = i + 1;
                for (int j = i + 1; j <= i + w; j++) {
                    if (bars.get(j).high() > bars.get(hi).high()) {
                        hi = j;
                    }
                    if (bars.get(j).low() < bars.get(lo).low()) {
                        lo = j;
                    }
                }
                double up = (bars.get(hi).high() - start.close()) / start.close() * 100;
                double down = (bars.get(lo).low() - start.close()) / start.close() * 100;
                if (bars.get(hi).high() >= MoveThreshold.upTarget(start.close(), config.minMovePct())) {
                    moves.add(new Move("R", "X", MoveDirection.UP, w, DailySeries.exchangeDate(start),
                            DailySeries.exchangeDate(bars.get(hi)), up, start.close(), bars.get(hi).high()));
                }
                if (bars.get(lo).low() <= MoveThreshold.downTarget(start.close(), config.minMovePct())) {
                    moves.add(new Move("R", "X", MoveDirection.DOWN, w, DailySeries.exchangeDate(start),
                            DailySeries.exchangeDate(bars.get(lo)), down, start.close(), bars.get(lo).low()));
                }
            }
        }
        moves.sort(MoveMiner.ORDER);
        return moves;
    }

    @Test
    void shouldFindAMoveOfExactlyTheThresholdAsTheRetrospectivesHitRuleDoes() {
        // 3.40 -> 3.57 is exactly +5% and 3.40 -> 3.23 exactly -5% ("|close-to-peak| >= 5%"); in double
        // arithmetic (3.57 - 3.40) / 3.40 x 100 = 4.999999999999998, so the miner drops both, while
        // PriceSeries.outcome ("the move miner's close-to-peak rule") counts 3.57 >= 3.40 x 1.05 as a hit
        List<Candle> up = Bars.hlc("T", MONDAY, Bars.VOLUME,
                new double[] {3.40, 3.40, 3.40}, new double[] {3.57, 3.40, 3.45}, new double[] {3.45, 3.40, 3.42},
                new double[] {3.45, 3.40, 3.42});
        List<Candle> down = Bars.hlc("T", MONDAY, Bars.VOLUME,
                new double[] {3.40, 3.40, 3.40}, new double[] {3.40, 3.23, 3.30}, new double[] {3.40, 3.30, 3.35},
                new double[] {3.40, 3.30, 3.35});

        assertThat(new MoveMiner(config(List.of(3))).candidates("T", "Tech", up))
                .as("UP candidate from 3.40 to a high of 3.57")
                .anySatisfy(m -> assertThat(m.direction()).isEqualTo(MoveDirection.UP));
        assertThat(new MoveMiner(config(List.of(3))).candidates("T", "Tech", down))
                .as("DOWN candidate from 3.40 to a low of 3.23")
                .anySatisfy(m -> assertThat(m.direction()).isEqualTo(MoveDirection.DOWN));
    }
}
