package io.edgeloop.retro;

import org.junit.jupiter.api.Test;

import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;

class StreamClockTest {

    @Test
    void shouldFollowTheSlowestPartitionThatIsStillCatchingUp() {
        StreamClock clock = new StreamClock();
        clock.behind("candles", 0, true);
        clock.behind("candles", 1, true);
        clock.observe("candles", 0, 500);

        assertThat(clock.now()).as("partition 1 has delivered nothing yet").isEmpty();

        clock.observe("candles", 1, 200);
        clock.observe("candles", 0, 700);
        assertThat(clock.now()).as("read through the instant before partition 1's newest record")
                .isEqualTo(OptionalLong.of(199));

        clock.behind("candles", 1, false);
        assertThat(clock.now()).as("a caught-up partition does not hold time back").isEqualTo(OptionalLong.of(699));

        clock.behind("candles", 0, false);
        assertThat(clock.now()).isEqualTo(OptionalLong.of(700));
    }

    /**
     * More records of the same time may follow on a partition still catching up (other tickers'
     * bars closing at the same instant, behind a poll's batch edge): time T is read through once
     * the partition delivers a record past T, or reaches its end.
     */
    @Test
    void shouldNotReachATimeUntilEveryPartitionCatchingUpHasReadPastIt() {
        StreamClock clock = new StreamClock();
        clock.behind("candles", 0, true);
        clock.behind("candles", 1, true);
        clock.observe("candles", 0, 1_000);
        clock.observe("candles", 1, 1_500);
        assertThat(clock.now()).isEqualTo(OptionalLong.of(999));

        clock.observe("candles", 0, 1_000);
        assertThat(clock.now()).as("another bar closing at 1000: more may follow").isEqualTo(OptionalLong.of(999));

        clock.observe("candles", 0, 1_200);
        assertThat(clock.now()).as("partition 0 has read past 1000").isEqualTo(OptionalLong.of(1_199));

        clock.behind("candles", 0, false);
        assertThat(clock.now()).as("partition 1 is still behind at 1500").isEqualTo(OptionalLong.of(1_499));
        clock.behind("candles", 1, false);
        assertThat(clock.now()).as("all caught up (live): the newest record's time itself")
                .isEqualTo(OptionalLong.of(1_500));
    }

    @Test
    void shouldWaitForTheScoresOfADayAsWellAsItsCandles() {
        StreamClock clock = new StreamClock();
        clock.observe("candles", 0, 900);
        clock.observe("scores", 0, 600);

        assertThat(clock.now()).isEqualTo(OptionalLong.of(600));

        clock.behind("scores", 2, true);
        assertThat(clock.now()).as("scores still to come on partition 2").isEmpty();
        assertThat(new StreamClock().now()).isEmpty();
    }

    @Test
    void shouldNotPassTheLimitFromStreamsAppsScoring() {
        StreamClock clock = new StreamClock();
        clock.limit(OptionalLong.of(300));
        assertThat(clock.now()).as("no data, no time, limit or not").isEmpty();

        clock.observe("candles", 0, 900);
        clock.observe("scores", 0, 800);
        assertThat(clock.now()).isEqualTo(OptionalLong.of(300));
        assertThat(clock.unlimited()).isEqualTo(OptionalLong.of(800));

        clock.limit(OptionalLong.of(850));
        assertThat(clock.now()).as("a limit above the topics' time changes nothing").isEqualTo(OptionalLong.of(800));
        clock.limit(OptionalLong.empty());
        assertThat(clock.now()).isEqualTo(OptionalLong.of(800));
    }
}
