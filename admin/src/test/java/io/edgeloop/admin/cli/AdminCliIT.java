package io.edgeloop.admin.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgeloop.admin.auth.PasswordHasher;
import io.edgeloop.admin.seed.RealSeed;
import io.edgeloop.admin.seed.SeedLibrary;
import io.edgeloop.admin.seed.SeedPublisher;
import io.edgeloop.admin.seed.Seeds;
import io.edgeloop.schemas.avro.ApprovalAction;
import io.edgeloop.schemas.avro.ApprovalDecision;
import io.edgeloop.schemas.topics.Topics;
import io.edgeloop.testsupport.KafkaTest;
import io.edgeloop.testsupport.KafkaTestContext;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Every admin command against a real broker holding the real-data seed. */
@KafkaTest
class AdminCliIT {

    private static final RealSeed SEED = Seeds.standard();
    private static String bootstrap;
    private static Path operators;

    @BeforeAll
    static void seed(KafkaTestContext kafka) throws Exception {
        bootstrap = kafka.bootstrapServers();
        SeedPublisher.publish(bootstrap, SEED);
        operators = kafka.tempDir().resolve("operators");
        Files.writeString(operators,
                "alice:" + PasswordHasher.hash("alice-password".toCharArray(), PasswordHasher.MIN_ITERATIONS) + "\n"
                        + "bob:" + PasswordHasher.hash("bob-password".toCharArray(), PasswordHasher.MIN_ITERATIONS) + ":viewer\n");
    }

    private static CliRun as(String user, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--bootstrap", bootstrap, "--operators", operators.toString(), "--user", user, "--timeout", "20s"));
        return CliRun.run(Map.of(ClusterOptions.PASSWORD_ENV, user + "-password"), all.toArray(String[]::new));
    }

    private static List<ApprovalDecision> approvals(KafkaTestContext kafka, String changeId, int atLeast) {
        List<ConsumerRecord<String, ApprovalDecision>> all = kafka.consumeUntil(Topics.APPROVALS.name(), atLeast,
                Duration.ofSeconds(20), new StringDeserializer(), Topics.APPROVALS.valueSerde().deserializer());
        return all.stream().filter(r -> r.key().startsWith(changeId)).map(ConsumerRecord::value).toList();
    }

    @Test
    void shouldListPendingProposalsAndWithAllTheDecidedOnes() throws Exception {
        CliRun pending = as("bob", "proposals");
        assertThat(pending.exitCode()).as(pending.err()).isZero();
        assertThat(pending.out()).contains("library version 2; 2 pending proposal(s)")
                .contains(SeedLibrary.PENDING_ID).contains(SeedLibrary.SECOND_PENDING_ID).doesNotContain(SeedLibrary.REJECTED_ID);
        CliRun all = as("bob", "proposals", "--all");
        assertThat(all.out()).contains(SeedLibrary.REJECTED_ID).contains("operator:alice").contains("AUTO_APPLIED")
                .contains("1->2");
        JsonNode json = new ObjectMapper().readTree(as("bob", "proposals", "--json").out());
        assertThat(json.path("pending")).hasSize(2);
        assertThat(json.path("libraryVersion").asLong()).isEqualTo(2);
    }

    @Test
    void shouldListTheLibraryAndFilterItByStatus() {
        CliRun all = as("bob", "patterns");
        assertThat(all.exitCode()).isZero();
        assertThat(all.out()).contains("library version 2; 17 pattern(s)").contains(RealSeed.BULL_PATTERN);
        CliRun degraded = as("bob", "patterns", "--status", "DEGRADED");
        assertThat(degraded.out()).contains("1 pattern(s) with status DEGRADED").contains(RealSeed.BEAR_PATTERN)
                .doesNotContain(RealSeed.BULL_PATTERN);
    }

    @Test
    void shouldListAOneTickersPredictionsWithOutcomes() {
        String ticker = SEED.predictions.get(0).getTicker();
        long count = SEED.predictions.stream().filter(p -> p.getTicker().equals(ticker)).count();
        CliRun run = as("bob", "predictions", "--ticker", ticker.toLowerCase(), "--limit", "500");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains(SEED.predictions.size() + " prediction(s), " + SEED.outcomes.size() + " outcome(s)")
                .contains("showing " + count + " of " + count);
        assertThat(run.out().lines().skip(2)).allSatisfy(line -> assertThat(line).contains(" " + ticker + " "));
        assertThat(as("bob", "predictions", "--open").out()).contains("OPEN").doesNotContain(" HIT ");
    }

