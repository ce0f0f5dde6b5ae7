package io.edgeloop.stack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DemoCommandTest {

    /** The one-time password is shown after a run only: a demo that fails leaves no account behind. */
    @Test
    void shouldLeaveNoOperatorAccountWhenTheRunFails() throws java.io.IOException {
        java.nio.file.Path parent = java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "demo-refused"));
        java.nio.file.Path userDir = java.nio.file.Files.createDirectories(parent.resolve("userdir"));
        java.nio.file.Files.writeString(userDir.resolve("precious.txt"), "keep me");
        java.nio.file.Files.deleteIfExists(parent.resolve("operators"));

        Cli cli = Cli.run("demo", "--data", System.getProperty("edgeloop.data.dir", "../../shared/data"),
                "--run-dir", userDir.toString(), "--exit-after-summary");

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).contains("--run-dir: refusing to empty");
        assertThat(parent.resolve("operators")).doesNotExist();
        assertThat(userDir.resolve("precious.txt")).hasContent("keep me");
    }

    @Test
    void shouldRefuseFullTogetherWithADateRange() {
        Cli cli = Cli.run("demo", "--full", "--from", "2020-01-01");

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).contains("--full loads every bar; leave out --from and --to with it")
                .contains("Usage: edgeloop demo");
    }

    @Test
    void shouldRefuseAPortOutOfRange() {
        Cli cli = Cli.run("demo", "--data", System.getProperty("edgeloop.data.dir", "../../shared/data"),
                "--admin-port", "70000");

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).contains("--admin-port must be 0 (any free port) or 1..65535, got 70000")
                .contains("Usage: edgeloop demo");
    }

    @Test
    void shouldRefuseATimeoutThatIsNotPositive() {
        Cli cli = Cli.run("demo", "--timeout", "PT0S");

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).contains("--timeout must be positive, got PT0S").contains("Usage: edgeloop demo");
    }

    @Test
    void shouldNameTheDefaultSubsetInItsHelp() {
        Cli cli = Cli.run("demo", "--help");

        assertThat(cli.exitCode()).isZero();
        assertThat(cli.out()).contains("--full").contains("since 2025-01-01").contains("--exit-after-summary")
                .contains("--tickers=T,...");
    }

    @Test
    void shouldAskForABenchmarkByName() {
        Cli cli = Cli.run("bench");

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).contains("Missing benchmark: choose one of replay");
    }
}
