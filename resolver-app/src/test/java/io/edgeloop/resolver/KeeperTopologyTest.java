package io.edgeloop.resolver;

import io.edgeloop.core.rules.Direction;
import io.edgeloop.core.rules.PatternOrigin;
import io.edgeloop.core.rules.Rule;
import io.edgeloop.core.rules.SeedPatterns;
import io.edgeloop.core.stats.PatternStats;
import io.edgeloop.schemas.avro.ApprovalAction;
import io.edgeloop.schemas.avro.ApprovalDecision;
import io.edgeloop.schemas.avro.ChangeKind;
import io.edgeloop.schemas.avro.ChangeStatus;
import io.edgeloop.schemas.avro.ModelChange;
import io.edgeloop.schemas.avro.PatternDefinition;
import io.edgeloop.schemas.avro.PatternStatus;
import io.edgeloop.schemas.mapping.PatternMapping;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static io.edgeloop.resolver.Governance.approve;
import static io.edgeloop.resolver.Governance.avro;
import static io.edgeloop.resolver.Governance.proposal;
import static io.edgeloop.resolver.Governance.reject;
import static io.edgeloop.resolver.Governance.status;
import static org.assertj.core.api.Assertions.assertThat;

class KeeperTopologyTest {

    private static final String BULL = "bull_state_dominance";
    private static final String BEAR = "bear_state_dominance";

    @TempDir
    Path stateDir;

    private ResolverDriver resolver;

    @BeforeEach
    void start() {
        resolver = new ResolverDriver(ResolverConfig.defaults().withInMemoryStores(), stateDir);
    }

    @AfterEach
    void stop() {
        resolver.close();
    }

    @Test
    void shouldSeedTheEmptyLibraryWithTheSeventeenSeedPatternsAsVersionOne() {
        resolver.advanceWallClock(Duration.ofSeconds(1));

        List<KeyValue<String, PatternDefinition>> library = resolver.library();
        assertThat(library).hasSize(17);
        assertThat(library).extracting(kv -> kv.key)
                .containsExactlyInAnyOrderElementsOf(SeedPatterns.all().stream().map(p -> p.id()).toList());
        for (KeyValue<String, PatternDefinition> kv : library) {
            PatternDefinition p = kv.value;
            assertThat(p.getLibraryVersion()).isEqualTo(1);
            assertThat(p.getVersion()).isEqualTo(1);
            assertThat(p.getOrigin()).isEqualTo(io.edgeloop.schemas.avro.PatternOrigin.SEED);
            assertThat(p.getStatus()).isEqualTo(PatternStatus.ACTIVE);
            assertThat(p.getStats().getN()).isZero();
            assertThat(p.getStats().getPosteriorMean()).isEqualTo(0.5);
            assertThat(PatternMapping.toDomain(p)).isEqualTo(SeedPatterns.byId(p.getId()).orElseThrow());
        }
        assertThat(resolver.contents(ResolverStores.KEEPER_LIBRARY)).hasSize(17);
        assertThat(libraryVersion()).isEqualTo(1);
        assertThat(resolver.changelog()).isEmpty();

        resolver.restart();
        resolver.advanceWallClock(Duration.ofSeconds(5));
        resolver.decide(approve("nothing-pending", "alice"));
        assertThat(resolver.library()).hasSize(17);
        assertThat(libraryVersion()).isEqualTo(1);
    }

    @Test
    void shouldSeedOnTheFirstRecordWhenItComesBeforeTheDelay() {
        resolver.propose(status("chg-1", ChangeKind.DEGRADE, BULL));

        assertThat(resolver.library()).hasSize(17);
        assertThat(changeView("chg-1").getStatus()).isEqualTo(ChangeStatus.PROPOSED);
    }

