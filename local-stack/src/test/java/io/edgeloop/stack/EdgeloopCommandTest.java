package io.edgeloop.stack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EdgeloopCommandTest {

    @Test
    void shouldListEveryCommandOnHelp() {
        Cli cli = Cli.run("--help");

        assertThat(cli.exitCode()).isZero();
        assertThat(cli.out()).contains("Usage: edgeloop").contains("stack").contains("topics").contains("demo");
    }

    @Test
    void shouldPrintEdgeloopAndThePinnedKafkaVersion() {
        Cli cli = Cli.run("--version");

        assertThat(cli.exitCode()).isZero();
        assertThat(cli.out()).startsWith("edgeloop 0.1.0").contains("Kafka 4.3.1");
    }

    @Test
    void shouldPrintTheErrorAndUsageAndExitWithTwoOnAnUnknownFlag() {
        Cli cli = Cli.run("--bogus");

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).contains("Unknown option: '--bogus'").contains("Usage: edgeloop");
        assertThat(cli.out()).isEmpty();
    }

    @Test
    void shouldPrintTheCommandsUsageOnAnUnknownFlagOfASubcommand() {
        Cli cli = Cli.run("stack", "--nope");

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).contains("Unknown option: '--nope'").contains("Usage: edgeloop stack");
    }

    @Test
    void shouldAskForACommandWhenNoneIsGiven() {
        Cli cli = Cli.run();

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).contains("Missing command: choose one of stack, topics, demo");
    }

    @Test
    void shouldRejectAPortOutsideTheTcpRangeBeforeStartingAnything() {
        Cli cli = Cli.run("stack", "--port", "70000", "--data-dir", "target/never-created");

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).contains("--port must be 0 (any free port) or 1..65535, got 70000")
                .contains("Usage: edgeloop stack");
    }

    @Test
    void shouldRejectAMissingDemoDataDirectoryBeforeStartingAnything() {
        Cli cli = Cli.run("demo", "--data", "target/no-such-market-data", "--exit-after-summary");

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).contains("--data: no such directory: target/no-such-market-data");
    }

    @Test
    void shouldShowTheDefaultsInTheStackHelp() {
        Cli cli = Cli.run("stack", "--help");

        assertThat(cli.exitCode()).isZero();
        assertThat(cli.out()).contains("--data-dir=DIR").contains(".edgeloop/stack").contains("9092");
    }

    @Test
    void shouldDescribeAFailureByItsDistinctMessagesOutermostFirst() {
        Exception failure = new IllegalStateException("broker did not start",
                new RuntimeException("Unable to start acceptor", new java.net.BindException("Address already in use")));

        assertThat(EdgeloopCommand.describe(failure))
                .isEqualTo("broker did not start: Unable to start acceptor: Address already in use");
    }
}
