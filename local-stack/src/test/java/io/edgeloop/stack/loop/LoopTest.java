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
