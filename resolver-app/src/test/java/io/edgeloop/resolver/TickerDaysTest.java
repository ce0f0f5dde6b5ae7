package io.edgeloop.resolver;

import io.edgeloop.core.candle.Aggregator;
import io.edgeloop.core.candle.Candle;
import io.edgeloop.core.candle.CandleFiles;
import io.edgeloop.core.candle.SessionCalendar;
import io.edgeloop.core.candle.Timeframe;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TickerDaysTest {

    @Test
    void shouldBuildTheSameDailyBarsAsOneAggregatorWhenRestoredAfterEveryBar() throws IOException {
        List<Candle> hourly = hourlySpy(LocalDate.of(2025, 11, 3), LocalDate.of(2025, 11, 21));
        Aggregator reference = new Aggregator(SessionCalendar.US_EQUITY, Timeframe.H1, EnumSet.of(Timeframe.D1));
        List<Candle> expected = new ArrayList<>();
        for (Candle bar : hourly) {
            reference.update(bar, d -> expected.add(d.toCandle("SPY", "resolver-aggregated")));
        }

        List<Candle> built = new ArrayList<>();
        byte[] state = null;
        for (Candle bar : hourly) {
            FormingDay days = FormingDay.fromBytes("SPY", state);
            built.addAll(days.offerIntraday(bar));
            state = days.toBytes();
        }

        assertThat(expected).hasSize(15);
        assertThat(built).isEqualTo(expected);
        assertThat(built.get(0).openTime()).isEqualTo(Instant.parse("2025-11-03T00:00:00Z").toEpochMilli());
    }

    @Test
    void shouldCloseAHalfDayBarWhenStreamTimePassesTheSessionClose() throws IOException {
        List<Candle> day = hourlySpy(LocalDate.of(2025, 11, 4), LocalDate.of(2025, 11, 4));
        FormingDay days = new FormingDay("SPY");
        for (Candle bar : day.subList(0, day.size() - 1)) {
            assertThat(days.offerIntraday(bar)).isEmpty();
        }
        assertThat(days.hasFormingBar()).isTrue();

        long close = SessionCalendar.US_EQUITY.sessionClose(LocalDate.of(2025, 11, 4).toEpochDay());
        assertThat(days.advanceTo(close - 1)).isEmpty();
        List<Candle> closed = days.advanceTo(close);

        assertThat(closed).hasSize(1);
        assertThat(closed.get(0).close()).isEqualTo(day.get(day.size() - 2).close());
        assertThat(days.hasFormingBar()).isFalse();
    }

    @Test
    void shouldKeepTheFirstBarOfADateAndOnlyTheMostRecentBars() {
        List<Candle> spy = MarketData.between(MarketData.history("SPY_D.json"), LocalDate.of(2025, 4, 1),
                LocalDate.of(2025, 4, 30));
        TickerDays days = new TickerDays("SPY", 5);
        spy.forEach(days::addDaily);
        Candle last = spy.get(spy.size() - 1);
        Candle other = new Candle("SPY", Timeframe.D1, last.openTime(), 1, 2, 0.5, 1.5, 0, "second-source");

        assertThat(days.addDaily(other)).isEqualTo(TickerDays.Verdict.DUPLICATE);
        assertThat(days.recent()).isEqualTo(spy.subList(spy.size() - 5, spy.size()));
        assertThat(days.after(MarketData.date(spy.get(spy.size() - 3)))).isEqualTo(spy.subList(spy.size() - 2, spy.size()));
        assertThat(TickerDays.fromBytes("SPY", 5, days.toBytes()).recent()).isEqualTo(days.recent());
    }

    @Test
    void shouldRefuseABarOlderThanTheNewestHeldOneAsLate() {
        List<Candle> spy = MarketData.history("SPY_D.json");
        Candle tuesday = MarketData.on(spy, LocalDate.of(2025, 4, 22));
        Candle wednesday = MarketData.on(spy, LocalDate.of(2025, 4, 23));
        Candle thursday = MarketData.on(spy, LocalDate.of(2025, 4, 24));
        TickerDays days = new TickerDays("SPY", 40);

        assertThat(days.addDaily(tuesday)).isEqualTo(TickerDays.Verdict.ADDED);
        assertThat(days.addDaily(thursday)).isEqualTo(TickerDays.Verdict.ADDED);
        assertThat(days.verdict(wednesday)).isEqualTo(TickerDays.Verdict.LATE);
        assertThat(days.addDaily(wednesday)).isEqualTo(TickerDays.Verdict.LATE);
        assertThat(days.addDaily(tuesday)).isEqualTo(TickerDays.Verdict.DUPLICATE);

        assertThat(days.recent()).containsExactly(tuesday, thursday);
        assertThat(days.newestDate()).isEqualTo(LocalDate.of(2025, 4, 24));
    }

    @Test
    void shouldRememberTheNewestDroppedDateAndHoldTheBarsAfterIt() {
        List<Candle> spy = MarketData.between(MarketData.history("SPY_D.json"), LocalDate.of(2025, 4, 1),
                LocalDate.of(2025, 4, 30));
        TickerDays days = new TickerDays("SPY", 5);
        assertThat(days.holdsBarsAfter(LocalDate.of(2025, 3, 31))).as("nothing dropped yet").isTrue();
        spy.forEach(days::addDaily);
        LocalDate newestDropped = MarketData.date(spy.get(spy.size() - 6));

        assertThat(days.newestDroppedDate()).contains(newestDropped);
        assertThat(days.holdsBarsAfter(newestDropped)).isTrue();
        assertThat(days.holdsBarsAfter(newestDropped.minusDays(1))).isFalse();
        TickerDays restored = TickerDays.fromBytes("SPY", 5, days.toBytes());
        assertThat(restored.newestDroppedDate()).contains(newestDropped);
        assertThat(restored.recent()).isEqualTo(days.recent());
    }

    @Test
    void shouldReadAStateWrittenBeforeTheDroppedDateWasKept() {
        List<Candle> spy = MarketData.between(MarketData.history("SPY_D.json"), LocalDate.of(2025, 4, 1),
                LocalDate.of(2025, 4, 7));
        TickerDays days = new TickerDays("SPY", 10);
        spy.forEach(days::addDaily);
        byte[] current = days.toBytes();
        // format 2 was format 3 without the dropped date (8 bytes after the format byte)
        byte[] barsOnly = new byte[current.length - 8];
        barsOnly[0] = 2;
        System.arraycopy(current, 9, barsOnly, 1, current.length - 9);

        assertThat(spy).hasSize(5);
        assertThat(TickerDays.fromBytes("SPY", 10, barsOnly).newestDroppedDate()).as("room left: none dropped").isEmpty();
        TickerDays full = TickerDays.fromBytes("SPY", 5, barsOnly);
        assertThat(full.recent()).isEqualTo(spy);
        assertThat(full.newestDroppedDate()).as("full: dropped up to the day before the oldest")
                .contains(LocalDate.of(2025, 3, 31));
        assertThat(TickerDays.fromBytes("SPY", 3, barsOnly).newestDroppedDate()).contains(MarketData.date(spy.get(1)));
    }

    @Test
    void shouldIgnoreBarsOfASecondIntradayInterval() throws IOException {
        List<Candle> day = hourlySpy(LocalDate.of(2025, 11, 4), LocalDate.of(2025, 11, 4));
        FormingDay days = new FormingDay("SPY");
        days.offerIntraday(day.get(0));
        Candle fiveMinutes = new Candle("SPY", Timeframe.M5, day.get(1).openTime(), 1, 2, 0.5, 1.5, 10, "other-feed");
        byte[] before = days.toBytes();

        assertThat(days.offerIntraday(fiveMinutes)).isEmpty();
        assertThat(days.toBytes()).isEqualTo(before);
    }

    private static List<Candle> hourlySpy(LocalDate from, LocalDate to) throws IOException {
        Path file = Path.of(System.getProperty("edgeloop.data.dir"), "history", "SPY_60.json");
        return CandleFiles.read(file).candles().stream().filter(c -> {
            LocalDate d = MarketData.date(c);
            return !d.isBefore(from) && !d.isAfter(to);
        }).toList();
    }
}
