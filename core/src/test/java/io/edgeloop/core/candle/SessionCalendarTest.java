package io.edgeloop.core.candle;

import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

import static io.edgeloop.core.candle.SessionCalendar.CRYPTO;
import static io.edgeloop.core.candle.SessionCalendar.US_EQUITY;
import static org.assertj.core.api.Assertions.assertThat;

class SessionCalendarTest {

    private static final ZoneId NY = ZoneId.of("America/New_York");

    private static long ms(String instant) {
        return Instant.parse(instant).toEpochMilli();
    }

    private static long day(String date) {
        return LocalDate.parse(date).toEpochDay();
    }

    @Test
    void shouldOpenAndCloseTheUsSessionInNewYorkTimeAcrossDaylightSaving() {
        assertThat(US_EQUITY.sessionOpen(day("2025-01-14"))).isEqualTo(ms("2025-01-14T14:30:00Z"));
        assertThat(US_EQUITY.sessionClose(day("2025-01-14"))).isEqualTo(ms("2025-01-14T21:00:00Z"));
        assertThat(US_EQUITY.sessionOpen(day("2025-07-14"))).isEqualTo(ms("2025-07-14T13:30:00Z"));
        assertThat(US_EQUITY.sessionClose(day("2026-03-09"))).isEqualTo(ms("2026-03-09T20:00:00Z"));
        assertThat(US_EQUITY.sessionOpen(day("2026-03-06"))).isEqualTo(ms("2026-03-06T14:30:00Z"));
    }

    @Test
    void shouldAgreeWithJavaTimeOnNewYorkDatesForEveryHourOverThreeYears() {
        List<String> wrong = new ArrayList<>();
        for (long t = ms("2024-01-01T00:00:00Z"); t < ms("2026-12-31T00:00:00Z"); t += 3_600_000L) {
            LocalDate expected = Instant.ofEpochMilli(t).atZone(NY).toLocalDate();
            if (US_EQUITY.sessionDay(t) != expected.toEpochDay()) {
                wrong.add(Instant.ofEpochMilli(t).toString());
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void shouldMapEveryVendorDailyStampOfAUsTradingDayToThatDay() {
        long day = day("2026-01-30");
        assertThat(US_EQUITY.tradeDate(ms("2026-01-30T00:00:00Z"))).as("00:00 UTC").isEqualTo(day);
        assertThat(US_EQUITY.tradeDate(ms("2026-01-30T05:00:00Z"))).as("00:00 New York").isEqualTo(day);
        assertThat(US_EQUITY.tradeDate(ms("2026-01-30T14:30:00Z"))).as("09:30 open").isEqualTo(day);
        assertThat(US_EQUITY.tradeDate(ms("2026-01-30T21:00:00Z"))).as("16:00 close").isEqualTo(day);
        assertThat(US_EQUITY.tradeDate(ms("2026-01-30T21:10:00Z"))).as("16:10 index").isEqualTo(day);
        assertThat(US_EQUITY.tradeDate(ms("2025-07-15T04:00:00Z"))).as("00:00 New York, summer").isEqualTo(day("2025-07-15"));
        assertThat(US_EQUITY.tradeDate(ms("2025-06-01T22:00:00Z"))).as("Sunday 18:00 futures open")
                .isEqualTo(day("2025-06-02"));
        assertThat(CRYPTO.tradeDate(ms("2025-06-01T22:00:00Z"))).isEqualTo(day("2025-06-01"));
    }

    @Test
    void shouldAnchorUsFourHourBucketsAtTheOpen() {
        long h4 = Timeframe.H4.lengthMillis();
        long first = ms("2025-07-14T13:30:00Z");
        assertThat(US_EQUITY.bucketStart(ms("2025-07-14T16:30:00Z"), h4)).isEqualTo(first);
        assertThat(US_EQUITY.bucketStart(ms("2025-07-14T17:30:00Z"), h4)).isEqualTo(ms("2025-07-14T17:30:00Z"));
        assertThat(US_EQUITY.bucketStart(ms("2025-07-14T19:30:00Z"), h4)).isEqualTo(ms("2025-07-14T17:30:00Z"));
        assertThat(US_EQUITY.bucketEnd(ms("2025-07-14T17:30:00Z"), h4)).isEqualTo(ms("2025-07-14T20:00:00Z"));
        assertThat(CRYPTO.bucketStart(ms("2025-07-14T07:59:00Z"), h4)).isEqualTo(ms("2025-07-14T04:00:00Z"));
    }

    @Test
    void shouldPickTheCryptoCalendarForCryptoPairsOnly() {
        assertThat(SessionCalendar.forTicker("BTCUSD")).isEqualTo(CRYPTO);
        assertThat(SessionCalendar.forTicker("ETHA")).isEqualTo(US_EQUITY);
        assertThat(SessionCalendar.forTicker("ES1!")).isEqualTo(US_EQUITY);
    }

    @Test
    void shouldKnowTheRegularSession() {
        assertThat(US_EQUITY.inSession(ms("2025-07-14T13:30:00Z"))).isTrue();
        assertThat(US_EQUITY.inSession(ms("2025-07-14T19:59:00Z"))).isTrue();
        assertThat(US_EQUITY.inSession(ms("2025-07-14T20:00:00Z"))).isFalse();
        assertThat(US_EQUITY.inSession(ms("2025-07-14T12:00:00Z"))).isFalse();
        assertThat(US_EQUITY.inSession(ms("2025-07-12T15:00:00Z"))).as("Saturday").isFalse();
        assertThat(CRYPTO.inSession(ms("2025-07-12T03:00:00Z"))).isTrue();
    }

    @Test
    void shouldFindTheLastSessionDayOfWeeksAndMonths() {
        assertThat(US_EQUITY.lastSessionDayOfWeek(day("2025-07-16"))).isEqualTo(day("2025-07-18"));
        assertThat(CRYPTO.lastSessionDayOfWeek(day("2025-07-16"))).isEqualTo(day("2025-07-20"));
        assertThat(US_EQUITY.lastSessionDayOfMonth(day("2025-05-02"))).isEqualTo(day("2025-05-30"));
        assertThat(CRYPTO.lastSessionDayOfMonth(day("2025-05-02"))).isEqualTo(day("2025-05-31"));
    }

    @Test
    void shouldDoCalendarArithmeticLikeJavaTime() {
        List<LocalDate> wrong = new ArrayList<>();
        for (long d = day("1969-12-01"); d < day("2041-02-01"); d++) {
            LocalDate date = LocalDate.ofEpochDay(d);
            boolean ok = EpochDays.dayOfWeek(d) == date.getDayOfWeek().getValue() - 1
                    && EpochDays.dayOfMonth(d) == date.getDayOfMonth()
                    && EpochDays.weekStart(d) == date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).toEpochDay()
                    && EpochDays.monthStart(d) == date.withDayOfMonth(1).toEpochDay()
                    && EpochDays.nextMonthStart(d) == date.withDayOfMonth(1).plusMonths(1).toEpochDay();
            if (!ok) {
                wrong.add(date);
            }
        }
        assertThat(wrong).isEmpty();
    }
}
