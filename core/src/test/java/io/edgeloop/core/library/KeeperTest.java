package io.edgeloop.core.library;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KeeperTest {

    /** A stand-in for a pattern rule: the validator refuses rules that read an unknown field. */
    record Rule(String expression) {
    }

    private static final PayloadValidator<Rule> VALIDATOR = rule -> rule.expression().contains("no_such_field")
            ? Optional.of("unknown field no_such_field") : Optional.empty();

    private static final Map<String, Rule> SEEDS = Map.of(
            "bull_state_dominance", new Rule("state eq HTF_BULL_LTF_BULL"),
            "htf_collapse", new Rule("htf_change lt -15"),
            "multi_signal_cluster", new Rule("signal_count gte 3"));

    private Keeper<Rule> keeper;

    @BeforeEach
    void seeded() {
        keeper = new Keeper<>(VALIDATOR);
        assertThat(keeper.seed("seed", SEEDS, "original-model").applied()).isTrue();
    }

    private Decision<Rule> proposeAndApprove(Change<Rule> change) {
        assertThat(keeper.propose(change).type()).isEqualTo(DecisionType.PROPOSED);
        return keeper.approve(change.changeId(), "alice", "looks right");
    }

    @Test
    void shouldPublishTheSeedSetAsVersionOneWithItsOrigin() {
        PatternLibrary<Rule> v1 = keeper.current();

        assertThat(v1.version()).isEqualTo(1);
        assertThat(v1.entries()).containsOnlyKeys(SEEDS.keySet());
        assertThat(v1.withStatus(PatternStatus.ACTIVE)).hasSize(3);
        assertThat(v1.entry("htf_collapse").orElseThrow().origin()).isEqualTo("seed:original-model");
        ChangeRecord<Rule> record = keeper.change("seed").orElseThrow();
        assertThat(record.change().kind()).isEqualTo(ChangeKind.SEED);
        assertThat(record.status()).isEqualTo(ChangeStatus.APPLIED);
        assertThat(record.diff()).hasSize(3).allSatisfy(d -> assertThat(d.before()).isNull());
    }

    @Test
    void shouldRefuseToSeedAgainOnRestart() {
        Decision<Rule> again = keeper.seed("seed-2", SEEDS, "original-model");

        assertThat(again.invalidReason()).isEqualTo(InvalidReason.LIBRARY_NOT_EMPTY);
        assertThat(keeper.current().version()).isEqualTo(1);
        assertThat(keeper.change("seed-2")).isEmpty();
    }

    @Test
    void shouldRefuseASeedSetWithAnInvalidPattern() {
        Keeper<Rule> empty = new Keeper<>(VALIDATOR);

        Decision<Rule> d = empty.seed("seed", Map.of("bad", new Rule("no_such_field gt 1")), "original-model");

        assertThat(d.invalidReason()).isEqualTo(InvalidReason.INVALID_PAYLOAD);
        assertThat(d.reason()).contains("bad", "unknown field no_such_field");
        assertThat(empty.current().version()).isZero();
    }

    @Test
    void shouldApplyAnApprovedDegradeAsTheNextVersionWithBeforeAndAfter() {
        Decision<Rule> d = proposeAndApprove(Change.degrade("c1", "htf_collapse", "retro-app", "hit rate 0.31, n 40"));

        assertThat(d.type()).isEqualTo(DecisionType.APPLIED);
        assertThat(d.versionBefore()).isEqualTo(1);
        assertThat(d.versionAfter()).isEqualTo(2);
        assertThat(d.actor()).isEqualTo("alice");
        assertThat(d.diff()).singleElement().satisfies(diff -> {
            assertThat(diff.before().status()).isEqualTo(PatternStatus.ACTIVE);
            assertThat(diff.after().status()).isEqualTo(PatternStatus.DEGRADED);
            assertThat(diff.after().version()).isEqualTo(2);
        });
        assertThat(keeper.current().entry("htf_collapse").orElseThrow().status()).isEqualTo(PatternStatus.DEGRADED);
        assertThat(keeper.change("c1").orElseThrow().appliedVersion()).isEqualTo(2);
        assertThat(keeper.version(1).orElseThrow().entry("htf_collapse").orElseThrow().status())
                .isEqualTo(PatternStatus.ACTIVE);
    }

    @Test
    void shouldAnswerASecondApprovalAsAlreadyDecidedAndChangeNothing() {
        proposeAndApprove(Change.degrade("c1", "htf_collapse", "retro-app", ""));

        Decision<Rule> again = keeper.approve("c1", "bob", "approving twice");

        assertThat(again.invalidReason()).isEqualTo(InvalidReason.ALREADY_DECIDED);
        assertThat(again.reason()).contains("already APPLIED as version 2 by alice");
        assertThat(again.versionAfter()).isEqualTo(2);
        assertThat(keeper.current().version()).isEqualTo(2);
    }

    @Test
    void shouldAnswerAnApprovalOfAnUnknownChange() {
        Decision<Rule> d = keeper.approve("nope", "alice", "");

        assertThat(d.invalidReason()).isEqualTo(InvalidReason.UNKNOWN_CHANGE);
        assertThat(d.reason()).contains("no change nope was proposed");
        assertThat(keeper.change("nope")).isEmpty();
    }

    @Test
    void shouldRefuseAnonymousApprovalsAndKeepTheChangePending() {
        keeper.propose(Change.retire("c1", "htf_collapse", "retro-app", ""));

        for (String actor : new String[] {null, "", "  ", "Anonymous", "unknown", " NONE "}) {
            assertThat(keeper.approve("c1", actor, "").invalidReason()).isEqualTo(InvalidReason.ANONYMOUS_ACTOR);
            assertThat(keeper.reject("c1", actor, "").invalidReason()).isEqualTo(InvalidReason.ANONYMOUS_ACTOR);
        }
        assertThat(keeper.pending()).extracting(ChangeRecord::changeId).containsExactly("c1");
        assertThat(keeper.approve("c1", "alice", "").applied()).isTrue();
    }

    @Test
    void shouldRecordARejectionAndNeverApplyItLater() {
        keeper.propose(Change.retire("c1", "bull_state_dominance", "retro-app", ""));

        Decision<Rule> rejected = keeper.reject("c1", "bob", "still earns");
        Decision<Rule> lateApproval = keeper.approve("c1", "alice", "");

        assertThat(rejected.type()).isEqualTo(DecisionType.REJECTED);
        assertThat(keeper.change("c1").orElseThrow().decisionReason()).isEqualTo("still earns");
        assertThat(lateApproval.invalidReason()).isEqualTo(InvalidReason.ALREADY_DECIDED);
        assertThat(lateApproval.reason()).contains("REJECTED by bob");
        assertThat(keeper.current().version()).isEqualTo(1);
        assertThat(keeper.reject("c1", "bob", "").invalidReason()).isEqualTo(InvalidReason.ALREADY_DECIDED);
    }

    @Test
    void shouldPromoteOnlyDegradedOrCandidatePatterns() {
        Decision<Rule> promoteActive = proposeAndApprove(Change.promote("c1", "htf_collapse", "retro-app", ""));

        assertThat(promoteActive.invalidReason()).isEqualTo(InvalidReason.ILLEGAL_TRANSITION);
        assertThat(promoteActive.reason()).contains("htf_collapse is ACTIVE", "only DEGRADED or CANDIDATE");
        assertThat(keeper.change("c1").orElseThrow().status()).isEqualTo(ChangeStatus.INVALID);
        assertThat(keeper.current().version()).isEqualTo(1);

        proposeAndApprove(Change.degrade("c2", "htf_collapse", "retro-app", ""));
        assertThat(proposeAndApprove(Change.promote("c3", "htf_collapse", "retro-app", "edge is back")).applied())
                .isTrue();
        assertThat(keeper.current().entry("htf_collapse").orElseThrow().status()).isEqualTo(PatternStatus.ACTIVE);
    }

    @Test
    void shouldAddACandidateThenPromoteItAndRefuseAnExistingId() {
        Rule rule = new Rule("sq_release_D eq 1 and rank gte 70");
        Decision<Rule> added = proposeAndApprove(
                Change.addPattern("c1", "squeeze_rank", rule, PatternStatus.CANDIDATE, "retro-app", "n 31, BH q 0.03"));

        assertThat(added.diff()).singleElement().satisfies(d -> assertThat(d.before()).isNull());
        LibraryEntry<Rule> entry = keeper.current().entry("squeeze_rank").orElseThrow();
        assertThat(entry.status()).isEqualTo(PatternStatus.CANDIDATE);
        assertThat(entry.origin()).isEqualTo("change:c1");
        assertThat(proposeAndApprove(Change.promote("c2", "squeeze_rank", "retro-app", "")).applied()).isTrue();

        Decision<Rule> again = proposeAndApprove(
                Change.addPattern("c3", "htf_collapse", rule, PatternStatus.ACTIVE, "retro-app", ""));
        assertThat(again.invalidReason()).isEqualTo(InvalidReason.PATTERN_EXISTS);
    }

    @Test
    void shouldMarkAProposedRuleThatFailsValidationInvalidAtOnce() {
        Decision<Rule> proposed = keeper.propose(
                Change.modifyRule("c1", "htf_collapse", new Rule("no_such_field lt 3"), "retro-app", ""));

        assertThat(proposed.invalidReason()).isEqualTo(InvalidReason.INVALID_PAYLOAD);
        assertThat(proposed.reason()).contains("pattern htf_collapse is invalid: unknown field no_such_field");
        assertThat(keeper.change("c1").orElseThrow().status()).isEqualTo(ChangeStatus.INVALID);
        assertThat(keeper.approve("c1", "alice", "").invalidReason()).isEqualTo(InvalidReason.ALREADY_DECIDED);
        assertThat(keeper.current().version()).isEqualTo(1);
    }

    @Test
    void shouldRevalidateAgainstTheLibraryWhenApproving() {
        keeper.propose(Change.modifyRule("c1", "htf_collapse", new Rule("htf_change lt -20"), "retro-app", ""));
        proposeAndApprove(Change.retire("c2", "htf_collapse", "retro-app", ""));

        Decision<Rule> d = keeper.approve("c1", "alice", "");

        assertThat(d.invalidReason()).isEqualTo(InvalidReason.ILLEGAL_TRANSITION);
        assertThat(d.reason()).contains("retired patterns cannot be modified");
        assertThat(proposeAndApprove(Change.retire("c3", "htf_collapse", "retro-app", "")).reason())
                .contains("already retired");
        assertThat(proposeAndApprove(Change.degrade("c4", "ghost", "retro-app", "")).invalidReason())
                .isEqualTo(InvalidReason.UNKNOWN_PATTERN);
    }

    @Test
    void shouldTreatAFailingValidatorAsAnInvalidPayload() {
        Keeper<Rule> k = new Keeper<>(rule -> {
            throw new IllegalStateException("field registry not loaded");
        });

        Decision<Rule> d = k.propose(Change.addPattern("c1", "p", new Rule("x"), PatternStatus.ACTIVE, "retro-app", ""));

        assertThat(d.invalidReason()).isEqualTo(InvalidReason.INVALID_PAYLOAD);
        assertThat(d.reason()).contains("could not be validated: field registry not loaded");
    }

    @Test
    void shouldModifyARuleKeepingItsStatus() {
        proposeAndApprove(Change.degrade("c1", "htf_collapse", "fast-loop", ""));
        Decision<Rule> d = proposeAndApprove(
                Change.modifyRule("c2", "htf_collapse", new Rule("htf_change lt -20"), "retro-app", ""));

        assertThat(d.diff().get(0).before().pattern()).isEqualTo(new Rule("htf_change lt -15"));
        assertThat(d.diff().get(0).after().pattern()).isEqualTo(new Rule("htf_change lt -20"));
        assertThat(d.diff().get(0).after().status()).isEqualTo(PatternStatus.DEGRADED);
    }

    @Test
    void shouldRollBackToANamedVersionAsANewVersionWithItsContent() {
        proposeAndApprove(Change.degrade("c1", "htf_collapse", "retro-app", ""));
        proposeAndApprove(Change.addPattern("c2", "new_one", new Rule("rank gte 90"), PatternStatus.ACTIVE,
                "retro-app", ""));

        Decision<Rule> d = keeper.rollback("r1", 1, "alice", "bad week");

        assertThat(d.type()).isEqualTo(DecisionType.APPLIED);
        assertThat(d.versionAfter()).isEqualTo(4);
        assertThat(keeper.current().sameContent(keeper.version(1).orElseThrow())).isTrue();
        assertThat(d.diff()).extracting(EntryDiff::patternId).containsExactly("htf_collapse", "new_one");
        assertThat(d.diff().get(1).after()).isNull();
        assertThat(keeper.history()).extracting(PatternLibrary::version).containsExactly(1L, 2L, 3L, 4L);

        assertThat(keeper.rollback("r1", 1, "alice", "").invalidReason()).isEqualTo(InvalidReason.ALREADY_DECIDED);
        assertThat(keeper.rollback("r2", 1, "alice", "").invalidReason()).isEqualTo(InvalidReason.ILLEGAL_TRANSITION);
        assertThat(keeper.rollback("r3", 9, "alice", "").invalidReason()).isEqualTo(InvalidReason.UNKNOWN_VERSION);
        assertThat(keeper.rollback("r4", 0, "alice", "").invalidReason()).isEqualTo(InvalidReason.UNKNOWN_VERSION);
        assertThat(keeper.rollback("r5", 3, null, "").invalidReason()).isEqualTo(InvalidReason.ANONYMOUS_ACTOR);
        assertThat(keeper.rollback("r6", 3, "alice", "undo the undo").versionAfter()).isEqualTo(5);
        assertThat(keeper.current().sameContent(keeper.version(3).orElseThrow())).isTrue();
    }

    /** A rollback to a version that cannot exist is a final INVALID change, like any change wrong for the library. */
    @Test
    void shouldRecordARollbackToAVersionBelowOneAsFinallyInvalid() {
        proposeAndApprove(Change.degrade("c1", "htf_collapse", "retro-app", ""));

        Decision<Rule> d = keeper.rollback("r1", 0, "alice", "");

        assertThat(d.invalidReason()).isEqualTo(InvalidReason.UNKNOWN_VERSION);
        assertThat(d.reason()).isEqualTo("library version 0 does not exist (versions are 1..2)");
        ChangeRecord<Rule> record = keeper.change("r1").orElseThrow();
        assertThat(record.status()).isEqualTo(ChangeStatus.INVALID);
        assertThat(record.change().targetVersion()).isZero();
        assertThat(record.decidedBy()).isEqualTo("alice");
        assertThat(keeper.rollback("r1", 1, "alice", "").invalidReason()).isEqualTo(InvalidReason.ALREADY_DECIDED);
        assertThat(keeper.current().version()).isEqualTo(2);

        Decision<Rule> proposed = keeper.propose(Change.rollback("r2", -1, "ops-bot", ""));
        assertThat(proposed.invalidReason()).isEqualTo(InvalidReason.UNKNOWN_VERSION);
        assertThat(keeper.change("r2").orElseThrow().status()).isEqualTo(ChangeStatus.INVALID);
        assertThat(keeper.approve("r2", "alice", "").invalidReason()).isEqualTo(InvalidReason.ALREADY_DECIDED);

        Keeper<Rule> restarted = Keeper.restore(keeper.state(), VALIDATOR);
        assertThat(restarted.rollback("r1", 1, "alice", "").invalidReason()).isEqualTo(InvalidReason.ALREADY_DECIDED);
    }

    /** The versions live in a version: down the versions, jumping from a rollback's version to its target. */
    @Test
    void shouldTraceTheLineOfVersionsThroughRollbacks() {
        proposeAndApprove(Change.degrade("c1", "htf_collapse", "retro-app", ""));
        proposeAndApprove(Change.retire("c2", "bull_state_dominance", "retro-app", ""));
        assertThat(keeper.line(3)).containsExactly(1L, 2L, 3L);

        keeper.rollback("r1", 1, "alice", "undo both");
        assertThat(keeper.line(4)).as("c1 and c2 undone").containsExactly(1L, 4L);
        keeper.rollback("r2", 3, "alice", "undo the undo");
        assertThat(keeper.line(5)).as("both back").containsExactly(1L, 2L, 3L, 5L);
        proposeAndApprove(Change.retire("c3", "htf_collapse", "retro-app", ""));
        assertThat(keeper.line(6)).containsExactly(1L, 2L, 3L, 5L, 6L);
        keeper.rollback("r3", 4, "alice", "to the undone state");
        assertThat(keeper.line(7)).as("a target made by a rollback follows that rollback").containsExactly(1L, 4L, 7L);
        assertThat(Keeper.restore(keeper.state(), VALIDATOR).line(7)).containsExactly(1L, 4L, 7L);
    }

    @Test
    void shouldApplyAProposedRollbackOnApproval() {
        proposeAndApprove(Change.retire("c1", "htf_collapse", "retro-app", ""));
        keeper.propose(Change.rollback("r1", 1, "ops-bot", "restore"));

        assertThat(keeper.rollback("r1", 2, "alice", "").invalidReason()).isEqualTo(InvalidReason.DUPLICATE_CHANGE_ID);
        assertThat(keeper.approve("r1", "alice", "ok").applied()).isTrue();
        assertThat(keeper.current().entry("htf_collapse").orElseThrow().status()).isEqualTo(PatternStatus.ACTIVE);
    }

    @Test
    void shouldAutoApplyOnlyDegradesAndLetARollbackReverseThem() {
        Decision<Rule> auto = keeper.autoApply(
                Change.degrade("auto-1", "bull_state_dominance", "fast-loop", "n 12, P(p < 0.40) = 0.93"));

        assertThat(auto.applied()).isTrue();
        assertThat(auto.autoApplied()).isTrue();
        assertThat(auto.actor()).isEqualTo("fast-loop");
        ChangeRecord<Rule> record = keeper.change("auto-1").orElseThrow();
        assertThat(record.autoApplied()).isTrue();
        assertThat(record.decisionReason()).contains("P(p < 0.40) = 0.93");

        assertThat(keeper.autoApply(Change.degrade("auto-1", "bull_state_dominance", "fast-loop", "n 13"))
                .invalidReason()).isEqualTo(InvalidReason.ALREADY_DECIDED);
        assertThat(keeper.autoApply(Change.promote("auto-2", "bull_state_dominance", "fast-loop", ""))
                .invalidReason()).isEqualTo(InvalidReason.NOT_AUTO_APPLICABLE);
        assertThat(keeper.autoApply(Change.degrade("auto-3", "bull_state_dominance", "fast-loop", ""))
                .invalidReason()).isEqualTo(InvalidReason.ILLEGAL_TRANSITION);
        keeper.propose(Change.degrade("c9", "htf_collapse", "retro-app", ""));
        assertThat(keeper.autoApply(Change.degrade("c9", "htf_collapse", "fast-loop", "")).invalidReason())
                .isEqualTo(InvalidReason.DUPLICATE_CHANGE_ID);

        assertThat(keeper.rollback("undo-auto-1", 1, "alice", "false alarm").applied()).isTrue();
        assertThat(keeper.current().entry("bull_state_dominance").orElseThrow().status())
                .isEqualTo(PatternStatus.ACTIVE);
    }

    @Test
    void shouldTreatARedeliveredProposalAsHarmlessAndAConflictingOneAsDuplicate() {
        Change<Rule> change = Change.retire("c1", "htf_collapse", "retro-app", "n 50");
        keeper.propose(change);

        Decision<Rule> again = keeper.propose(change);
        Decision<Rule> conflicting = keeper.propose(Change.retire("c1", "bull_state_dominance", "retro-app", ""));

        assertThat(again.type()).isEqualTo(DecisionType.PROPOSED);
        assertThat(again.reason()).isEqualTo("already pending");
        assertThat(conflicting.invalidReason()).isEqualTo(InvalidReason.DUPLICATE_CHANGE_ID);
        assertThat(keeper.pending()).hasSize(1);
        keeper.approve("c1", "alice", "");
        assertThat(keeper.propose(change).invalidReason()).isEqualTo(InvalidReason.ALREADY_DECIDED);
    }

    @Test
    void shouldRefuseSeedProposalsAndAnonymousProposers() {
        assertThat(keeper.propose(new Change<>("s", ChangeKind.SEED, null, null, null, 0, "x", "")).invalidReason())
                .isEqualTo(InvalidReason.NOT_PROPOSABLE);
        assertThat(keeper.propose(Change.retire("c1", "htf_collapse", " ", "")).invalidReason())
                .isEqualTo(InvalidReason.ANONYMOUS_ACTOR);
        assertThat(keeper.change("c1")).isEmpty();
    }

    @Test
    void shouldContinueFromARestoredStateRememberingDecidedChanges() {
        proposeAndApprove(Change.degrade("c1", "htf_collapse", "retro-app", ""));
        keeper.propose(Change.retire("c2", "multi_signal_cluster", "retro-app", ""));

        Keeper<Rule> restarted = Keeper.restore(keeper.state(), VALIDATOR);

        assertThat(restarted.current()).isEqualTo(keeper.current());
        assertThat(restarted.approve("c1", "alice", "").invalidReason()).isEqualTo(InvalidReason.ALREADY_DECIDED);
        assertThat(restarted.approve("c2", "alice", "").versionAfter()).isEqualTo(3);
        assertThat(restarted.seed("seed", SEEDS, "original-model").invalidReason())
                .isEqualTo(InvalidReason.LIBRARY_NOT_EMPTY);
    }

    @Test
    void shouldRejectMalformedChangesWithClearMessages() {
        assertThatThrownBy(() -> Change.degrade("c", null, "p", "")).hasMessageContaining("DEGRADE needs a pattern id");
        assertThatThrownBy(() -> new Change<>("c", ChangeKind.DEGRADE, "x", null, null, 2, "p", ""))
                .hasMessageContaining("DEGRADE takes no target version");
        assertThatThrownBy(() -> Change.addPattern("c", "x", new Rule("r"), PatternStatus.RETIRED, "p", ""))
                .hasMessageContaining("added as ACTIVE or CANDIDATE, not RETIRED");
        assertThatThrownBy(() -> Change.modifyRule("c", "x", null, "p", "")).hasMessageContaining("needs a pattern value");
        assertThatThrownBy(() -> new KeeperState<Rule>(List.of(PatternLibrary.empty()), List.of()))
                .hasMessageContaining("versions 1..1 in order");
    }
}
