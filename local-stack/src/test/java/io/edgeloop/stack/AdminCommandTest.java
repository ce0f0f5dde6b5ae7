package io.edgeloop.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdminCommandTest {

    @Test
    void shouldListEveryAdminCommandUnderTheLauncher() {
        Cli cli = Cli.run("admin", "--help");
        assertThat(cli.exitCode()).isZero();
        assertThat(cli.out()).contains("proposals", "approve", "reject", "rollback", "patterns", "predictions",
                "hash-password", "serve", "Exit codes:");
    }

    @Test
    void shouldRefuseADecisionWithoutACredentialBeforeContactingTheBroker(@TempDir Path dir) {
        Cli cli = Cli.run("admin", "approve", "some-change", "--reason", "edge gone", "--user", "alice",
                "--operators", dir.resolve("operators").toString(), "--bootstrap", "127.0.0.1:1");
        assertThat(cli.exitCode()).isEqualTo(3);
        assertThat(cli.err()).contains("edgeloop admin: not authenticated: cannot check the credential: no operators file at");
    }
}
