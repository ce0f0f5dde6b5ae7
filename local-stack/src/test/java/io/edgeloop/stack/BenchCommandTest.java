package io.edgeloop.stack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

class BenchCommandTest {

    @Test
    void shouldListEveryBenchmark() {
        Cli cli = Cli.run("bench", "--help");

        assertThat(cli.exitCode()).isZero();
        assertThat(cli.out()).contains("replay", "streams", "retro");
    }

    @Test
    void shouldRefuseAMissingDataFolderWithTheUsage() {
        Cli cli = Cli.run("bench", "streams", "--data", "no-such-folder");

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).contains("--data: no such directory: no-such-folder", "Usage: edgeloop bench streams");
    }

    @Test
    void shouldRefuseZeroRounds() {
        Cli cli = Cli.run("bench", "retro", "--rounds", "0");

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).contains("--rounds must be at least 1, got 0", "Usage: edgeloop bench retro");
    }

    @Test
    void shouldRefuseNegativeWarmUpRounds() {
        Cli cli = Cli.run("bench", "streams", "--warmup", "-1");

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).contains("--warmup must be at least 0, got -1", "Usage: edgeloop bench streams");
    }

    @Test
    void shouldRefuseAVariantThatIsNotKeyEqualsValue() {
        Cli cli = Cli.run("bench", "streams", "--variant", "max.task.idle.ms");

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).contains("should be in KEY=VALUE format but was max.task.idle.ms",
                "Usage: edgeloop bench streams");
    }

    @Test
    void shouldRefuseAVariantKeyNoKafkaStreamsClientReads() {
        Cli cli = Cli.run("bench", "streams", "--variant", "max.task.idel.ms=0");

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).contains("--variant: [max.task.idel.ms] not a Kafka Streams setting",
                "Usage: edgeloop bench streams");
    }

    @Test
    void shouldRefuseAVariantValueKafkaStreamsCannotParse() {
        Cli cli = Cli.run("bench", "streams", "--variant", "num.stream.threads=two");

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).contains("--variant: Invalid value two for configuration num.stream.threads",
                "Usage: edgeloop bench streams");
    }

    @Test
    void shouldRefuseARunDirectoryThatHoldsOtherFilesAndLeaveThem(@TempDir Path dir) throws IOException {
        Path run = Files.createDirectory(dir.resolve("run"));
        Path mine = Files.writeString(run.resolve("notes.txt"), "keep me");

        Cli cli = Cli.run("bench", "streams", "--data", dir.toString(), "--run-dir", run.toString());

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).contains("--run-dir: refusing to empty " + run, "not a run directory",
                "Usage: edgeloop bench streams");
        assertThat(mine).hasContent("keep me");
    }

    @Test
    void shouldAskForABenchmarkWhenNoneIsGiven() {
        Cli cli = Cli.run("bench");

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).contains("Missing benchmark: choose one of replay, streams, retro");
    }
}
