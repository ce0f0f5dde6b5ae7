package io.edgeloop.core.library;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * For any interleaving of proposals (including conflicting re-uses of ids), duplicate
 * approvals, rejections, anonymous requests, operator rollbacks, auto-degrades and restarts
 * from persisted state: every change is applied at most once, every application adds exactly
 * one version, refused requests change nothing, and every rollback restores its target.
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

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<Integer> pick = Arbitraries.integers().between(0, 1000);
        Arbitrary<Boolean> rarely = Arbitraries.of(true, false, false, false, false, false);
        Arbitrary<Step> propose = Combinators.combine(
                Arbitraries.of(ChangeKind.DEGRADE, ChangeKind.PROMOTE, ChangeKind.RETIRE, ChangeKind.ADD_PATTERN,
                        ChangeKind.MODIFY_RULE, ChangeKind.ROLLBACK),
                Arbitraries.integers().between(0, PATTERNS.size() + 1), rarely,
                Arbitraries.integers().between(1, 8), rarely, Arbitraries.of(true, false), pick).as(Propose::new);
        Arbitrary<Step> approve = Combinators.combine(pick, rarely, rarely).as(Approve::new);
        Arbitrary<Step> reject = pick.map(Reject::new);
        Arbitrary<Step> rollback = Combinators.combine(Arbitraries.integers().between(0, 6), rarely, pick)
                .as(Rollback::new);
        Arbitrary<Step> auto = Combinators.combine(Arbitraries.integers().between(0, PATTERNS.size()), rarely, pick)
                .as(AutoDegrade::new);
        Arbitrary<Step> restart = Arbitraries.just(new Restart());
        return Arbitraries.frequencyOf(
                        Tuple.of(6, propose), Tuple.of(7, approve), Tuple.of(1, reject),
                        Tuple.of(2, rollback), Tuple.of(2, auto), Tuple.of(1, restart))
                .list().ofMinSize(30).ofMaxSize(150);
    }

    @Provide
    Arbitrary<Boolean> mostlySeeded() {
        return Arbitraries.of(true, true, true, false);
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

    @Property(tries = 300, seed = "424242")
    void eachApprovedChangeAppliesExactlyOnceAndVersionsStepByOne(@ForAll("steps") List<Step> steps,
                                                                  @ForAll("mostlySeeded") boolean seeded) {
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

            Statistics.label("answers").collect(d.type(), d.invalidReason());
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
        Statistics.label("final version").collect(history.size() < 3 ? "0-2" : history.size() < 8 ? "3-7" : "8+");
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
