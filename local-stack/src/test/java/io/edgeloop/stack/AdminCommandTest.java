package io.edgeloop.stack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AdminCommandTest {

    @Test
    void shouldListEveryAdminCommandUnderTheLauncher() {
        Cli cli = Cli.run("admin", "--help");
        assertThat(cli.exitCode()).isZero();
        assertThat(cli.out()).contains("proposals", "approve", "reject", "rollback", "patterns", "predictions",
                "hash-password", "serve", "Exit codes:");
    }
}
