package io.edgeloop.core.candle;

import io.edgeloop.core.candle.NormalisedSeries.DropReason;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CandleNormaliserTest {

    private static final Logger LOG = LoggerFactory.getLogger(CandleNormaliserTest.class);
    private static final List<String> HISTORY = List.of("SPY", "QQQ", "IWM", "GLD", "MSTR", "NVDA", "TSLA", "UNH", "USO", "XLE");
    private static SectorMap sectors;

    @BeforeAll
    static void readSectors() throws IOException {
        sectors = SectorMap.read(TestData.file("sectors.json"));
    }

    private static NormalisedSeries universe(String ticker) {
        ParsedFile f = TestData.read("universe-daily/" + ticker.replace('!', '_') + "-D.json");
        return CandleNormaliser.normalise(f.candles(), sectors.assetClass(f.ticker()).calendar());
    }

    private static Map<Long, Candle> byDay(List<Candle> candles) {
        return candles.stream().collect(Collectors.toMap(c -> EpochDays.ofMillis(c.openTime()), Function.identity(),
                (a, b) -> a, TreeMap::new));
    }

    private static Candle on(NormalisedSeries s, String date) {
        return byDay(s.candles()).get(LocalDate.parse(date).toEpochDay());
    }

    @Test
    void shouldKeepOneBarPerSessionDayForEveryUniverseFile() {
        int input = 0;
        int kept = 0;
        int conflicts = 0;
        Map<DropReason, Integer> drops = new EnumMap<>(DropReason.class);
        for (Path p : TestData.universeFiles()) {
            ParsedFile f = TestData.read(TestData.dir().relativize(p).toString());
            SessionCalendar calendar = sectors.assetClass(f.ticker()).calendar();
            NormalisedSeries s = CandleNormaliser.normalise(f.candles(), calendar);
            long previous = Long.MIN_VALUE;
            for (Candle c : s.candles()) {
                assertThat(c.openTime()).as(f.ticker()).isGreaterThan(previous);
                assertThat(c.openTime() % EpochDays.DAY_MS).as(f.ticker()).isZero();
                assertThat(calendar.isSessionDay(EpochDays.ofMillis(c.openTime()))).as(f.ticker()).isTrue();
                previous = c.openTime();
            }
            assertThat(s.candles().size() + s.dropped().size()).isEqualTo(s.input());
            input += s.input();
            kept += s.candles().size();
            conflicts += s.conflicts();
            s.counts().forEach((r, n) -> drops.merge(r, n, Integer::sum));
        }
        LOG.info("universe-daily: {} bars in, {} kept, dropped {}, {} same-date conflicts", input, kept, drops, conflicts);
        assertThat(input).isEqualTo(117_616);
        assertThat(kept).isEqualTo(67_455);
        assertThat(drops).containsEntry(DropReason.SECONDARY_SOURCE, 50_150)
                .containsEntry(DropReason.NOT_A_SESSION_DAY, 3)
                .containsEntry(DropReason.SOURCE_MISMATCH, 4)
                .containsEntry(DropReason.STALE_REPEAT, 4)
                .containsEntry(DropReason.DUPLICATE, 0)
                .containsEntry(DropReason.REVISED, 0);
    }

    @Test
    void shouldMatchTheExchangeDailyBarsOfTheHistoryFilesOnEveryOverlappingDate() {
        for (String ticker : HISTORY) {
            Map<Long, Candle> mine = byDay(universe(ticker).candles());
            Map<Long, Candle> exchange = byDay(TestData.normalised("history/" + ticker + "_D.json", SessionCalendar.US_EQUITY));
            long from = ((TreeMap<Long, Candle>) mine).firstKey();
            long to = ((TreeMap<Long, Candle>) mine).lastKey();
            int compared = 0;
            int matched = 0;
            for (Map.Entry<Long, Candle> e : exchange.entrySet()) {
                if (e.getKey() < from || e.getKey() > to) {
                    continue;
                }
                Candle m = mine.get(e.getKey());
                assertThat(m).as(ticker + " has a bar on " + LocalDate.ofEpochDay(e.getKey())).isNotNull();
                compared++;
                matched += within(m, e.getValue(), 1e-3) ? 1 : 0;
            }
            long extra = mine.keySet().stream().filter(d -> !exchange.containsKey(d)).count();
            LOG.info("{}: {} dates compared with history D, {} match within 0.1%, {} dates not in history",
                    ticker, compared, matched, extra);
            assertThat(compared).isGreaterThan(260);
            assertThat(matched).as(ticker).isEqualTo(compared);
            assertThat(extra).as(ticker).isZero();
        }
    }

    private static boolean within(Candle a, Candle b, double tolerance) {
        return Math.abs(a.open() / b.open() - 1) <= tolerance && Math.abs(a.high() / b.high() - 1) <= tolerance
                && Math.abs(a.low() / b.low() - 1) <= tolerance && Math.abs(a.close() / b.close() - 1) <= tolerance;
    }

    @Test
    void shouldPreferTheUtcMidnightSourceOverABadTickOfTheNewYorkMidnightSource() {
        NormalisedSeries spy = universe("SPY");
        assertThat(on(spy, "2026-02-02").low()).isEqualTo(689.41998);
        assertThat(spy.dropped()).anySatisfy(d -> {
            assertThat(d.reason()).isEqualTo(DropReason.SECONDARY_SOURCE);
            assertThat(d.candle().low()).isEqualTo(69.005);
            assertThat(d.detail()).contains("EXCHANGE_MIDNIGHT").contains("conflicting by 89.99%");
        });
    }

    @Test
    void shouldDropTheMidSessionSnapshotOfADayThatHasAFullBar() {
        NormalisedSeries spy = universe("SPY");
        assertThat(on(spy, "2026-01-30").close()).isEqualTo(691.96997);
        assertThat(spy.dropped()).anySatisfy(d ->
                assertThat(Instant.ofEpochMilli(d.candle().openTime())).isEqualTo(Instant.parse("2026-01-30T21:00:00Z")));
    }

    @Test
    void shouldFillADateOnlyTheSecondSourceHas() {
        Candle first = universe("SPY").candles().get(0);
        assertThat(first.openTime()).isEqualTo(LocalDate.parse("2025-03-26").toEpochDay() * EpochDays.DAY_MS);
        assertThat(first.close()).isEqualTo(568.59);
    }

    @Test
    void shouldDropTheStaleRepeatOfChristmasEve() {
        NormalisedSeries spy = universe("SPY");
        assertThat(on(spy, "2025-12-24")).isNotNull();
        assertThat(on(spy, "2025-12-25")).isNull();
        assertThat(spy.count(DropReason.STALE_REPEAT)).isEqualTo(1);
    }

    @Test
    void shouldDropBarsOfAnotherInstrumentMixedIntoAFile() {
        NormalisedSeries gold = universe("GOLD");
        assertThat(gold.count(DropReason.SOURCE_MISMATCH)).isEqualTo(4);
        assertThat(gold.candles()).allSatisfy(c -> assertThat(c.close()).isLessThan(100));
    }

    @Test
    void shouldLabelAFuturesEveningStampWithTheNextTradeDate() {
        Candle first = universe("ES1!").candles().get(0);
        assertThat(EpochDays.toLocalDate(EpochDays.ofMillis(first.openTime()))).isEqualTo(LocalDate.parse("2024-08-30"));
        assertThat(first.open()).isEqualTo(5973.25);
    }

    @Test
    void shouldLabelCryptoDaysByUtcDateIncludingWeekends() {
        NormalisedSeries btc = universe("BTCUSD");
        assertThat(btc.candles()).hasSize(500);
        assertThat(btc.dropped()).isEmpty();
    }

    @Test
    void shouldBeIdempotent() {
        for (Path p : TestData.universeFiles()) {
            ParsedFile f = TestData.read(TestData.dir().relativize(p).toString());
            SessionCalendar calendar = sectors.assetClass(f.ticker()).calendar();
            List<Candle> once = CandleNormaliser.normalise(f.candles(), calendar).candles();
            NormalisedSeries twice = CandleNormaliser.normalise(once, calendar);
            assertThat(twice.candles()).as(f.ticker()).isEqualTo(once);
            assertThat(twice.dropped()).isEmpty();
        }
    }

    @Test
    void shouldLabelWeeklyBarsWithTheirMondayEvenAfterAHolidayMonday() {
        List<Candle> weeks = TestData.normalised("history/SPY_W.json", SessionCalendar.US_EQUITY);
        assertThat(weeks).hasSize(1743);
        assertThat(weeks).allSatisfy(c -> assertThat(EpochDays.dayOfWeek(EpochDays.ofMillis(c.openTime()))).isZero());
    }

    @Test
    void shouldKeepTheLastOfRowsWithTheSameOpenTime() {
        Candle a = new Candle("X", Timeframe.H1, 3_600_000L * 500_000, 10, 11, 9, 10, 5, "t");
        Candle b = new Candle("X", Timeframe.H1, 3_600_000L * 500_001, 10, 11, 9, 10.5, 5, "t");
        Candle bRevised = new Candle("X", Timeframe.H1, b.openTime(), 10, 11, 9, 10.7, 6, "t");
        NormalisedSeries s = CandleNormaliser.normalise(List.of(b, a, a, bRevised), SessionCalendar.US_EQUITY);
        assertThat(s.candles()).containsExactly(a, bRevised);
        assertThat(s.count(DropReason.DUPLICATE)).isEqualTo(1);
        assertThat(s.count(DropReason.REVISED)).isEqualTo(1);
    }

    @Test
    void shouldRefuseToMixSeries() {
        Candle a = new Candle("X", Timeframe.D1, EpochDays.DAY_MS * 20_000, 10, 11, 9, 10, 5, "t");
        Candle b = new Candle("Y", Timeframe.D1, EpochDays.DAY_MS * 20_001, 10, 11, 9, 10, 5, "t");
        assertThatThrownBy(() -> CandleNormaliser.normalise(List.of(a, b), SessionCalendar.US_EQUITY))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("X D and Y D");
    }
}