    @Test
    void shouldApplyAnApprovedChangeAndBumpTheVersionWithBeforeAndAfter() {
        resolver.advanceWallClock(Duration.ofSeconds(1));
        resolver.library();
        resolver.propose(status("chg-degrade-bull", ChangeKind.DEGRADE, BULL));
        assertThat(resolver.changelog()).isEmpty();
        resolver.decide(approve("chg-degrade-bull", "alice"));

        ModelChange answer = single(resolver.changelog());
        assertThat(answer.getStatus()).isEqualTo(ChangeStatus.APPLIED);
        assertThat(answer.getDecision().getActor()).isEqualTo("alice");
        assertThat(answer.getDecision().getAction()).isEqualTo(ApprovalAction.APPROVE);
        assertThat(answer.getDecision().getDecidedAt()).isEqualTo(Governance.DECIDED_AT);
        assertThat(answer.getLibraryVersionBefore()).isEqualTo(1L);
        assertThat(answer.getLibraryVersionAfter()).isEqualTo(2L);
        assertThat(answer.getPrevious().getStatus()).isEqualTo(PatternStatus.ACTIVE);
        assertThat(answer.getPrevious().getVersion()).isEqualTo(1);
        assertThat(answer.getProposed().getStatus()).isEqualTo(PatternStatus.DEGRADED);
        assertThat(answer.getProposed().getVersion()).isEqualTo(2);
        assertThat(answer.getSummary()).isEqualTo("DEGRADE bull_state_dominance (chg-degrade-bull)");

        KeyValue<String, PatternDefinition> published = single(resolver.library().subList(17, 18));
        assertThat(published.key).isEqualTo(BULL);
        assertThat(published.value.getStatus()).isEqualTo(PatternStatus.DEGRADED);
        assertThat(published.value.getLibraryVersion()).isEqualTo(2);
        assertThat(resolver.store(ResolverStores.KEEPER_LIBRARY).get(BULL)).isEqualTo(published.value);
        assertThat(libraryVersion()).isEqualTo(2);
    }

    @Test
    void shouldRecordARejectionAndRefuseALaterApproval() {
        resolver.propose(status("chg-retire", ChangeKind.RETIRE, BEAR));
        resolver.decide(reject("chg-retire", "carol"));
        resolver.decide(approve("chg-retire", "dave"));

        List<ModelChange> answers = resolver.changelog();
        assertThat(answers).hasSize(2);
        assertThat(answers.get(0).getStatus()).isEqualTo(ChangeStatus.REJECTED);
        assertThat(answers.get(0).getDecision().getActor()).isEqualTo("carol");
        assertThat(answers.get(1).getStatus()).isEqualTo(ChangeStatus.REJECTED);
        assertThat(answers.get(1).getDecision().getActor()).isEqualTo("carol");
        assertThat(answers.get(1).getStatusReason())
                .isEqualTo("approval by dave refused: change chg-retire was already REJECTED by carol");
        assertThat(resolver.library()).hasSize(17);
        assertThat(libraryVersion()).isEqualTo(1);
    }

    @Test
    void shouldAnswerAnApprovalOfAnUnknownChangeAndChangeNothing() {
        resolver.decide(approve("chg-nobody-proposed", "alice"));

        ModelChange answer = single(resolver.changelog());
        assertThat(answer.getId()).isEqualTo("chg-nobody-proposed");
        assertThat(answer.getKind()).isEqualTo(ChangeKind.UNKNOWN);
        assertThat(answer.getStatus()).isEqualTo(ChangeStatus.INVALID);
        assertThat(answer.getStatusReason())
                .isEqualTo("approval by alice refused: no change chg-nobody-proposed was proposed; the decision is"
                        + " kept and made when the proposal arrives");
        assertThat(resolver.library()).hasSize(17);
        assertThat(libraryVersion()).isEqualTo(1);
    }

