package io.edgeloop.core.candle;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class BarCloseTest {

    private static Instant close(String ticker, Timeframe tf, String open, SessionCalendar calendar) {
        Candle bar = new Candle(ticker, tf, Instant.parse(open).toEpochMilli(), 1, 1, 1, 1, 0, "test");
        return Instant.ofEpochMilli(BarClose.of(bar, calendar));
    }

    @Test
    void shouldCloseAUsDailyBarAtFourPmNewYork() {
        assertThat(close("SPY", Timeframe.D1, "2025-07-15T00:00:00Z", SessionCalendar.US_EQUITY))
                .isEqualTo("2025-07-15T20:00:00Z");
        assertThat(close("SPY", Timeframe.D1, "2025-01-15T00:00:00Z", SessionCalendar.US_EQUITY))
                .isEqualTo("2025-01-15T21:00:00Z");
    }

    @Test
    void shouldCutTheLastHourlyBarAtTheSessionClose() {
        assertThat(close("SPY", Timeframe.H1, "2025-07-15T19:30:00Z", SessionCalendar.US_EQUITY))
                .isEqualTo("2025-07-15T20:00:00Z");
        assertThat(close("SPY", Timeframe.H1, "2025-07-15T13:30:00Z", SessionCalendar.US_EQUITY))
                .isEqualTo("2025-07-15T14:30:00Z");
    }

    @Test
    void shouldCloseAWeeklyBarOnFridayAndACryptoDayAtMidnight() {
        assertThat(close("SPY", Timeframe.W1, "2025-07-14T00:00:00Z", SessionCalendar.US_EQUITY))
                .isEqualTo("2025-07-18T20:00:00Z");
        assertThat(close("BTC-USD", Timeframe.D1, "2025-07-14T00:00:00Z", SessionCalendar.CRYPTO))
                .isEqualTo("2025-07-15T00:00:00Z");
        assertThat(close("BTC-USD", Timeframe.H4, "2025-07-14T20:00:00Z", SessionCalendar.CRYPTO))
                .isEqualTo("2025-07-15T00:00:00Z");
    }

    @Test
    void shouldCloseAMonthlyBarOnItsLastWeekday() {
        assertThat(close("SPY", Timeframe.MN1, "2025-05-01T00:00:00Z", SessionCalendar.US_EQUITY))
                .isEqualTo("2025-05-30T20:00:00Z");
    }
}
