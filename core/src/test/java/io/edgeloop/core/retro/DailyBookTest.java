package io.edgeloop.core.retro;

import io.edgeloop.core.candle.Candle;
import io.edgeloop.core.candle.Timeframe;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DailyBookTest {

    private static Candle hourly(LocalDate date, LocalTime utcOpen, double close) {
        long open = date.atTime(utcOpen).toInstant(ZoneOffset.UTC).toEpochMilli();
        return new Candle("SPY", Timeframe.H1, open, close, close + 1, close - 1, close, 1_000_000, "test");
    }

    /**
     * Friday 2025-11-28 (the day after Thanksgiving) is a half day: SPY's hourly file has four regular
     * bars, 09:30 to 13:00 New York (14:30..17:30 UTC). The retrospective as of that Friday runs at 21:15
     * UTC, after the session (and even after the 16:00 regular close); the data gate holds back
     * Monday's candles until after the run. So the half day's daily bar must be in the book once its
     * candles are: "intraday candles count once their session day closes" and "the daily bar of that
     * date is the last one used". The book's aggregator only closes the bar when a later bar arrives.
     */
    @Test
    void shouldFileTheDailyBarOfAHalfDayOnceItsSessionIsOver() {
        DailyBook book = new DailyBook(400);
        LocalDate wednesday = LocalDate.of(2025, 11, 26);
        LocalDate friday = LocalDate.of(2025, 11, 28);
        for (int h = 0; h < 7; h++) {
            book.addCandle(hourly(wednesday, LocalTime.of(14, 30).plusHours(h), 600 + h));
        }
        for (int h = 0; h < 4; h++) {
            book.addCandle(hourly(friday, LocalTime.of(14, 30).plusHours(h), 610 + h));
        }

        List<Candle> bars = book.dailyBars().get("SPY");
        assertThat(bars).extracting(Bars::date).as("daily bars in the book after Friday's last candle")
                .containsExactly(wednesday, friday);
    }
}