    /**
     * The keeper reads approvals and model-changelog as two partitions: an approval may come
     * before its proposal. It is kept (across a restart) and made when the proposal arrives.
     */
    @Test
    void shouldMakeADecisionThatCameBeforeItsProposalWhenTheProposalArrives() {
        resolver.decide(approve("chg-degrade-bull", "alice"));
        resolver.decide(reject("chg-degrade-bull", "bob"));
        resolver.restart();
        resolver.propose(status("chg-degrade-bull", ChangeKind.DEGRADE, BULL));
        resolver.propose(status("chg-degrade-bull", ChangeKind.DEGRADE, BULL));

        List<ModelChange> answers = resolver.changelog();
        assertThat(answers).hasSize(4);
        assertThat(answers.subList(0, 2)).extracting(ModelChange::getKind, ModelChange::getStatus)
                .containsOnly(org.assertj.core.groups.Tuple.tuple(ChangeKind.UNKNOWN, ChangeStatus.INVALID));
        assertThat(answers.get(1).getStatusReason())
                .isEqualTo("approval by bob refused: no change chg-degrade-bull was proposed");
        ModelChange applied = answers.get(2);
        assertThat(applied.getKind()).isEqualTo(ChangeKind.DEGRADE);
        assertThat(applied.getStatus()).isEqualTo(ChangeStatus.APPLIED);
        assertThat(applied.getDecision().getActor()).isEqualTo("alice");
        assertThat(applied.getLibraryVersionBefore()).isEqualTo(1L);
        assertThat(applied.getLibraryVersionAfter()).isEqualTo(2L);
        assertThat(answers.get(3).getStatus()).isEqualTo(ChangeStatus.APPLIED);
        assertThat(answers.get(3).getStatusReason()).startsWith("proposal by retrospective refused:");
        assertThat(published(BULL).getStatus()).isEqualTo(PatternStatus.DEGRADED);
        assertThat(libraryVersion()).isEqualTo(2);
        assertThat(resolver.store(ResolverStores.KEEPER_STATE).get(KeeperProcessor.PARKED_PREFIX + "chg-degrade-bull"))
                .isNull();
    }

    /**
     * A kept decision made before the change was proposed is about another use of the id (a typo,
     * an old decision): it is not applied; the proposal waits for an operator.
     */
    @Test
    void shouldNotApplyAKeptDecisionMadeBeforeTheProposal() {
        resolver.decide(ApprovalDecision.newBuilder(approve("chg-degrade-bull", "alice"))
                .setDecidedAt(Governance.PROPOSED_AT.minusSeconds(86_400)).build());
        resolver.propose(status("chg-degrade-bull", ChangeKind.DEGRADE, BULL));

        assertThat(changeView("chg-degrade-bull").getStatus()).isEqualTo(ChangeStatus.PROPOSED);
        assertThat(published(BULL).getStatus()).isEqualTo(PatternStatus.ACTIVE);
        assertThat(libraryVersion()).isEqualTo(1);
        assertThat(resolver.store(ResolverStores.KEEPER_STATE).get(KeeperProcessor.PARKED_PREFIX + "chg-degrade-bull"))
                .as("taken with the proposal").isNull();
    }

    /**
     * A decision the keeper does not keep (an anonymous one) is lost, but the proposal that comes
     * after it is acknowledged, so the compacted changelog does not end on the refusal.
     */
    @Test
    void shouldAcknowledgeAProposalWhoseIdHadADecisionRefused() {
        resolver.decide(approve("chg-degrade-bull", "anonymous"));
        resolver.propose(status("chg-degrade-bull", ChangeKind.DEGRADE, BULL));

        List<ModelChange> answers = resolver.changelog();
        assertThat(answers).extracting(ModelChange::getKind, ModelChange::getStatus).containsExactly(
                org.assertj.core.groups.Tuple.tuple(ChangeKind.UNKNOWN, ChangeStatus.INVALID),
                org.assertj.core.groups.Tuple.tuple(ChangeKind.DEGRADE, ChangeStatus.PROPOSED));
        assertThat(changeView("chg-degrade-bull").getStatus()).isEqualTo(ChangeStatus.PROPOSED);

        resolver.decide(approve("chg-degrade-bull", "alice"));

        assertThat(resolver.changelog().get(2).getStatus()).isEqualTo(ChangeStatus.APPLIED);
        assertThat(published(BULL).getStatus()).isEqualTo(PatternStatus.DEGRADED);
    }

    @Test
    void shouldNeverApplyTheSameChangeTwice() {
        resolver.propose(status("chg-degrade-bull", ChangeKind.DEGRADE, BULL));
        resolver.decide(approve("chg-degrade-bull", "alice"));
        resolver.propose(status("chg-degrade-bull", ChangeKind.DEGRADE, BULL));
        resolver.restart();
        resolver.decide(approve("chg-degrade-bull", "bob"));

        List<ModelChange> answers = resolver.changelog();
        assertThat(answers).extracting(ModelChange::getStatus).containsOnly(ChangeStatus.APPLIED);
        assertThat(answers.get(1).getStatusReason()).isEqualTo("proposal by retrospective refused: change "
                + "chg-degrade-bull was already APPLIED as version 2 by alice");
        assertThat(answers.get(2).getStatusReason()).isEqualTo("approval by bob refused: change chg-degrade-bull was "
                + "already APPLIED as version 2 by alice");
        assertThat(answers).extracting(ModelChange::getLibraryVersionAfter).containsOnly(2L);
        assertThat(resolver.library()).hasSize(18);
        assertThat(libraryVersion()).isEqualTo(2);
    }

