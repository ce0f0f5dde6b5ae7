package io.edgeloop.core.retro;

import io.edgeloop.core.candle.Candle;
import io.edgeloop.core.candle.Timeframe;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DailyBookTest {

    private static final LocalDate WEDNESDAY = LocalDate.of(2025, 11, 26);
    private static final LocalDate FRIDAY = LocalDate.of(2025, 11, 28);

    private static Candle hourly(LocalDate date, LocalTime utcOpen, double close) {
        long open = date.atTime(utcOpen).toInstant(ZoneOffset.UTC).toEpochMilli();
        return new Candle("SPY", Timeframe.H1, open, close, close + 1, close - 1, close, 1_000_000, "test");
    }

    private static long utc(String instant) {
        return Instant.parse(instant).toEpochMilli();
    }

    private static List<LocalDate> dates(DailyBook book) {
        return book.dailyBars().get("SPY").stream().map(Bars::date).toList();
    }

    /** Wednesday 2025-11-26's seven regular hourly bars and the four of the half day Friday 2025-11-28. */
    private static DailyBook wednesdayAndHalfDayFriday() {
        DailyBook book = new DailyBook(400);
        for (int h = 0; h < 7; h++) {
            book.addCandle(hourly(WEDNESDAY, LocalTime.of(14, 30).plusHours(h), 600 + h));
        }
        for (int h = 0; h < 4; h++) {
            book.addCandle(hourly(FRIDAY, LocalTime.of(14, 30).plusHours(h), 610 + h));
        }
        return book;
    }

    /**
     * Friday 2025-11-28 (the day after Thanksgiving) is a half day: SPY's hourly file has four regular
     * bars, 09:30 to 13:00 New York (14:30..17:30 UTC). The retrospective as of that Friday runs at 21:15
     * UTC, after the session (and even after the 16:00 regular close); the data gate holds back
     * Monday's candles until after the run. So the half day's daily bar must be in the book at the
     * run: "intraday candles count once their session day closes" and "the daily bar of that date is
     * the last one used". The aggregator alone only closes the bar when a later bar arrives; nothing
     * in the four candles says that the 12:30 bar is the day's last (the calendar takes half days
     * from the data), so the service advances the book to the run's time before the run.
     */
    @Test
    void shouldFileTheDailyBarOfAHalfDayOnceItsSessionIsOver() {
        DailyBook book = wednesdayAndHalfDayFriday();
        assertThat(dates(book)).as("the candles alone: Friday's bar is still forming").containsExactly(WEDNESDAY);

        book.advanceTo(utc("2025-11-28T21:15:00Z"));

        List<Candle> bars = book.dailyBars().get("SPY");
        assertThat(bars).extracting(Bars::date).as("daily bars in the book at the run as of Friday")
                .containsExactly(WEDNESDAY, FRIDAY);
        Candle friday = bars.get(1);
        assertThat(new double[] {friday.open(), friday.high(), friday.low(), friday.close(), friday.volume()})
                .containsExactly(610, 614, 609, 613, 4_000_000);
    }

    @Test
    void shouldNotFileADayWhoseSessionIsNotOverAtTheDataTime() {
        DailyBook book = wednesdayAndHalfDayFriday();

        book.advanceTo(utc("2025-11-28T20:59:59.999Z"));
        assertThat(dates(book)).as("before 16:00 New York the book cannot tell a half day from a day still trading")
                .containsExactly(WEDNESDAY);
        book.advanceTo(utc("2025-11-28T21:00:00Z"));
        assertThat(dates(book)).containsExactly(WEDNESDAY, FRIDAY);
    }

    /**
     * On the wall clock a run may come before a live feed's last bars of the day: it files the
     * day's bar as it stands, and the late bars still go into it (the bar is filed again).
     */
    @Test
    void shouldLetTheLateCandlesOfADayFiledAtARunStillCount() {
        DailyBook book = new DailyBook(400);
        LocalDate friday = LocalDate.of(2025, 12, 5);
        for (int h = 0; h < 5; h++) {
            book.addCandle(hourly(friday, LocalTime.of(14, 30).plusHours(h), 600 + h));
        }
        book.advanceTo(utc("2025-12-05T21:15:00Z"));
        assertThat(book.dailyBars().get("SPY").get(0).close()).as("09:30 to 14:30 New York").isEqualTo(604);

        book.addCandle(hourly(friday, LocalTime.of(19, 30), 605));
        book.addCandle(hourly(friday, LocalTime.of(20, 30), 606));

        List<Candle> bars = book.dailyBars().get("SPY");
        assertThat(bars).extracting(Bars::date).containsExactly(friday);
        assertThat(bars.get(0).close()).as("the 15:30 bar completes the day").isEqualTo(606);
        assertThat(bars.get(0).volume()).isEqualTo(7_000_000);
    }
}
