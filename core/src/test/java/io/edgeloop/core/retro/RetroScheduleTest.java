package io.edgeloop.core.retro;

import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RetroScheduleTest {

    @Test
    void shouldRunOnFridaysAtQuarterPastNineUtcByDefault() {
        RetroSchedule s = RetroSchedule.DEFAULT;

        assertThat(s.nextAfter(Instant.parse("2020-03-25T10:00:00Z"))).isEqualTo(Instant.parse("2020-03-27T21:15:00Z"));
        assertThat(s.nextAfter(Instant.parse("2020-03-27T21:14:59Z"))).isEqualTo(Instant.parse("2020-03-27T21:15:00Z"));
        assertThat(s.nextAfter(Instant.parse("2020-03-27T21:15:00Z"))).as("strictly after")
                .isEqualTo(Instant.parse("2020-04-03T21:15:00Z"));
        assertThat(RetroSchedule.asOf(Instant.parse("2020-03-27T21:15:00Z"))).isEqualTo(LocalDate.of(2020, 3, 27));
    }

    @Test
    void shouldParseDayAndTimeAndSayWhatIsWrong() {
        assertThat(RetroSchedule.parse("mon 06:30")).isEqualTo(new RetroSchedule(DayOfWeek.MONDAY, LocalTime.of(6, 30)));
        assertThat(RetroSchedule.parse("Saturday 00:00").day()).isEqualTo(DayOfWeek.SATURDAY);
        assertThat(RetroSchedule.DEFAULT).hasToString("FRI 21:15");
        assertThatThrownBy(() -> RetroSchedule.parse("FRIDAY")).hasMessageContaining("'DAY HH:mm'");
        assertThatThrownBy(() -> RetroSchedule.parse("FRY 21:15")).hasMessageContaining("unknown day 'FRY'");
        assertThatThrownBy(() -> RetroSchedule.parse("FRI 25:00")).hasMessageContaining("is not HH:mm");
    }
}