    @Test
    void shouldRecordAnOperatorsApprovalWithActorAndReasonAndRefuseTheSecond(KafkaTestContext kafka) {
        CliRun approve = as("alice", "approve", SeedLibrary.PENDING_ID, "--reason", "recent window lost the edge");
        assertThat(approve.exitCode()).as(approve.err()).isZero();
        assertThat(approve.out()).contains("approval of " + SeedLibrary.PENDING_ID + " as operator:alice: recorded in approvals");
        ApprovalDecision decision = approvals(kafka, SeedLibrary.PENDING_ID, 1).get(0);
        assertThat(decision.getAction()).isEqualTo(ApprovalAction.APPROVE);
        assertThat(decision.getActor()).isEqualTo("operator:alice");
        assertThat(decision.getReason()).isEqualTo("recent window lost the edge");
        CliRun again = as("alice", "reject", SeedLibrary.PENDING_ID, "--reason", "second thoughts");
        assertThat(again.exitCode()).isEqualTo(AdminCli.REFUSED);
        assertThat(again.err()).contains("refused: a decision on " + SeedLibrary.PENDING_ID + " is already waiting for the keeper");
        assertThat(approvals(kafka, SeedLibrary.PENDING_ID, 1)).hasSize(1);
    }

    @Test
    void shouldRefuseUnknownAndDecidedChanges() {
        CliRun unknown = as("alice", "approve", "no-such-change", "--reason", "why not");
        assertThat(unknown.exitCode()).isEqualTo(AdminCli.REFUSED);
        assertThat(unknown.err()).contains("refused: no change 'no-such-change' in the changelog");
        CliRun decided = as("alice", "approve", SeedLibrary.REJECTED_ID, "--reason", "try again");
        assertThat(decided.exitCode()).isEqualTo(AdminCli.REFUSED);
        assertThat(decided.err()).contains("is already REJECTED (REJECT by operator:alice");
    }

    @Test
    void shouldForbidAViewerToDecideAndWriteNothing(KafkaTestContext kafka) {
        CliRun run = as("bob", "reject", SeedLibrary.SECOND_PENDING_ID, "--reason", "not needed");
        assertThat(run.exitCode()).isEqualTo(AdminCli.FORBIDDEN);
        assertThat(run.err()).contains("forbidden: operator bob has the role viewer");
        CliRun wrong = CliRun.run(Map.of(ClusterOptions.PASSWORD_ENV, "guess"), "reject", SeedLibrary.SECOND_PENDING_ID,
                "--reason", "x", "--bootstrap", bootstrap, "--operators", operators.toString(), "--user", "alice");
        assertThat(wrong.exitCode()).isEqualTo(AdminCli.NOT_AUTHENTICATED);
        assertThat(as("alice", "reject", SeedLibrary.SECOND_PENDING_ID, "--reason", "keep it for intraday feeds").exitCode())
                .isZero();
        assertThat(approvals(kafka, SeedLibrary.SECOND_PENDING_ID, 1)).singleElement()
                .satisfies(d -> assertThat(d.getActor()).isEqualTo("operator:alice"));
    }

    @Test
    void shouldRecordARollbackToAnEarlierVersionAndRefuseOthers(KafkaTestContext kafka) {
        CliRun bad = as("alice", "rollback", "2", "--reason", "to the current version");
        assertThat(bad.exitCode()).isEqualTo(AdminCli.REFUSED);
        assertThat(bad.err()).contains("the library is at version 2; roll back to a version from 1 to 1, not 2");
        CliRun run = as("alice", "rollback", "1", "--reason", "the degrade was premature");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("rollback to version 1 as change rollback-to-v1-");
        CliRun second = as("alice", "rollback", "1", "--reason", "again");
        assertThat(second.exitCode()).isEqualTo(AdminCli.REFUSED);
        assertThat(second.err()).contains("a rollback is already waiting for the keeper");
        List<ApprovalDecision> rollbacks = approvals(kafka, "rollback-to-v1-", 1);
        assertThat(rollbacks).singleElement().satisfies(d -> {
            assertThat(d.getAction()).isEqualTo(ApprovalAction.ROLLBACK);
            assertThat(d.getTargetLibraryVersion()).isEqualTo(1L);
            assertThat(d.getActor()).isEqualTo("operator:alice");
        });
    }
}
