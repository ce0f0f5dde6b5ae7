package io.edgeloop.admin.approve;

import io.edgeloop.admin.auth.Operator;
import io.edgeloop.admin.view.BrokerUnavailableException;
import io.edgeloop.admin.view.KafkaClients;
import io.edgeloop.admin.view.ModelState;
import io.edgeloop.schemas.avro.ApprovalAction;
import io.edgeloop.schemas.avro.ApprovalDecision;
import io.edgeloop.schemas.topics.Topics;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/**
 * The approval producer: checks an operator's decision against the admin's view of the
 * changelog and writes it to {@code approvals} (key = change id) with the operator as actor.
 * The checks answer early and clearly (unknown change, already decided, a decision already
 * waiting for the keeper, missing reason, bad rollback version); the keeper stays the authority
 * and answers anything that slips through (e.g. a race with another admin) in the changelog.
 * Decisions are serialised, and a sent decision enters the view at once, so one admin never
 * sends two decisions for one change. The checks need a view that holds the topics to their
 * ends: while the view is still reading them (after a start, or after a lost connection, when it
 * reads them again from the beginning) a decision is refused ({@link RefusedException.Reason#VIEW_BEHIND}),
 * since a change decided long ago may still look PROPOSED there.
 *
 * <p>A rollback is a decision without a prior proposal: its change id is made here,
 * {@code rollback-to-v<N>-<epoch ms>}, and the keeper proposes and applies it in one step.
 */
public final class Decisions implements AutoCloseable {

    /** Longest reason accepted, in characters. */
    public static final int MAX_REASON = 2000;

    private final Producer<String, ApprovalDecision> producer;
    private final ModelState state;
    private final Clock clock;
    private final KafkaClients clients;
    private final BooleanSupplier viewCurrent;

    /**
     * @param viewCurrent whether {@code state} holds every record of its topics up to the ends
     *                    they had when the view last started reading them
     */
    public Decisions(Producer<String, ApprovalDecision> producer, ModelState state, BooleanSupplier viewCurrent,
                     Clock clock, KafkaClients clients) {
        this.producer = Objects.requireNonNull(producer, "producer");
        this.state = Objects.requireNonNull(state, "state");
        this.viewCurrent = Objects.requireNonNull(viewCurrent, "viewCurrent");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.clients = Objects.requireNonNull(clients, "clients");
    }

    /** Decisions with a real idempotent producer on the cluster. */
    public static Decisions create(KafkaClients clients, ModelState state, BooleanSupplier viewCurrent, Clock clock) {
        return new Decisions(new KafkaProducer<>(clients.producerConfig("edgeloop-admin-approvals"),
                Topics.APPROVALS.keySerde().serializer(), Topics.APPROVALS.valueSerde().serializer()),
                state, viewCurrent, clock, clients);
    }

    /** Approves a PROPOSED change. */
    public synchronized Receipt approve(Operator operator, String changeId, String reason) {
        return decide(operator, changeId, ApprovalAction.APPROVE, reason);
    }

    /** Rejects a PROPOSED change. */
    public synchronized Receipt reject(Operator operator, String changeId, String reason) {
        return decide(operator, changeId, ApprovalAction.REJECT, reason);
    }

    /** Rolls the library back to an earlier version (1 .. current - 1). */
    public synchronized Receipt rollback(Operator operator, long targetVersion, String reason) {
        String why = checkCommon(operator, reason);
        ProposalChecks.checkRollbackTarget(state, targetVersion);
        Instant now = clock.instant();
        return send(ApprovalDecision.newBuilder()
                .setChangeId("rollback-to-v" + targetVersion + "-" + now.toEpochMilli())
                .setAction(ApprovalAction.ROLLBACK)
                .setActor(operator.actor())
                .setReason(why)
                .setDecidedAt(now)
                .setTargetLibraryVersion(targetVersion)
                .build());
    }

    private Receipt decide(Operator operator, String changeId, ApprovalAction action, String reason) {
        String why = checkCommon(operator, reason);
        ProposalChecks.checkDecidable(state, changeId);
        return send(ApprovalDecision.newBuilder()
                .setChangeId(changeId)
                .setAction(action)
                .setActor(operator.actor())
                .setReason(why)
                .setDecidedAt(clock.instant())
                .setTargetLibraryVersion(null)
                .build());
    }

    private String checkCommon(Operator operator, String reason) {
        Objects.requireNonNull(operator, "operator");
        if (!operator.role().mayDecide()) {
            throw new ForbiddenException("operator " + operator.name() + " has the role "
                    + operator.role().name().toLowerCase(Locale.ROOT) + " and may not decide changes");
        }
        requireCurrentView();
        if (reason == null || reason.isBlank()) {
            throw new RefusedException(RefusedException.Reason.NO_REASON, "a decision needs a reason");
        }
        String why = reason.strip();
        if (why.length() > MAX_REASON) {
            throw new RefusedException(RefusedException.Reason.NO_REASON,
                    "the reason is longer than " + MAX_REASON + " characters");
        }
        return why;
    }

    /** Refuses while the view is not current (checked before the checks read it, and again before sending). */
    private void requireCurrentView() {
        if (!viewCurrent.getAsBoolean()) {
            throw new RefusedException(RefusedException.Reason.VIEW_BEHIND, "the admin is still reading "
                    + Topics.MODEL_CHANGELOG.name() + " and " + Topics.APPROVALS.name() + " from "
                    + clients.bootstrap() + " (after a start or a lost connection), so it cannot yet check the"
                    + " decision; nothing was sent, try again in a moment");
        }
    }

    private Receipt send(ApprovalDecision decision) {
        requireCurrentView();
        Duration timeout = clients.brokerTimeout();
        try {
            RecordMetadata meta = producer.send(new ProducerRecord<>(Topics.APPROVALS.name(), decision.getChangeId(),
                    decision)).get(timeout.toMillis() + 1_000, TimeUnit.MILLISECONDS);
            state.apply(Topics.APPROVALS.name(), decision.getChangeId(), decision, meta.timestamp());
            return new Receipt(decision.getChangeId(), decision.getAction().name(), decision.getActor(),
                    decision.getReason(), decision.getDecidedAt(), decision.getTargetLibraryVersion(),
                    meta.partition(), meta.offset());
        } catch (ExecutionException | TimeoutException | KafkaException e) {
            throw new BrokerUnavailableException("the decision on " + decision.getChangeId()
                    + " was not acknowledged by " + clients.bootstrap() + " within " + timeout.toSeconds()
                    + " s, so it may not be recorded; check the proposals before you try again", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BrokerUnavailableException("interrupted while sending the decision on " + decision.getChangeId(), e);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(2));
    }
}
