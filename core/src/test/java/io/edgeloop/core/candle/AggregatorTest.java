package io.edgeloop.core.candle;

import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static io.edgeloop.core.candle.Timeframe.D1;
import static io.edgeloop.core.candle.Timeframe.H1;
import static io.edgeloop.core.candle.Timeframe.H4;
import static io.edgeloop.core.candle.Timeframe.MN1;
import static io.edgeloop.core.candle.Timeframe.W1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AggregatorTest {

    private static final Logger LOG = LoggerFactory.getLogger(AggregatorTest.class);
    private static final double TOLERANCE = 1e-3;

    /** Feeds base candles and collects every closed bar per timeframe. */
    private static Map<Timeframe, List<Candle>> aggregate(List<Candle> base, SessionCalendar calendar, Set<Timeframe> targets) {
        Aggregator aggregator = new Aggregator(calendar, base.get(0).interval(), targets);
        Map<Timeframe, List<Candle>> closed = new TreeMap<>();
        for (Timeframe tf : targets) {
            closed.put(tf, new ArrayList<>());
        }
        for (Candle c : base) {
            aggregator.update(c, bar -> closed.get(bar.timeframe()).add(bar.toCandle(c.ticker(), "aggregated")));
        }
        return closed;
    }

    private static Map<Long, Candle> byOpenTime(List<Candle> candles) {
        Map<Long, Candle> m = new TreeMap<>();
        candles.forEach(c -> m.put(c.openTime(), c));
        return m;
    }

    private static boolean pricesMatch(BarView a, BarView b) {
        return rel(a.open(), b.open()) <= TOLERANCE && rel(a.high(), b.high()) <= TOLERANCE
                && rel(a.low(), b.low()) <= TOLERANCE && rel(a.close(), b.close()) <= TOLERANCE;
    }

    private static double rel(double a, double b) {
        return Math.abs(a / b - 1);
    }

    /** How an aggregated series compares with a reference series of the same timeframe. */
    private record Match(int compared, int ohlc, int close, int missing) {
        double ohlcRate() {
            return (double) ohlc / compared;
        }

        double closeRate() {
            return (double) close / compared;
        }
    }

    /** Compares the reference bars strictly inside the aggregated range with the aggregate. */
    private static Match compare(String label, List<Candle> aggregated, List<Candle> reference) {
        Map<Long, Candle> mine = byOpenTime(aggregated);
        long from = aggregated.get(0).openTime();
        long to = aggregated.get(aggregated.size() - 1).openTime();
        int compared = 0;
        int ohlc = 0;
        int close = 0;
        int missing = 0;
        for (Candle r : reference) {
            if (r.openTime() <= from || r.openTime() >= to) {
                continue;
            }
            Candle m = mine.get(r.openTime());
            compared++;
            if (m == null) {
                missing++;
                continue;
            }
            ohlc += pricesMatch(m, r) ? 1 : 0;
            close += rel(m.close(), r.close()) <= TOLERANCE ? 1 : 0;
        }
        Match match = new Match(compared, ohlc, close, missing);
        LOG.info("{}: {} bars compared; OHLC within 0.1%: {}; close within 0.1%: {}; {} without an aggregate",
                label, compared, String.format("%.1f%%", match.ohlcRate() * 100),
                String.format("%.1f%%", match.closeRate() * 100), missing);
        return match;
    }

    /**
     * The hourly files are clipped to the regular session and their first bar opens with the
     * first trade, while the exchange's daily bar opens with the opening auction and its high,
     * low and close may be auction prints: most mismatches are those (see NORMALISATION.md).
     * MSTR's hourly history before 2023 misses whole hours and four whole days; it is logged only.
     */
    @Test
    void shouldAggregateHourlyHistoryToTheExchangeDailyAndWeeklyBars() {
        for (String ticker : List.of("SPY", "QQQ", "IWM", "GLD", "NVDA", "TSLA", "UNH", "USO", "XLE", "MSTR")) {
            List<Candle> hourly = TestData.read("history/" + ticker + "_60.json").candles();
            Map<Timeframe, List<Candle>> out = aggregate(hourly, SessionCalendar.US_EQUITY, EnumSet.of(H4, D1, W1));
            Match daily = compare(ticker + " 60 -> D vs " + ticker + "_D", out.get(D1),
                    TestData.normalised("history/" + ticker + "_D.json", SessionCalendar.US_EQUITY));
            Match weekly = compare(ticker + " 60 -> W vs " + ticker + "_W", out.get(W1),
                    TestData.normalised("history/" + ticker + "_W.json", SessionCalendar.US_EQUITY));
            if (ticker.equals("MSTR")) {
                continue;
            }
            assertThat(daily.missing()).as(ticker).isZero();
            assertThat(weekly.missing()).as(ticker).isZero();
            assertThat(daily.closeRate()).as(ticker + " D close").isGreaterThanOrEqualTo(0.9);
            if (List.of("SPY", "QQQ", "IWM", "GLD").contains(ticker)) {
                assertThat(daily.ohlcRate()).as(ticker + " D").isGreaterThanOrEqualTo(0.95);
                assertThat(weekly.ohlcRate()).as(ticker + " W").isGreaterThanOrEqualTo(0.90);
            }
        }
    }

    @Test
    void shouldAggregateNormalisedUniverseDailyToTheExchangeWeeklyBars() {
        for (String ticker : List.of("SPY", "QQQ", "IWM", "GLD", "NVDA", "TSLA", "UNH", "USO", "XLE", "MSTR")) {
            List<Candle> daily = TestData.normalised("universe-daily/" + ticker + "-D.json", SessionCalendar.US_EQUITY);
            Map<Timeframe, List<Candle>> out = aggregate(daily, SessionCalendar.US_EQUITY, EnumSet.of(W1, MN1));
            Match weekly = compare(ticker + " universe D -> W vs " + ticker + "_W", out.get(W1),
                    TestData.normalised("history/" + ticker + "_W.json", SessionCalendar.US_EQUITY));
            assertThat(weekly.ohlc()).as(ticker).isEqualTo(weekly.compared());
            List<Candle> exchangeDaily = TestData.normalised("history/" + ticker + "_D.json", SessionCalendar.US_EQUITY);
            Match monthly = compare(ticker + " universe D -> M vs history D -> M", out.get(MN1),
                    aggregate(exchangeDaily, SessionCalendar.US_EQUITY, EnumSet.of(MN1)).get(MN1));
            assertThat(monthly.ohlc()).as(ticker).isEqualTo(monthly.compared());
        }
    }

    @Test
    void shouldAggregateCoinbaseFourHourBarsToCoinbaseDailyBars() {
        List<Candle> h4 = TestData.read("crypto/Coinbase-ETH-USD-PT4H-20160518_20251028.json").candles();
        Map<Timeframe, List<Candle>> out = aggregate(h4, SessionCalendar.CRYPTO, EnumSet.of(D1, W1));
        Match match = compare("ETH-USD 4h -> D vs Coinbase daily", out.get(D1),
                TestData.read("crypto/Coinbase-ETH-USD-PT1D-20160517_20260310.json").candles());
        assertThat(match.ohlcRate()).isGreaterThanOrEqualTo(0.99);
        assertThat(out.get(W1)).allSatisfy(c -> assertThat(EpochDays.dayOfWeek(EpochDays.ofMillis(c.openTime()))).isZero());
    }

    @Test
    void shouldShowTheFormingBarAsItStandsAfterEachBaseBarWithoutLookAhead() {
        List<Candle> hourly = TestData.read("history/SPY_60.json").candles();
        Aggregator aggregator = new Aggregator(SessionCalendar.US_EQUITY, H1, EnumSet.of(H4, D1, W1));
        for (int i = 0; i < hourly.size(); i++) {
            Candle now = hourly.get(i);
            aggregator.update(now, null);
            for (Timeframe tf : List.of(H4, D1, W1)) {
                MutableBar latest = aggregator.latest(tf);
                assertThat(latest.lastBaseTime()).isEqualTo(now.openTime());
                BarView expected = bruteForce(hourly, i, tf);
                assertThat(latest.openTime()).isEqualTo(expected.openTime());
                assertThat(latest.open()).isEqualTo(expected.open());
                assertThat(latest.high()).isEqualTo(expected.high());
                assertThat(latest.low()).isEqualTo(expected.low());
                assertThat(latest.close()).isEqualTo(now.close());
                assertThat(latest.volume()).isCloseTo(expected.volume(), org.assertj.core.data.Offset.offset(1e-6));
                MutableBar closed = aggregator.lastClosed(tf);
                if (!closed.isEmpty() && closed != latest) {
                    assertThat(closed.lastBaseTime()).isLessThan(now.openTime());
                }
            }
        }
    }

    /** The bar of tf holding base bar i, built from base bars up to and including i only. */
    private static BarView bruteForce(List<Candle> base, int i, Timeframe tf) {
        long key = periodOf(base.get(i), tf);
        int first = i;
        while (first > 0 && periodOf(base.get(first - 1), tf) == key) {
            first--;
        }
        double high = Double.NEGATIVE_INFINITY;
        double low = Double.POSITIVE_INFINITY;
        double volume = 0;
        for (int k = first; k <= i; k++) {
            high = Math.max(high, base.get(k).high());
            low = Math.min(low, base.get(k).low());
            volume += base.get(k).volume();
        }
        long openTime = tf.intraday() ? key : key * EpochDays.DAY_MS;
        return new Candle("X", tf, openTime, base.get(first).open(), high, low, base.get(i).close(), volume, "brute");
    }

    private static long periodOf(Candle c, Timeframe tf) {
        SessionCalendar cal = SessionCalendar.US_EQUITY;
        long day = cal.sessionDay(c.openTime());
        return switch (tf) {
            case D1 -> day;
            case W1 -> EpochDays.weekStart(day);
            default -> cal.bucketStart(c.openTime(), tf.lengthMillis());
        };
    }

    @Test
    void shouldCutFourHourBarsAtTheSessionAnchors() {
        List<Candle> day = TestData.read("history/SPY_60.json").candles().stream()
                .filter(c -> EpochDays.toLocalDate(SessionCalendar.US_EQUITY.sessionDay(c.openTime())).toString().equals("2025-07-14"))
                .toList();
        assertThat(day).hasSize(7);
        List<Candle> bars = aggregate(day, SessionCalendar.US_EQUITY, EnumSet.of(H4)).get(H4);
        assertThat(bars).extracting(c -> Instant.ofEpochMilli(c.openTime()))
                .containsExactly(Instant.parse("2025-07-14T13:30:00Z"), Instant.parse("2025-07-14T17:30:00Z"));
        assertThat(bars.get(0).open()).isEqualTo(day.get(0).open());
        assertThat(bars.get(0).close()).isEqualTo(day.get(3).close());
        assertThat(bars.get(1).close()).isEqualTo(day.get(6).close());
    }

    @Test
    void shouldCloseAHalfDayAtTheNextBarOrWhenStreamTimePassesTheClose() {
        List<Candle> hourly = TestData.read("history/SPY_60.json").candles();
        List<Candle> christmasEve = hourly.stream()
                .filter(c -> EpochDays.toLocalDate(SessionCalendar.US_EQUITY.sessionDay(c.openTime())).toString().equals("2025-12-24"))
                .toList();
        assertThat(christmasEve).hasSize(4);
        Aggregator aggregator = new Aggregator(SessionCalendar.US_EQUITY, H1, EnumSet.of(D1));
        List<Candle> closed = new ArrayList<>();
        for (Candle c : christmasEve) {
            aggregator.update(c, bar -> closed.add(bar.toCandle("SPY", "agg")));
        }
        assertThat(closed).isEmpty();
        assertThat(aggregator.forming(D1).baseCount()).isEqualTo(4);
        long close = SessionCalendar.US_EQUITY.sessionClose(SessionCalendar.US_EQUITY.sessionDay(christmasEve.get(0).openTime()));
        assertThat(aggregator.advanceTo(close - 1, null)).isZero();
        assertThat(aggregator.advanceTo(close, bar -> closed.add(bar.toCandle("SPY", "agg")))).isEqualTo(1);
        assertThat(closed).hasSize(1);
        assertThat(closed.get(0).close()).isEqualTo(christmasEve.get(3).close());
        assertThat(aggregator.forming(D1).isEmpty()).isTrue();
        assertThat(aggregator.latest(D1).baseCount()).isEqualTo(4);
    }

    @Test
    void shouldCloseTheWeekOnFridayOrWhenTheNextWeekStarts() {
        List<Candle> daily = TestData.normalised("universe-daily/SPY-D.json", SessionCalendar.US_EQUITY);
        Aggregator aggregator = new Aggregator(SessionCalendar.US_EQUITY, D1, EnumSet.of(W1));
        for (Candle c : daily) {
            int closed = aggregator.update(c, null);
            boolean friday = EpochDays.dayOfWeek(EpochDays.ofMillis(c.openTime())) == 4;
            if (friday) {
                assertThat(closed).as(Instant.ofEpochMilli(c.openTime()).toString()).isEqualTo(1);
            }
        }
        long goodFriday2026 = java.time.LocalDate.parse("2026-04-06").toEpochDay() * EpochDays.DAY_MS;
        assertThat(daily).anySatisfy(c -> assertThat(c.openTime()).isEqualTo(goodFriday2026));
    }

    @Test
    void shouldIgnoreBarsOutsideTheRegularSessionAndOutOfOrder() {
        Aggregator aggregator = Aggregator.allTimeframes(SessionCalendar.US_EQUITY, H1);
        assertThat(aggregator.targets()).containsExactly(H4, D1, W1, MN1);
        long preMarket = Instant.parse("2025-07-14T12:00:00Z").toEpochMilli();
        assertThat(aggregator.update(preMarket, 1, 1, 1, 1, 1, null)).isEqualTo(-1);
        assertThat(aggregator.ignoredOutsideSession()).isEqualTo(1);
        long open = Instant.parse("2025-07-14T13:30:00Z").toEpochMilli();
        assertThat(aggregator.update(open, 1, 1, 1, 1, 1, null)).isZero();
        assertThat(aggregator.update(open, 1, 1, 1, 1, 1, null)).isEqualTo(-1);
        assertThat(aggregator.ignoredOutOfOrder()).isEqualTo(1);
    }

    @Test
    void shouldRefuseTimeframesThatCannotBeBuiltFromTheBase() {
        assertThatThrownBy(() -> new Aggregator(SessionCalendar.US_EQUITY, W1, EnumSet.of(MN1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("cannot build M bars from W bars");
        assertThatThrownBy(() -> new Aggregator(SessionCalendar.US_EQUITY, H1, EnumSet.of(Timeframe.M30)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Aggregator(SessionCalendar.CRYPTO, Timeframe.M10, EnumSet.of(Timeframe.M15)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(Aggregator.targetsFor(Timeframe.M5)).containsExactly(
                Timeframe.M10, Timeframe.M15, Timeframe.M30, H1, H4, D1, W1, MN1);
        assertThat(Aggregator.targetsFor(D1)).containsExactly(W1, MN1);
        assertThatThrownBy(() -> new Aggregator(SessionCalendar.US_EQUITY, H1, EnumSet.of(D1)).forming(W1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("W is not built");
    }

    @Test
    void shouldNotAllocatePerBaseBarInTheSteadyState() {
        List<Candle> hourly = TestData.read("history/NVDA_60.json").candles();
        int n = hourly.size();
        long[] t = new long[n];
        double[][] v = new double[5][n];
        for (int i = 0; i < n; i++) {
            Candle c = hourly.get(i);
            t[i] = c.openTime();
            v[0][i] = c.open();
            v[1][i] = c.high();
            v[2][i] = c.low();
            v[3][i] = c.close();
            v[4][i] = c.volume();
        }
        long[] closedCount = new long[1];
        Aggregator.ClosedBarListener listener = bar -> closedCount[0]++;
        for (int warm = 0; warm < 5; warm++) {
            feed(new Aggregator(SessionCalendar.US_EQUITY, H1, Aggregator.targetsFor(H1)), t, v, listener);
        }
        Aggregator aggregator = new Aggregator(SessionCalendar.US_EQUITY, H1, Aggregator.targetsFor(H1));
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(thread);
        feed(aggregator, t, v, listener);
        long allocated = threads.getThreadAllocatedBytes(thread) - before;
        LOG.info("aggregated {} hourly bars into 4h/D/W/M: {} bytes allocated ({} per bar)", n, allocated,
                String.format("%.4f", (double) allocated / n));
        assertThat(closedCount[0]).isGreaterThan(n / 4);
        assertThat(allocated).isLessThan(1024);
    }

    private static void feed(Aggregator aggregator, long[] t, double[][] v, Aggregator.ClosedBarListener listener) {
        for (int i = 0; i < t.length; i++) {
            aggregator.update(t[i], v[0][i], v[1][i], v[2][i], v[3][i], v[4][i], listener);
        }
    }
}
