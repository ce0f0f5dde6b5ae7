package io.edgeloop.stack.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.edgeloop.core.retro.RetroSchedule;

class LoopTest {

    @TempDir
    Path dir;

    @Test
    void shouldCountTheScheduledRetrospectivesAfterTheLookbackUpToTheEndOfTheData() {
        // Fridays 21:15 UTC after Sunday 2024-01-07: 01-12, 01-19, 01-26; 02-02 21:15 is after the end
        Instant from = Instant.parse("2024-01-07T00:00:00Z");
        assertThat(Loop.countRuns(RetroSchedule.DEFAULT, from, Instant.parse("2024-02-02T00:00:00Z"))).isEqualTo(3);
        assertThat(Loop.countRuns(RetroSchedule.DEFAULT, from, Instant.parse("2024-01-26T21:15:00Z"))).isEqualTo(3);
        assertThat(Loop.countRuns(RetroSchedule.DEFAULT, from, Instant.parse("2024-01-08T00:00:00Z"))).isZero();
    }

    @Test
    void shouldCountUpToTheLastScoredBarsCloseAsRetroAppsClockDoes() {
        // ETH-USD's last daily bar opens on Friday 2025-10-24 at 00:00 UTC and closes a day later:
        // retro-app sees its score after that Friday's 21:15 run time, so that run is due too.
        long open = Instant.parse("2025-10-24T00:00:00Z").toEpochMilli();
        long close = Loop.scoredCloseTime("ETH-USD", "D", open);
        assertThat(Instant.ofEpochMilli(close)).isEqualTo(Instant.parse("2025-10-25T00:00:00Z"));
        Instant from = Instant.parse("2025-10-12T00:00:00Z");
        assertThat(Loop.countRuns(RetroSchedule.DEFAULT, from, Instant.ofEpochMilli(close))).isEqualTo(2);
        assertThat(Loop.countRuns(RetroSchedule.DEFAULT, from, Instant.ofEpochMilli(open))).isEqualTo(1);

        assertThat(Loop.scoredCloseTime("SPY", "W", open)).as("not scored").isEqualTo(Long.MIN_VALUE);
        assertThat(Loop.scoredCloseTime("SPY", "1h", Instant.parse("2025-10-24T19:30:00Z").toEpochMilli()))
                .as("the last hourly bar closes with the session").isEqualTo(Instant.parse("2025-10-24T20:00:00Z").toEpochMilli());
    }

    @Test
    void shouldRefuseToEmptyADirectoryItDidNotMake() throws Exception {
        Files.writeString(dir.resolve("precious.txt"), "keep me");
        Loop loop = Loop.create(new LoopSettings(dir, dir, 0, List.of(), null, null, false, false, 0,
                LoopSettings.DEFAULT_TIMEOUT));

        assertThatThrownBy(loop::prepare).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("refusing to empty").hasMessageContaining("not a run directory");
        assertThat(dir.resolve("precious.txt")).hasContent("keep me");
    }

    @Test
    void shouldEmptyItsOwnRunDirectory() throws Exception {
        Path run = dir.resolve("run");
        LoopSettings settings = new LoopSettings(dir, run, 0, List.of(), null, null, false, false, 0,
                LoopSettings.DEFAULT_TIMEOUT);
        Loop.create(settings).prepare();
        Files.writeString(run.resolve("old-state"), "x");

        Loop.create(settings).prepare();

        assertThat(run.resolve("old-state")).doesNotExist();
        assertThat(run.resolve(".edgeloop-run")).exists();
    }
}
