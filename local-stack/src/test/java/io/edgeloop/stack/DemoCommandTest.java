package io.edgeloop.stack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DemoCommandTest {

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
