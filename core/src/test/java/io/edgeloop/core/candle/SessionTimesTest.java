package io.edgeloop.core.candle;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class SessionTimesTest {

    private static final long FROM = Instant.parse("2018-01-01T00:00:00Z").toEpochMilli();
    private static final long TO = Instant.parse("2028-01-01T00:00:00Z").toEpochMilli();
    private static final long STEP = 5 * 60_000L;
    private static final long H1 = 3_600_000L;
    private static final long H4 = 4 * H1;

    @ParameterizedTest
    @EnumSource(SessionCalendar.class)
    void shouldAnswerAsTheCalendarForEveryFiveMinutesInTimeOrderAcrossDaylightSavingChanges(SessionCalendar calendar) {
        SessionTimes times = new SessionTimes(calendar);
        for (long t = FROM; t < TO; t += STEP) {
            assertSame(calendar, times, t);
        }
    }

    @ParameterizedTest
    @EnumSource(SessionCalendar.class)
    void shouldAnswerAsTheCalendarWhenInstantsJumpBetweenDays(SessionCalendar calendar) {
        SessionTimes times = new SessionTimes(calendar);
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < 200_000; i++) {
            assertSame(calendar, times, random.nextLong(FROM, TO));
        }
    }

    private static void assertSame(SessionCalendar calendar, SessionTimes times, long t) {
        long day = calendar.sessionDay(t);
        if (times.inSession(t) != calendar.inSession(t)
                || times.bucketStart(t, H1) != calendar.bucketStart(t, H1)
                || times.bucketStart(t, H4) != calendar.bucketStart(t, H4)
                || times.sessionDay(t) != day
                || times.sessionClose(day) != calendar.sessionClose(day)
                || times.sessionOpen(day) != calendar.sessionOpen(day)) {
            assertThat(times.inSession(t)).as("inSession at %s", Instant.ofEpochMilli(t)).isEqualTo(calendar.inSession(t));
            assertThat(times.bucketStart(t, H1)).as("1h bucket at %s", Instant.ofEpochMilli(t))
                    .isEqualTo(calendar.bucketStart(t, H1));
            assertThat(times.bucketStart(t, H4)).as("4h bucket at %s", Instant.ofEpochMilli(t))
                    .isEqualTo(calendar.bucketStart(t, H4));
            assertThat(times.sessionOpen(day)).as("open of day %d", day).isEqualTo(calendar.sessionOpen(day));
            assertThat(times.sessionClose(day)).as("close of day %d", day).isEqualTo(calendar.sessionClose(day));
        }
    }
}
