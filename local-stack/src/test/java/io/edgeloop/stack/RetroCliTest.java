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

    /** A bad option value is bad usage, as for every command: the error, the usage, exit code 2. */
    @Test
    void shouldRefuseABadLookbackAsBadUsage(@TempDir Path out) {
        Cli cli = Cli.run("retro", "--data", HISTORY.toString(), "--out", out.toString(), "--lookback", "5x");

        assertThat(cli.exitCode()).as(cli.err()).isEqualTo(2);
        assertThat(cli.err()).contains("retro.lookback", "Usage: edgeloop retro");
    }

    @Test
    void shouldRefuseAnUnknownSettingAsBadUsage(@TempDir Path out) {
        Cli cli = Cli.run("retro", "--data", HISTORY.toString(), "--out", out.toString(), "--set", "retro.fdrr=0.05");

        assertThat(cli.exitCode()).as(cli.err()).isEqualTo(2);
        assertThat(cli.err()).contains("retro.fdrr", "Usage: edgeloop retro");
    }

    @Test
    void shouldReadOnlyTheRetrospectivesVariablesOfTheEnvironment() {
        assertThat(RetroCli.retroEnvironment(java.util.Map.of("APP_HTTP_PORT", "8080", "APP_RETRO_FDR", "0.05",
                "KAFKA_BOOTSTRAP_SERVERS", "kafka:9092", "PATH", "/bin"))).isEqualTo(java.util.Map.of("APP_RETRO_FDR", "0.05"));
    }
}
