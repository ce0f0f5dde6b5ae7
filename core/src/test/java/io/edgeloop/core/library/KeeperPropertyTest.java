package io.edgeloop.core.library;

import io.edgeloop.core.testing.Generators;
import io.edgeloop.core.testing.Generators.Gen;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import static io.edgeloop.core.testing.Generators.between;
import static io.edgeloop.core.testing.Generators.constant;
import static io.edgeloop.core.testing.Generators.frequencyOf;
import static io.edgeloop.core.testing.Generators.listOf;
import static io.edgeloop.core.testing.Generators.oneOf;
import static io.edgeloop.core.testing.Generators.weighted;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * For any interleaving of proposals (including conflicting re-uses of ids), duplicate
 * approvals, rejections, anonymous requests, operator rollbacks, auto-degrades and restarts
 * from persisted state: every change is applied at most once, every application adds exactly
 * one version, refused requests change nothing, and every rollback restores its target.
 * 300 generated cases from a fixed base seed; a failure names the case seed and lists its steps.
 */
class KeeperPropertyTest {

    private static final PayloadValidator<String> VALIDATOR =
            rule -> rule.startsWith("bad") ? Optional.of("unparsable rule") : Optional.empty();
    private static final List<String> PATTERNS = List.of("p0", "p1", "p2", "p3");

    sealed interface Step permits Propose, Approve, Reject, Rollback, AutoDegrade, Restart {
    }

    /**
     * A proposal under a fresh id, or (reuse) under an earlier proposal's id: either the
     * identical earlier change again (a re-delivery) or a different change (a conflict).
     */
    record Propose(ChangeKind kind, int pattern, boolean badRule, int target, boolean reuse, boolean identical,
                   int pick) implements Step {
    }

    /** Approval of an earlier proposal picked by index (often already decided), or of an unknown id. */
    record Approve(int pick, boolean unknown, boolean anonymous) implements Step {
    }

    record Reject(int pick) implements Step {
    }

    /** An operator rollback under a fresh id, or a re-delivery of an earlier rollback. */
    record Rollback(int target, boolean reuse, int pick) implements Step {
    }

    /** A fast-loop degrade under a fresh id, or a re-delivery of an earlier one. */
    record AutoDegrade(int pattern, boolean reuse, int pick) implements Step {
    }

    record Restart() implements Step {
    }

    private static final Gen<Integer> PICK = between(0, 1000);
    private static final Gen<Boolean> RARELY = oneOf(true, false, false, false, false, false);
    private static final Gen<ChangeKind> KINDS = oneOf(ChangeKind.DEGRADE, ChangeKind.PROMOTE, ChangeKind.RETIRE,
            ChangeKind.ADD_PATTERN, ChangeKind.MODIFY_RULE, ChangeKind.ROLLBACK);
    private static final Gen<Integer> PROPOSED_PATTERN = between(0, PATTERNS.size() + 1);
    private static final Gen<Integer> PROPOSED_TARGET = between(1, 8);
    private static final Gen<Boolean> EITHER = oneOf(true, false);
    private static final Gen<Integer> ROLLBACK_TARGET = between(0, 6);
    private static final Gen<Integer> DEGRADED_PATTERN = between(0, PATTERNS.size());

    private static final Gen<Step> PROPOSE = r -> new Propose(KINDS.next(r), PROPOSED_PATTERN.next(r),
            RARELY.next(r), PROPOSED_TARGET.next(r), RARELY.next(r), EITHER.next(r), PICK.next(r));
    private static final Gen<Step> APPROVE = r -> new Approve(PICK.next(r), RARELY.next(r), RARELY.next(r));
    private static final Gen<Step> REJECT = PICK.map(Reject::new);
    private static final Gen<Step> ROLLBACK = r -> new Rollback(ROLLBACK_TARGET.next(r), RARELY.next(r), PICK.next(r));
    private static final Gen<Step> AUTO = r -> new AutoDegrade(DEGRADED_PATTERN.next(r), RARELY.next(r), PICK.next(r));
    private static final Gen<Step> RESTART = constant(new Restart());

    private static final Gen<List<Step>> STEPS = listOf(frequencyOf(
            weighted(6, PROPOSE), weighted(7, APPROVE), weighted(1, REJECT),
            weighted(2, ROLLBACK), weighted(2, AUTO), weighted(1, RESTART)), 30, 150);
    private static final Gen<Boolean> MOSTLY_SEEDED = oneOf(true, true, true, false);

    static Stream<Long> caseSeeds() {
        return Generators.seeds(424242L, 300);
    }

    private static String pattern(int index) {
        return index < PATTERNS.size() ? PATTERNS.get(index) : "new" + index;
    }

    private static String pickFrom(List<String> ids, int pick, String fresh) {
        return ids.isEmpty() ? fresh : ids.get(ids.size() - 1 - pick % Math.min(ids.size(), 6));
    }

