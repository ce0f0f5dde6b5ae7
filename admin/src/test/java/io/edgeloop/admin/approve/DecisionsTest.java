package io.edgeloop.admin.approve;

import io.edgeloop.admin.SeededState;
import io.edgeloop.admin.auth.Operator;
import io.edgeloop.admin.auth.Role;
import io.edgeloop.admin.seed.SeedLibrary;
import io.edgeloop.admin.seed.Seeds;
import io.edgeloop.admin.view.BrokerUnavailableException;
import io.edgeloop.admin.view.KafkaClients;
import io.edgeloop.admin.view.ModelState;
import io.edgeloop.schemas.avro.ApprovalAction;
import io.edgeloop.schemas.avro.ApprovalDecision;
import io.edgeloop.schemas.topics.Topics;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TimeoutException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DecisionsTest {

    private static final Instant NOW = Instant.parse("2026-04-17T15:30:00Z");
    private final Operator alice = new Operator("alice", Role.OPERATOR);
    private MockProducer<String, ApprovalDecision> producer;
    private ModelState state;
    private Decisions decisions;
    private final AtomicBoolean viewCurrent = new AtomicBoolean(true);

    @BeforeEach
    void setUp() {
        producer = new MockProducer<>(true, null, Topics.APPROVALS.keySerde().serializer(),
                Topics.APPROVALS.valueSerde().serializer());
        state = SeededState.of(Seeds.standard());
        decisions = new Decisions(producer, state, viewCurrent::get, Clock.fixed(NOW, ZoneOffset.UTC),
                new KafkaClients(Map.of("bootstrap.servers", "127.0.0.1:9092"), Duration.ofSeconds(2)));
    }

    @Test
    void shouldWriteAnApprovalWithTheOperatorAsActorKeyedByTheChange() {
        Receipt receipt = decisions.approve(alice, SeedLibrary.PENDING_ID, "  the edge is gone in the recent window ");
        ProducerRecord<String, ApprovalDecision> sent = producer.history().get(0);
        assertThat(sent.topic()).isEqualTo("approvals");
        assertThat(sent.key()).isEqualTo(SeedLibrary.PENDING_ID);
        assertThat(sent.value().getAction()).isEqualTo(ApprovalAction.APPROVE);
        assertThat(sent.value().getActor()).isEqualTo("operator:alice");
        assertThat(sent.value().getReason()).isEqualTo("the edge is gone in the recent window");
        assertThat(sent.value().getDecidedAt()).isEqualTo(NOW);
        assertThat(receipt.actor()).isEqualTo("operator:alice");
        assertThat(receipt.changeId()).isEqualTo(SeedLibrary.PENDING_ID);
    }

    @Test
    void shouldRefuseASecondDecisionWhileTheFirstWaitsForTheKeeper() {
        decisions.reject(alice, SeedLibrary.PENDING_ID, "not convinced");
        assertThatThrownBy(() -> decisions.approve(alice, SeedLibrary.PENDING_ID, "changed my mind"))
                .isInstanceOfSatisfying(RefusedException.class, e -> assertThat(e.reason()).isEqualTo(RefusedException.Reason.AWAITING_KEEPER))
                .hasMessageContaining("REJECT by operator:alice");
        assertThat(producer.history()).hasSize(1);
    }

    @Test
    void shouldRefuseUnknownAndDecidedChangesWithoutWriting() {
        assertThatThrownBy(() -> decisions.approve(alice, "no-such-change", "why not"))
                .isInstanceOfSatisfying(RefusedException.class, e -> assertThat(e.reason()).isEqualTo(RefusedException.Reason.UNKNOWN_CHANGE))
                .hasMessageContaining("no change 'no-such-change'").hasMessageContaining(SeedLibrary.PENDING_ID);
        assertThatThrownBy(() -> decisions.approve(alice, SeedLibrary.REJECTED_ID, "try again"))
                .isInstanceOfSatisfying(RefusedException.class, e -> assertThat(e.reason()).isEqualTo(RefusedException.Reason.ALREADY_DECIDED))
                .hasMessageContaining("already REJECTED (REJECT by operator:alice");
        assertThatThrownBy(() -> decisions.reject(alice, SeedLibrary.DEGRADE_ID, "undo"))
                .hasMessageContaining("already AUTO_APPLIED");
        assertThat(producer.history()).isEmpty();
    }

    @Test
    void shouldRefuseADecisionWithoutAReasonAndAViewersDecision() {
        assertThatThrownBy(() -> decisions.approve(alice, SeedLibrary.PENDING_ID, "   "))
                .isInstanceOfSatisfying(RefusedException.class, e -> assertThat(e.reason()).isEqualTo(RefusedException.Reason.NO_REASON));
        assertThatThrownBy(() -> decisions.approve(new Operator("bob", Role.VIEWER), SeedLibrary.PENDING_ID, "looks right"))
                .isInstanceOf(ForbiddenException.class).hasMessageContaining("bob has the role viewer");
        assertThat(producer.history()).isEmpty();
    }

    @Test
    void shouldRollBackOnlyToAnEarlierLibraryVersion() {
        Receipt receipt = decisions.rollback(alice, 1, "the degrade was premature");
        ApprovalDecision sent = producer.history().get(0).value();
        assertThat(sent.getAction()).isEqualTo(ApprovalAction.ROLLBACK);
        assertThat(sent.getTargetLibraryVersion()).isEqualTo(1L);
        assertThat(sent.getChangeId()).isEqualTo("rollback-to-v1-" + NOW.toEpochMilli()).isEqualTo(receipt.changeId());
        assertThatThrownBy(() -> decisions.rollback(alice, 1, "again"))
                .isInstanceOfSatisfying(RefusedException.class, e -> assertThat(e.reason()).isEqualTo(RefusedException.Reason.AWAITING_KEEPER));
        assertThat(producer.history()).hasSize(1);
    }

    @Test
    void shouldRefuseEveryDecisionWhileTheViewIsStillReadingTheTopicsAndSendNothing() {
        viewCurrent.set(false);
        for (ThrowingCallable decide : List.<ThrowingCallable>of(
                () -> decisions.approve(alice, SeedLibrary.PENDING_ID, "edge gone"),
                () -> decisions.reject(alice, SeedLibrary.PENDING_ID, "not yet"),
                () -> decisions.rollback(alice, 1, "back"))) {
            assertThatThrownBy(decide).isInstanceOfSatisfying(RefusedException.class,
                            e -> assertThat(e.reason()).isEqualTo(RefusedException.Reason.VIEW_BEHIND))
                    .hasMessageContaining("still reading model-changelog and approvals from 127.0.0.1:9092")
                    .hasMessageContaining("nothing was sent");
        }
        assertThat(producer.history()).isEmpty();
        assertThat(awaiting(state)).isZero();

        viewCurrent.set(true);
        assertThat(decisions.approve(alice, SeedLibrary.PENDING_ID, "edge gone").changeId())
                .isEqualTo(SeedLibrary.PENDING_ID);
        assertThat(producer.history()).hasSize(1);
    }

    @Test
    void shouldRefuseRollbackTargetsOutsideTheLibrarysPast() {
        assertThatThrownBy(() -> decisions.rollback(alice, 2, "current"))
                .hasMessage("the library is at version 2; roll back to a version from 1 to 1, not 2");
        assertThatThrownBy(() -> decisions.rollback(alice, 0, "zero")).hasMessageContaining("not 0");
        assertThatThrownBy(() -> decisions.rollback(alice, 1, "")).hasMessageContaining("needs a reason");
        assertThatThrownBy(() -> new Decisions(producer, new ModelState(), () -> true, Clock.systemUTC(),
                new KafkaClients(Map.of("bootstrap.servers", "x:1"), Duration.ofSeconds(1))).rollback(alice, 1, "empty"))
                .hasMessageContaining("no earlier version");
    }

    @Test
    void shouldSayTheDecisionMayNotBeRecordedWhenTheBrokerDoesNotAcknowledge() {
        MockProducer<String, ApprovalDecision> failing = new MockProducer<>(false, null,
                Topics.APPROVALS.keySerde().serializer(), Topics.APPROVALS.valueSerde().serializer());
        Decisions d = new Decisions(failing, state, () -> true, Clock.systemUTC(),
                new KafkaClients(Map.of("bootstrap.servers", "127.0.0.1:9092"), Duration.ofSeconds(1)));
        Thread broker = new Thread(() -> {
            while (failing.history().isEmpty()) {
                Thread.onSpinWait();
            }
            failing.errorNext(new TimeoutException("Expiring 1 record(s)"));
        });
        broker.start();
        assertThatThrownBy(() -> d.approve(alice, SeedLibrary.PENDING_ID, "edge gone"))
                .isInstanceOf(BrokerUnavailableException.class)
                .hasMessageContaining("was not acknowledged by 127.0.0.1:9092 within 1 s");
        assertThat(awaiting(state)).isZero();
    }

    private static int awaiting(ModelState state) {
        return state.read(s -> s.approvals(SeedLibrary.PENDING_ID).size());
    }
}
