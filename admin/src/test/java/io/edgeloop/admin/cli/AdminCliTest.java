package io.edgeloop.admin.cli;

import io.edgeloop.admin.SeededState;
import io.edgeloop.admin.auth.OperatorAccounts;
import io.edgeloop.admin.auth.PasswordHasher;
import io.edgeloop.admin.auth.Role;
import io.edgeloop.admin.seed.SeedLibrary;
import io.edgeloop.admin.seed.Seeds;
import io.edgeloop.admin.view.ModelState;
import io.edgeloop.admin.view.Proposals;
import io.edgeloop.schemas.avro.ChangeDecision;
import io.edgeloop.schemas.avro.ModelChange;
import io.edgeloop.schemas.topics.Topics;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The admin command line's usage, credential and connection errors; nothing here needs a broker. */
class AdminCliTest {

    @TempDir
    static Path dir;
    private static Path operators;
    private static final Map<String, String> ALICE = Map.of(ClusterOptions.PASSWORD_ENV, "alice-password");

    @BeforeAll
    static void accounts() throws Exception {
        operators = dir.resolve("operators");
        Files.writeString(operators, "alice:" + PasswordHasher.hash("alice-password".toCharArray(), PasswordHasher.MIN_ITERATIONS) + "\n");
    }

    private static CliRun approve(Map<String, String> env, String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("approve", "chg-1", "--operators", operators.toString(),
                "--bootstrap", "127.0.0.1:1", "--timeout", "2s"));
        args.addAll(List.of(extra));
        return CliRun.run(env, args.toArray(String[]::new));
    }

    @Test
    void shouldPrintAnOperatorsLineWhosePasswordVerifies() throws Exception {
        Path password = Files.writeString(dir.resolve("new-password"), "s3cret-enough\n");
        CliRun run = CliRun.run(Map.of(), "hash-password", "--user", "dana", "--role", "viewer", "--iterations", "100000",
                "--password-file", password.toString());
        assertThat(run.exitCode()).isZero();
        String line = run.out().strip();
        assertThat(line).startsWith("dana:pbkdf2-sha256$100000$").endsWith(":viewer");
        assertThat(OperatorAccounts.parse(List.of(line), "out").authenticate("dana", "s3cret-enough".toCharArray()))
                .hasValueSatisfying(o -> assertThat(o.role()).isEqualTo(Role.VIEWER));
    }

    @Test
    void shouldRefuseAShortPasswordAndWeakIterationsAsUsageErrors() {
        CliRun shortPassword = CliRun.run(Map.of(ClusterOptions.PASSWORD_ENV, "short"), "hash-password", "--iterations", "100000");
        assertThat(shortPassword.exitCode()).isEqualTo(2);
        assertThat(shortPassword.err()).contains("at least 8 characters");
        assertThat(CliRun.run(ALICE, "hash-password", "--iterations", "1000").err()).contains("at least 100000");
    }

    @Test
    void shouldRequireAReasonForEveryDecision() {
        CliRun missing = CliRun.run(ALICE, "approve", "chg-1", "--user", "alice");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("Missing required option: '--reason=TEXT'");
        CliRun blank = approve(ALICE, "--user", "alice", "--reason", "   ");
        assertThat(blank.exitCode()).isEqualTo(2);
        assertThat(blank.err()).contains("--reason must not be blank");
        assertThat(CliRun.run(ALICE, "rollback", "1", "--user", "alice").exitCode()).isEqualTo(2);
        assertThat(CliRun.run(ALICE, "reject", "--reason", "x").err()).contains("Missing required parameter: 'CHANGE_ID'");
    }

    @Test
    void shouldRefuseADecisionWithoutAValidCredentialBeforeContactingTheBroker() {
        CliRun noUser = approve(ALICE, "--reason", "edge gone");
        assertThat(noUser.exitCode()).isEqualTo(AdminCli.NOT_AUTHENTICATED);
        assertThat(noUser.err()).contains("not authenticated: no operator name");
        CliRun noPassword = approve(Map.of(), "--user", "alice", "--reason", "edge gone");
        assertThat(noPassword.exitCode()).isEqualTo(AdminCli.NOT_AUTHENTICATED);
        assertThat(noPassword.err()).contains("no password: set EDGELOOP_ADMIN_PASSWORD or pass --password-file FILE");
        CliRun wrong = approve(Map.of(ClusterOptions.PASSWORD_ENV, "guess"), "--user", "alice", "--reason", "edge gone");
        assertThat(wrong.exitCode()).isEqualTo(AdminCli.NOT_AUTHENTICATED);
        assertThat(wrong.err()).contains("unknown operator or wrong password").doesNotContain("cannot reach");
        CliRun noFile = CliRun.run(ALICE, "proposals", "--user", "alice", "--operators", dir.resolve("missing").toString());
        assertThat(noFile.exitCode()).isEqualTo(AdminCli.NOT_AUTHENTICATED);
        assertThat(noFile.err()).contains("cannot check the credential: no operators file at");
    }

    @Test
    void shouldTakeTheOperatorFromTheEnvironmentAndFailClearlyWhenTheBrokerIsUnreachable() {
        CliRun run = approve(Map.of(ClusterOptions.PASSWORD_ENV, "alice-password", ClusterOptions.USER_ENV, "alice"),
                "--reason", "edge gone");
        assertThat(run.exitCode()).isEqualTo(AdminCli.UNAVAILABLE);
        assertThat(run.err()).contains("edgeloop admin: cannot reach the Kafka cluster at 127.0.0.1:1 within 2 s");
    }

    @Test
    void shouldRejectUnknownSettingsAndAMissingCommandAsUsageErrors() {
        CliRun unknown = CliRun.run(ALICE, "patterns", "--user", "alice", "--set", "no.such.option=1");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("unknown option 'no.such.option'");
        CliRun none = CliRun.run(ALICE);
        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.err()).contains("Missing command: choose one of").contains("approve");
        assertThat(CliRun.run(ALICE, "--help").out()).contains("Exit codes:").contains("5   refused");
    }

    /**
     * A bad --config path or an impossible --port is bad usage (exit 2, a one-line
     * message), not exit 1 ("the cluster did not answer", which a script retries) with a Java stack trace.
     */
    @Test
    void shouldAnswerAMissingConfigFileAndAnImpossiblePortAsUsageErrors() {
        CliRun missingConfig = CliRun.run(ALICE, "patterns", "--user", "alice", "--operators", operators.toString(),
                "--bootstrap", "127.0.0.1:1", "--timeout", "2s", "--config", dir.resolve("no-such.properties").toString());
        CliRun badPort = CliRun.run(ALICE, "serve", "--operators", operators.toString(), "--bootstrap", "127.0.0.1:1",
                "--timeout", "1s", "--port", "70000");
        SoftAssertions.assertSoftly(soft -> {
            soft.assertThat(missingConfig.exitCode()).as("exit code for a config file that does not exist").isEqualTo(2);
            soft.assertThat(missingConfig.err()).as("its error output").contains("cannot read the config file")
                    .doesNotContain("\tat io.edgeloop");
            soft.assertThat(badPort.exitCode()).as("exit code for --port 70000").isEqualTo(2);
            soft.assertThat(badPort.err()).as("its error output").doesNotContain("\tat io.edgeloop");
        });
    }

    @Test
    void shouldAnswerSettingsOutOfTheirRangeAsUsageErrorsBeforeAnythingStarts() {
        SoftAssertions.assertSoftly(soft -> {
            for (String setting : List.of("session.ttl=0s", "session.ttl=-5m", "chart.bars=5", "http.port=-1")) {
                CliRun run = CliRun.run(ALICE, "serve", "--operators", operators.toString(), "--bootstrap", "127.0.0.1:1",
                        "--timeout", "1s", "--set", setting);
                String name = setting.substring(0, setting.indexOf('='));
                soft.assertThat(run.exitCode()).as("exit code for " + setting).isEqualTo(2);
                soft.assertThat(run.err()).as("error output for " + setting).contains(name + ": must be")
                        .doesNotContain("\tat io.edgeloop");
                soft.assertThat(run.out()).as("nothing served for " + setting).doesNotContain("dashboard on");
            }
        });
    }

    /**
     * What the tables print comes from the topics (reasons typed in the dashboard's
     * textarea, summaries from other writers). A line break or a terminal control sequence in a
     * cell is printed raw: the next line of the table is then whatever the text says, here a forged
     * decided change, and escape sequences reach the operator's terminal.
     */
    @Test
    void shouldPrintEveryChangeOnOneLineWhateverItsReasonHolds() {
        ModelState state = SeededState.of(Seeds.standard());
        ModelChange rejected = state.read(s -> s.changes().get(SeedLibrary.REJECTED_ID));
        ModelChange withReason = ModelChange.newBuilder(rejected).setDecision(ChangeDecision.newBuilder(rejected.getDecision())
                .setReason("hourly only.\nretro-forged  PROMOTE  x  APPLIED\u001b[8m").build()).build();
        state.apply(Topics.MODEL_CHANGELOG.name(), withReason.getId(), withReason, 40);
        ProposalsCommand command = new ProposalsCommand();
        command.all = true;
        StringWriter text = new StringWriter();
        command.printTable(Proposals.of(state), state, new PrintWriter(text));

        assertThat(text.toString().lines()).as("lines of the printed tables")
                .noneMatch(line -> line.startsWith("retro-forged"));
        assertThat(text.toString()).as("control characters from the topic").doesNotContain("\u001b");
    }
}