    @Test
    void shouldRefuseAnAnonymousApprovalAndApplyANamedOne() {
        resolver.propose(status("chg-retire", ChangeKind.RETIRE, BEAR));
        resolver.decide(approve("chg-retire", " "));
        resolver.decide(approve("chg-retire", "anonymous"));
        resolver.decide(approve("chg-retire", "erin"));

        List<ModelChange> answers = resolver.changelog();
        assertThat(answers).extracting(ModelChange::getStatus)
                .containsExactly(ChangeStatus.PROPOSED, ChangeStatus.PROPOSED, ChangeStatus.APPLIED);
        assertThat(answers.get(0).getStatusReason())
                .isEqualTo("approval by an anonymous actor refused: approvals must name an actor");
        assertThat(answers.get(1).getStatusReason())
                .isEqualTo("approval by anonymous refused: approvals must name an actor");
        assertThat(answers.get(2).getDecision().getActor()).isEqualTo("erin");
    }

    @Test
    void shouldAnswerAProposalWhoseRuleFailsValidationAsInvalid() {
        var impossible = new io.edgeloop.core.rules.PatternDefinition("htf_surge_55", "HTF surge", "HTF >= 55",
                Direction.UP, io.edgeloop.core.rules.PatternStatus.CANDIDATE, 1, PatternOrigin.DISCOVERED,
                Rule.all(Rule.eq("state", "HTF_BULL_LTF_BULL"), Rule.gte("htf_score", 55)), PatternStats.EMPTY,
                Optional.empty());
        resolver.propose(proposal("chg-add-surge", ChangeKind.ADD_PATTERN, "htf_surge_55", avro(impossible)));
        resolver.decide(approve("chg-add-surge", "alice"));

        List<ModelChange> answers = resolver.changelog();
        assertThat(answers).hasSize(2);
        assertThat(answers.get(0).getStatus()).isEqualTo(ChangeStatus.INVALID);
        assertThat(answers.get(0).getStatusReason()).startsWith("pattern htf_surge_55 is invalid: $.rule.all[1]")
                .contains("htf_score");
        assertThat(answers.get(1).getStatus()).isEqualTo(ChangeStatus.INVALID);
        assertThat(answers.get(1).getStatusReason()).startsWith("approval by alice refused: change chg-add-surge was "
                + "already INVALID");
        assertThat(resolver.library()).hasSize(17);
    }

    @Test
    void shouldAnswerAProposalThatCannotBeAChangeAsInvalid() {
        resolver.propose(proposal("chg-no-pattern", ChangeKind.MODIFY_RULE, BULL, null));

        ModelChange answer = single(resolver.changelog());
        assertThat(answer.getStatus()).isEqualTo(ChangeStatus.INVALID);
        assertThat(answer.getStatusReason()).isEqualTo("MODIFY_RULE needs the proposed pattern");
    }

    @Test
    void shouldAddACandidatePatternAndPromoteIt() {
        var candidate = new io.edgeloop.core.rules.PatternDefinition("bull_high_htf", "Bull with high HTF",
                "Aligned bull state with HTF >= 25.", Direction.UP, io.edgeloop.core.rules.PatternStatus.CANDIDATE,
                1, PatternOrigin.DISCOVERED, Rule.all(Rule.eq("state", "HTF_BULL_LTF_BULL"), Rule.gte("htf_score", 25)),
                PatternStats.EMPTY, Optional.empty());
        resolver.propose(proposal("chg-add", ChangeKind.ADD_PATTERN, "bull_high_htf", avro(candidate)));
        resolver.decide(approve("chg-add", "alice"));
        resolver.propose(status("chg-promote", ChangeKind.PROMOTE, "bull_high_htf"));
        resolver.decide(approve("chg-promote", "bob"));

        List<KeyValue<String, PatternDefinition>> published = resolver.library().subList(17, 19);
        assertThat(published).extracting(kv -> kv.value.getStatus())
                .containsExactly(PatternStatus.CANDIDATE, PatternStatus.ACTIVE);
        assertThat(published).extracting(kv -> kv.value.getLibraryVersion()).containsExactly(2L, 3L);
        assertThat(published.get(1).value.getOrigin()).isEqualTo(io.edgeloop.schemas.avro.PatternOrigin.RETROSPECTIVE);
        assertThat(PatternMapping.toDomain(published.get(1).value).rule()).isEqualTo(candidate.rule());
        List<ModelChange> answers = resolver.changelog();
        assertThat(answers.get(0).getPrevious()).isNull();
        assertThat(answers.get(0).getProposed().getStatus()).isEqualTo(PatternStatus.CANDIDATE);
    }

