package io.edgeloop.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RetroCliTest {

    private static final Path HISTORY = Path.of(System.getProperty("edgeloop.data.dir")).resolve("history");

    @Test
    void shouldSeedFromTheHistoryAndWriteTheReportAndTheProposals(@TempDir Path out) {
        Cli cli = Cli.run("retro", "--seed", "--data", HISTORY.toString(), "--out", out.toString(),
                "--as-of", "2024-12-31");

        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(cli.out()).contains("edgeloop: seeding: 17 patterns judged on", "edgeloop: verdicts: {",
                "edgeloop: wrote SEED.md, seed-proposals.jsonl");
        assertThat(out.resolve("SEED.md")).exists();
        assertThat(out.resolve("seed-proposals.jsonl")).exists();
        assertThat(Files.exists(out.resolve("RETRO.md"))).as("the retrospective did not run").isFalse();
    }

    @Test
    void shouldRefuseABootstrapAddressWithoutPublish(@TempDir Path out) {
        Cli cli = Cli.run("retro", "--seed", "--data", HISTORY.toString(), "--out", out.toString(),
                "--bootstrap", "127.0.0.1:1");

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).contains("--bootstrap goes with --publish", "Usage: edgeloop retro");
    }
}