    private static Change<String> changeOf(Propose p, String id) {
        String pattern = pattern(p.pattern());
        String rule = (p.badRule() ? "bad " : "rule ") + id;
        switch (p.kind()) {
            case DEGRADE: return Change.degrade(id, pattern, "retro-app", "");
            case PROMOTE: return Change.promote(id, pattern, "retro-app", "");
            case RETIRE: return Change.retire(id, pattern, "retro-app", "");
            case ADD_PATTERN: return Change.addPattern(id, pattern, rule, PatternStatus.CANDIDATE, "retro-app", "");
            case MODIFY_RULE: return Change.modifyRule(id, pattern, rule, "retro-app", "");
            default: return Change.rollback(id, p.target(), "retro-app", "");
        }
    }

    @ParameterizedTest(name = "case seed {0}")
    @MethodSource("caseSeeds")
    void eachApprovedChangeAppliesExactlyOnceAndVersionsStepByOne(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Step> steps = STEPS.next(random);
        boolean seeded = MOSTLY_SEEDED.next(random);
        Generators.check(seed, "seeded=" + seeded + ", steps " + Generators.numbered(steps),
                () -> runSteps(steps, seeded));
    }

    private static void runSteps(List<Step> steps, boolean seeded) {
        Keeper<String> keeper = new Keeper<>(VALIDATOR);
        if (seeded) {
            Map<String, String> seeds = new HashMap<>();
            PATTERNS.forEach(p -> seeds.put(p, "rule of " + p));
            assertThat(keeper.seed("seed", seeds, "test").versionAfter()).isEqualTo(1);
        }
        Set<String> applied = new HashSet<>();
        if (seeded) {
            applied.add("seed");
        }
        List<String> proposed = new ArrayList<>();
        Map<String, Change<String>> proposals = new HashMap<>();
        List<String> rollbacks = new ArrayList<>();
        List<String> autos = new ArrayList<>();
        int fresh = 0;
        for (Step step : steps) {
            PatternLibrary<String> before = keeper.current();
            Decision<String> d;
            fresh++;
            if (step instanceof Restart) {
                keeper = Keeper.restore(keeper.state(), VALIDATOR);
                assertThat(keeper.current()).isEqualTo(before);
                continue;
            } else if (step instanceof Propose p) {
                String id = p.reuse() ? pickFrom(proposed, p.pick(), "c" + fresh) : "c" + fresh;
                Change<String> change = p.identical() && proposals.containsKey(id) ? proposals.get(id) : changeOf(p, id);
                proposals.putIfAbsent(id, change);
                proposed.add(id);
                d = keeper.propose(change);
                assertThat(d.type()).isNotEqualTo(DecisionType.APPLIED);
            } else if (step instanceof Approve a) {
                String id = a.unknown() ? "never-proposed" : pickFrom(proposed, a.pick(), "never-proposed");
                d = keeper.approve(id, a.anonymous() ? "anonymous" : "alice", "");
            } else if (step instanceof Reject r) {
                d = keeper.reject(pickFrom(proposed, r.pick(), "never-proposed"), "bob", "");
                assertThat(d.type()).isNotEqualTo(DecisionType.APPLIED);
            } else if (step instanceof Rollback r) {
                String id = r.reuse() ? pickFrom(rollbacks, r.pick(), "r" + fresh) : "r" + fresh;
                rollbacks.add(id);
                d = keeper.rollback(id, r.target(), "alice", "");
            } else {
                AutoDegrade a = (AutoDegrade) step;
                String id = a.reuse() ? pickFrom(autos, a.pick(), "a" + fresh) : "a" + fresh;
                autos.add(id);
                d = keeper.autoApply(Change.degrade(id, pattern(a.pattern()), "fast-loop", ""));
            }

            assertThat(d.versionBefore()).isEqualTo(before.version());
            if (d.applied()) {
                assertThat(applied.add(d.changeId())).as("%s applied twice", d.changeId()).isTrue();
                assertThat(keeper.current().version()).isEqualTo(before.version() + 1).isEqualTo(d.versionAfter());
                ChangeRecord<String> record = keeper.change(d.changeId()).orElseThrow();
                if (record.change().kind() == ChangeKind.ROLLBACK) {
                    assertThat(keeper.current().sameContent(
                            keeper.version(record.change().targetVersion()).orElseThrow())).isTrue();
                }
            } else {
                assertThat(keeper.current()).isEqualTo(before);
                assertThat(d.versionAfter()).isEqualTo(before.version());
            }
        }

        List<PatternLibrary<String>> history = keeper.history();
        assertThat(keeper.current().version()).isEqualTo(applied.size());
        for (int i = 0; i < history.size(); i++) {
            assertThat(history.get(i).version()).isEqualTo(i + 1);
        }
        Set<Long> appliedVersions = new HashSet<>();
        for (ChangeRecord<String> record : keeper.changelog()) {
            assertThat(record.status() == ChangeStatus.APPLIED).isEqualTo(applied.contains(record.changeId()));
            if (record.status() == ChangeStatus.APPLIED) {
                assertThat(appliedVersions.add(record.appliedVersion())).isTrue();
            }
        }
        assertThat(appliedVersions).hasSize(history.size());
    }
}