    @Test
    void shouldRollBackToANamedVersionAndMarkTheUndoneChanges() {
        resolver.propose(status("chg-degrade-bull", ChangeKind.DEGRADE, BULL));
        resolver.decide(approve("chg-degrade-bull", "alice"));
        resolver.propose(status("chg-retire-bear", ChangeKind.RETIRE, BEAR));
        resolver.decide(approve("chg-retire-bear", "alice"));
        resolver.library();
        resolver.decide(Governance.rollback("chg-rollback-1", "bob", 1));

        List<ModelChange> answers = resolver.changelog();
        ModelChange rollback = answers.get(2);
        assertThat(rollback.getKind()).isEqualTo(ChangeKind.ROLLBACK);
        assertThat(rollback.getStatus()).isEqualTo(ChangeStatus.APPLIED);
        assertThat(rollback.getProposedBy()).isEqualTo("operator:bob");
        assertThat(rollback.getTargetLibraryVersion()).isEqualTo(1L);
        assertThat(rollback.getLibraryVersionBefore()).isEqualTo(3L);
        assertThat(rollback.getLibraryVersionAfter()).isEqualTo(4L);
        assertThat(answers.subList(3, 5)).extracting(ModelChange::getId, ModelChange::getStatus)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("chg-degrade-bull", ChangeStatus.ROLLED_BACK),
                        org.assertj.core.groups.Tuple.tuple("chg-retire-bear", ChangeStatus.ROLLED_BACK));
        List<KeyValue<String, PatternDefinition>> restored = resolver.library().subList(19, 21);
        assertThat(restored).extracting(kv -> kv.key).containsExactlyInAnyOrder(BULL, BEAR);
        assertThat(restored).allSatisfy(kv -> {
            assertThat(kv.value.getStatus()).isEqualTo(PatternStatus.ACTIVE);
            assertThat(kv.value.getVersion()).isEqualTo(1);
            assertThat(kv.value.getLibraryVersion()).isEqualTo(4);
        });
        assertThat(libraryVersion()).isEqualTo(4);
    }

    /**
     * A rollback of a rollback brings back what the first undid: those changes are APPLIED again
     * and the first rollback is ROLLED_BACK; rolling back to the first rollback's version turns
     * them round once more.
     */
    @Test
    void shouldAnswerTheChangesARollbackOfARollbackBringsBackAsAppliedAgain() {
        resolver.propose(status("chg-degrade-bull", ChangeKind.DEGRADE, BULL));
        resolver.decide(approve("chg-degrade-bull", "alice"));
        resolver.decide(Governance.rollback("chg-rollback-1", "bob", 1));
        resolver.decide(Governance.rollback("chg-rollback-2", "bob", 2));

        List<ModelChange> answers = resolver.changelog();
        assertThat(answers).hasSize(6);
        assertThat(answers.get(3).getId()).isEqualTo("chg-rollback-2");
        assertThat(answers.subList(4, 6)).extracting(ModelChange::getId, ModelChange::getStatus,
                        ModelChange::getStatusReason)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("chg-degrade-bull", ChangeStatus.APPLIED,
                                "applied again by chg-rollback-2: library version 2 restored as version 4"),
                        org.assertj.core.groups.Tuple.tuple("chg-rollback-1", ChangeStatus.ROLLED_BACK,
                                "rolled back by chg-rollback-2: library version 2 restored as version 4"));
        assertThat(answers.get(4).getLibraryVersionAfter()).isEqualTo(2L);
        assertThat(published(BULL).getStatus()).isEqualTo(PatternStatus.DEGRADED);

        resolver.decide(Governance.rollback("chg-rollback-3", "bob", 3));

        answers = resolver.changelog();
        assertThat(answers).hasSize(10);
        assertThat(answers.subList(7, 10)).extracting(ModelChange::getId, ModelChange::getStatus)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("chg-degrade-bull", ChangeStatus.ROLLED_BACK),
                        org.assertj.core.groups.Tuple.tuple("chg-rollback-1", ChangeStatus.APPLIED),
                        org.assertj.core.groups.Tuple.tuple("chg-rollback-2", ChangeStatus.ROLLED_BACK));
        assertThat(published(BULL).getStatus()).isEqualTo(PatternStatus.ACTIVE);
    }

    @Test
    void shouldNameTheOperatorOfARollbackOnceWhenTheActorIsSpelledAsTheAdminSpellsIt() {
        resolver.propose(status("chg-degrade-bull", ChangeKind.DEGRADE, BULL));
        resolver.decide(approve("chg-degrade-bull", "alice"));
        resolver.decide(Governance.rollback("chg-rollback-1", "operator:bob", 1));
        ModelChange rollback = resolver.changelog().get(1);
        assertThat(rollback.getKind()).isEqualTo(ChangeKind.ROLLBACK);
        assertThat(rollback.getProposedBy()).isEqualTo("operator:bob");
    }

    @Test
    void shouldApplyAnApprovedRollbackProposal() {
        resolver.propose(status("chg-degrade-bull", ChangeKind.DEGRADE, BULL));
        resolver.decide(approve("chg-degrade-bull", "alice"));
        resolver.propose(Governance.rollbackProposal("chg-rollback-proposed", 1));
        resolver.decide(approve("chg-rollback-proposed", "bob"));
        resolver.decide(Governance.rollback("chg-rollback-to-9", "bob", 9));

        List<ModelChange> answers = resolver.changelog();
        assertThat(answers.get(1).getStatus()).isEqualTo(ChangeStatus.APPLIED);
        assertThat(answers.get(1).getLibraryVersionAfter()).isEqualTo(3L);
        assertThat(answers.get(3).getId()).isEqualTo("chg-rollback-to-9");
        assertThat(answers.get(3).getStatus()).isEqualTo(ChangeStatus.INVALID);
        assertThat(answers.get(3).getStatusReason()).isEqualTo("library version 9 does not exist (versions are 1..3)");
    }

    /**
     * A rollback decision without a target is refused (an INVALID record of kind ROLLBACK with no
     * target); the corrected decision under the same id is the rollback, answered from the decision
     * itself, and its re-delivery after a restart is refused as already decided.
     */
    @Test
    void shouldApplyACorrectedRollbackUnderTheIdOfOneRefusedForWantOfATarget() {
        resolver.propose(status("chg-degrade-bull", ChangeKind.DEGRADE, BULL));
        resolver.decide(approve("chg-degrade-bull", "alice"));
        resolver.decide(Governance.decision("chg-rollback", ApprovalAction.ROLLBACK, "bob", null));
        ApprovalDecision corrected = Governance.rollback("chg-rollback", "bob", 1);
        resolver.decide(corrected);

        List<ModelChange> answers = resolver.changelog();
        assertThat(answers).hasSize(4);
        assertThat(answers.get(1).getStatus()).isEqualTo(ChangeStatus.INVALID);
        assertThat(answers.get(1).getTargetLibraryVersion()).isNull();
        ModelChange rollback = answers.get(2);
        assertThat(rollback.getId()).isEqualTo("chg-rollback");
        assertThat(rollback.getKind()).isEqualTo(ChangeKind.ROLLBACK);
        assertThat(rollback.getStatus()).isEqualTo(ChangeStatus.APPLIED);
        assertThat(rollback.getStatusReason()).isNull();
        assertThat(rollback.getTargetLibraryVersion()).isEqualTo(1L);
        assertThat(rollback.getLibraryVersionBefore()).isEqualTo(2L);
        assertThat(rollback.getLibraryVersionAfter()).isEqualTo(3L);
        assertThat(answers.get(3).getId()).isEqualTo("chg-degrade-bull");
        assertThat(answers.get(3).getStatus()).isEqualTo(ChangeStatus.ROLLED_BACK);
        assertThat(published(BULL).getStatus()).isEqualTo(PatternStatus.ACTIVE);

        resolver.restart();
        resolver.decide(corrected);

        answers = resolver.changelog();
        assertThat(answers).hasSize(5);
        assertThat(answers.get(4).getId()).isEqualTo("chg-rollback");
        assertThat(answers.get(4).getStatus()).isEqualTo(ChangeStatus.APPLIED);
        assertThat(answers.get(4).getStatusReason()).isEqualTo(
                "approval by bob refused: change chg-rollback was already APPLIED as version 3 by bob");
        assertThat(libraryVersion()).isEqualTo(3);
    }

    /** An id first refused as unknown (an approval of nothing) and then used for a rollback: the answer is the rollback's. */
    @Test
    void shouldAnswerARollbackUnderAnIdFirstRefusedAsUnknownAsThatRollback() {
        resolver.propose(status("chg-degrade-bull", ChangeKind.DEGRADE, BULL));
        resolver.decide(approve("chg-degrade-bull", "alice"));
        resolver.decide(approve("chg-rollback", "bob"));
        resolver.decide(Governance.rollback("chg-rollback", "bob", 1));

        List<ModelChange> answers = resolver.changelog();
        assertThat(answers).extracting(ModelChange::getId, ModelChange::getKind, ModelChange::getStatus)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("chg-degrade-bull", ChangeKind.DEGRADE, ChangeStatus.APPLIED),
                        org.assertj.core.groups.Tuple.tuple("chg-rollback", ChangeKind.UNKNOWN, ChangeStatus.INVALID),
                        org.assertj.core.groups.Tuple.tuple("chg-rollback", ChangeKind.ROLLBACK, ChangeStatus.APPLIED),
                        org.assertj.core.groups.Tuple.tuple("chg-degrade-bull", ChangeKind.DEGRADE,
                                ChangeStatus.ROLLED_BACK));
        assertThat(answers.get(2).getTargetLibraryVersion()).isEqualTo(1L);
        assertThat(answers.get(2).getProposedBy()).isEqualTo("operator:bob");
        assertThat(answers.get(2).getLibraryVersionAfter()).isEqualTo(3L);
        assertThat(published(BULL).getStatus()).isEqualTo(PatternStatus.ACTIVE);
    }

    /**
     * A rollback to version 0 is a final INVALID change: the same id later is refused as already
     * decided, and nothing is rolled back.
     */
    @Test
    void shouldKeepARollbackToVersionZeroFinallyInvalid() {
        resolver.propose(status("chg-degrade-bear", ChangeKind.DEGRADE, BEAR));
        resolver.decide(approve("chg-degrade-bear", "alice"));
        resolver.propose(status("chg-degrade-bull", ChangeKind.DEGRADE, BULL));
        resolver.decide(approve("chg-degrade-bull", "alice"));
        resolver.decide(Governance.rollback("chg-rollback", "bob", 0));
        resolver.decide(Governance.rollback("chg-rollback", "bob", 2));

        List<ModelChange> answers = resolver.changelog();
        assertThat(answers).hasSize(4);
        ModelChange invalid = answers.get(2);
        assertThat(invalid.getKind()).isEqualTo(ChangeKind.ROLLBACK);
        assertThat(invalid.getStatus()).isEqualTo(ChangeStatus.INVALID);
        assertThat(invalid.getTargetLibraryVersion()).isZero();
        assertThat(invalid.getStatusReason()).isEqualTo("library version 0 does not exist (versions are 1..3)");
        ModelChange refused = answers.get(3);
        assertThat(refused.getId()).isEqualTo("chg-rollback");
        assertThat(refused.getStatus()).isEqualTo(ChangeStatus.INVALID);
        assertThat(refused.getTargetLibraryVersion()).isZero();
        assertThat(refused.getStatusReason()).isEqualTo(
                "approval by bob refused: change chg-rollback was already INVALID by bob");
        assertThat(libraryVersion()).isEqualTo(3);
        assertThat(published(BULL).getStatus()).isEqualTo(PatternStatus.DEGRADED);
        assertThat(published(BEAR).getStatus()).isEqualTo(PatternStatus.DEGRADED);
    }

    /** A proposed rollback to a version below 1 is answered INVALID at once, and the keeper holds it so. */
    @Test
    void shouldAnswerAProposedRollbackToVersionZeroAsInvalid() {
        resolver.propose(Governance.rollbackProposal("chg-rollback-proposed", 0));
        resolver.decide(approve("chg-rollback-proposed", "bob"));

        List<ModelChange> answers = resolver.changelog();
        assertThat(answers).hasSize(2);
        assertThat(answers.get(0).getStatus()).isEqualTo(ChangeStatus.INVALID);
        assertThat(answers.get(0).getStatusReason()).isEqualTo("library version 0 does not exist (versions are 1..1)");
        assertThat(answers.get(1).getStatus()).isEqualTo(ChangeStatus.INVALID);
        assertThat(answers.get(1).getStatusReason()).startsWith(
                "approval by bob refused: change chg-rollback-proposed was already INVALID");
        assertThat(libraryVersion()).isEqualTo(1);
    }

    /** A regime alert and a library change never share an id, whichever is proposed first. */
    @Test
    void shouldRefuseAProposalUnderTheIdOfARegimeAlertAndAnAlertUnderTheIdOfAChange() {
        resolver.propose(proposal("chg-shared", ChangeKind.REGIME_ALERT, null, null));
        resolver.propose(status("chg-shared", ChangeKind.DEGRADE, BULL));
        resolver.propose(status("chg-degrade-bear", ChangeKind.DEGRADE, BEAR));
        resolver.propose(proposal("chg-degrade-bear", ChangeKind.REGIME_ALERT, null, null));

        List<ModelChange> answers = resolver.changelog();
        assertThat(answers).extracting(ModelChange::getId, ModelChange::getKind, ModelChange::getStatus,
                        ModelChange::getStatusReason)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("chg-shared", ChangeKind.REGIME_ALERT,
                                ChangeStatus.PROPOSED,
                                "proposal by retrospective refused: change id chg-shared is taken"),
                        org.assertj.core.groups.Tuple.tuple("chg-degrade-bear", ChangeKind.DEGRADE,
                                ChangeStatus.PROPOSED,
                                "proposal by retrospective refused: change id chg-degrade-bear is taken"));
        assertThat(changeView("chg-shared").getKind()).isEqualTo(ChangeKind.REGIME_ALERT);

        resolver.decide(approve("chg-shared", "alice"));

        ModelChange acknowledged = resolver.changelog().get(2);
        assertThat(acknowledged.getKind()).isEqualTo(ChangeKind.REGIME_ALERT);
        assertThat(acknowledged.getStatus()).isEqualTo(ChangeStatus.APPLIED);
        assertThat(libraryVersion()).isEqualTo(1);
        assertThat(resolver.library()).hasSize(17);
    }

    @Test
    void shouldNotActOnItsOwnChangelogRecords() {
        resolver.propose(status("chg-retire", ChangeKind.RETIRE, BEAR));
        resolver.decide(approve("chg-retire", " "));
        TestRecord<String, ModelChange> own = single(resolver.changelogRecords());
        assertThat(own.headers().lastHeader(KeeperProcessor.WRITER_HEADER).value()).asString()
                .isEqualTo(KeeperProcessor.WRITER);

        resolver.echo(own);

        assertThat(resolver.changelogRecords()).hasSize(1);
        assertThat(changeView("chg-retire").getStatusReason()).contains("refused");
    }

    private PatternDefinition published(String id) {
        PatternDefinition last = null;
        for (KeyValue<String, PatternDefinition> kv : resolver.library()) {
            if (kv.key.equals(id)) {
                last = kv.value;
            }
        }
        assertThat(last).as("published " + id).isNotNull();
        return last;
    }

    private ModelChange changeView(String id) {
        return resolver.store(ResolverStores.KEEPER_CHANGELOG).get(id);
    }

    private long libraryVersion() {
        return KeeperMeta.of(resolver.store(ResolverStores.KEEPER_STATE).get(KeeperProcessor.META_KEY)).libraryVersion();
    }

    private static <T> T single(List<T> records) {
        assertThat(records).hasSize(1);
        return records.get(0);
    }
}
