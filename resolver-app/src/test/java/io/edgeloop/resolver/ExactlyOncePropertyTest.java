package io.edgeloop.resolver;

import io.edgeloop.core.candle.Candle;
import io.edgeloop.core.library.Change;
import io.edgeloop.core.library.Decision;
import io.edgeloop.core.library.DecisionType;
import io.edgeloop.core.library.InvalidReason;
import io.edgeloop.core.library.Keeper;
import io.edgeloop.core.library.LibraryEntry;
import io.edgeloop.core.rules.PatternDefinition;
import io.edgeloop.core.rules.SeedPatterns;
import io.edgeloop.schemas.avro.ApprovalAction;
import io.edgeloop.schemas.avro.ApprovalDecision;
import io.edgeloop.schemas.avro.ChangeKind;
import io.edgeloop.schemas.avro.ChangeStatus;
import io.edgeloop.schemas.avro.Direction;
import io.edgeloop.schemas.avro.ModelChange;
import io.edgeloop.schemas.avro.Outcome;
import io.edgeloop.schemas.avro.Prediction;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Exactly once, as a property over generated cases (seeded JUnit 5 parameters, no jqwik): for
 * any interleaving of real SPY bars, predictions and their duplicates, proposals (some sent
 * twice), decisions (approve, reject, rollback, by named, blank or "anonymous" actors, on known
 * and unknown changes) and restarts (the app stopped and started from its changelogs), every
 * prediction gets exactly one outcome, every applied change is applied once in exactly one new
 * library version, and the library ends as core's keeper alone, without restarts, says it must.
 * Every failure message carries the generated case.
 */
class ExactlyOncePropertyTest {

    private static final long BASE_SEED = 0x5EED_2026L;
    private static final int CASES = 10;
    private static final List<String> PATTERNS = List.of("bull_state_dominance", "bear_state_dominance",
            "htf_collapse", "high_momentum_elite", "squeeze_release_bear");
    private static final List<String> ACTORS = List.of("alice", "bob", " ", "anonymous");

    @TempDir
    Path stateDir;

    static Stream<Long> seeds() {
        return LongStream.range(0, CASES).mapToObj(i -> BASE_SEED + i);
    }

    @ParameterizedTest(name = "case seed {0}")
    @MethodSource("seeds")
    void shouldEmitOneOutcomePerPredictionAndApplyEachApprovedChangeOnce(long seed) {
        Scenario scenario = Scenario.generate(seed, MarketData.history("SPY_D.json"));
        String caseText = scenario.describe();
        try (ResolverDriver resolver = new ResolverDriver(ResolverConfig.defaults().withInMemoryStores(), stateDir)) {
            for (Event event : scenario.events) {
                event.apply(resolver);
            }

            List<Outcome> outcomes = resolver.outcomes();
            Map<String, Long> perPrediction = outcomes.stream()
                    .collect(Collectors.groupingBy(Outcome::getPredictionId, TreeMap::new, Collectors.counting()));
            assertThat(perPrediction).as(caseText).containsOnlyKeys(scenario.predictionIds());
            assertThat(perPrediction.values()).as(caseText).containsOnly(1L);

            List<ModelChange> answers = resolver.changelog();
            Map<String, Set<Long>> versionsByChange = new HashMap<>();
            for (ModelChange a : answers) {
                if (a.getStatus() == ChangeStatus.APPLIED || a.getStatus() == ChangeStatus.AUTO_APPLIED
                        || a.getStatus() == ChangeStatus.ROLLED_BACK) {
                    versionsByChange.computeIfAbsent(a.getId(), id -> new HashSet<>()).add(a.getLibraryVersionAfter());
                }
            }
            assertThat(versionsByChange.values()).as(caseText + "\none library version per applied change")
                    .allSatisfy(versions -> assertThat(versions).hasSize(1));
            List<Long> made = versionsByChange.values().stream().map(v -> v.iterator().next()).sorted().toList();
            long current = KeeperMeta.of(resolver.store(ResolverStores.KEEPER_STATE).get(KeeperProcessor.META_KEY))
                    .libraryVersion();
            assertThat(made).as(caseText + "\nevery version after the seed made by exactly one change")
                    .isEqualTo(LongStream.rangeClosed(2, current).boxed().toList());

            Keeper<PatternDefinition> oracle = scenario.oracle();
            assertThat(current).as(caseText).isEqualTo(oracle.current().version());
            Map<String, String> published = new TreeMap<>();
            resolver.contents(ResolverStores.KEEPER_LIBRARY)
                    .forEach((id, p) -> published.put(id, p.getStatus() + "@r" + p.getVersion()));
            Map<String, String> expected = new TreeMap<>();
            for (LibraryEntry<PatternDefinition> e : oracle.current().entries().values()) {
                expected.put(e.id(), e.status() + "@r" + e.version());
            }
            assertThat(published).as(caseText).isEqualTo(expected);
        }
    }

    /** One step of a generated case. */
    private interface Event {
        void apply(ResolverDriver resolver);
    }

    private record Bar(Candle candle) implements Event {
        public void apply(ResolverDriver r) {
            r.candle(candle);
        }

        @Override
        public String toString() {
            return "bar " + MarketData.date(candle);
        }
    }

    private record Predict(Prediction prediction, boolean duplicate) implements Event {
        public void apply(ResolverDriver r) {
            r.predict(prediction);
        }

        @Override
        public String toString() {
            return (duplicate ? "duplicate " : "") + "prediction " + prediction.getId() + " " + prediction.getDirection();
        }
    }

    private record Propose(ModelChange change) implements Event {
        public void apply(ResolverDriver r) {
            r.propose(change);
        }

        @Override
        public String toString() {
            return "propose " + change.getId() + " " + change.getKind() + " " + change.getPatternId();
        }
    }

    private record Decide(ApprovalDecision decision) implements Event {
        public void apply(ResolverDriver r) {
            r.decide(decision);
        }

        @Override
        public String toString() {
            return decision.getAction() + " " + decision.getChangeId() + " by '" + decision.getActor() + "'"
                    + (decision.getTargetLibraryVersion() == null ? "" : " to v" + decision.getTargetLibraryVersion());
        }
    }

    private record Restart() implements Event {
        public void apply(ResolverDriver r) {
            r.restart();
        }

        @Override
        public String toString() {
            return "restart";
        }
    }

    private record ResolveDue(long asOf) implements Event {
        public void apply(ResolverDriver r) {
            r.resolveDue("property-test", asOf);
        }

        @Override
        public String toString() {
            return "resolve due at " + Instant.ofEpochMilli(asOf);
        }
    }

    /** A generated case: the events in order, with the seed that made them. */
    private record Scenario(long seed, List<Event> events) {

        static Scenario generate(long seed, List<Candle> spy) {
            Random random = new Random(seed);
            LocalDate start = LocalDate.of(2025, 1, 2).plusDays(random.nextInt(300));
            List<Candle> bars = MarketData.between(spy, start, start.plusDays(75));
            List<List<Event>> slots = new ArrayList<>();
            for (Candle bar : bars) {
                List<Event> slot = new ArrayList<>();
                slot.add(new Bar(bar));
                slots.add(slot);
            }
            int last = bars.size() - 12;
            int predictions = 3 + random.nextInt(5);
            for (int i = 0; i < predictions; i++) {
                int at = random.nextInt(last);
                Candle bar = bars.get(at);
                Direction direction = random.nextBoolean() ? Direction.UP : Direction.DOWN;
                Prediction p = TestRecords.prediction(bar, direction,
                        TestRecords.match(PATTERNS.get(random.nextInt(PATTERNS.size())), 1, direction));
                slots.get(at).add(new Predict(p, false));
                for (int d = random.nextInt(3); d > 0; d--) {
                    slots.get(at + random.nextInt(bars.size() - at)).add(new Predict(p, true));
                }
            }
            int changes = 3 + random.nextInt(4);
            for (int c = 0; c < changes; c++) {
                int at = random.nextInt(last);
                Instant when = Instant.ofEpochMilli(bars.get(at).openTime()).plusSeconds(3600 * 12);
                ChangeKind kind = List.of(ChangeKind.DEGRADE, ChangeKind.RETIRE, ChangeKind.PROMOTE)
                        .get(random.nextInt(3));
                ModelChange change = ModelChange.newBuilder(Governance.status("chg-" + c, kind,
                        PATTERNS.get(random.nextInt(PATTERNS.size())))).setProposedAt(when).setUpdatedAt(when).build();
                slots.get(at).add(new Propose(change));
                if (random.nextInt(3) == 0) {
                    slots.get(at + random.nextInt(bars.size() - at)).add(new Propose(change));
                }
                for (int d = random.nextInt(4); d > 0; d--) {
                    int when2 = at + random.nextInt(bars.size() - at);
                    slots.get(when2).add(new Decide(decision(random, "chg-" + c, bars.get(when2))));
                }
            }
            for (int u = random.nextInt(2); u > 0; u--) {
                int at = random.nextInt(bars.size());
                slots.get(at).add(new Decide(decision(random, "chg-unknown-" + u, bars.get(at))));
            }
            for (int b = random.nextInt(3); b > 0; b--) {
                int at = random.nextInt(bars.size());
                ApprovalDecision rollback = ApprovalDecision.newBuilder(Governance.rollback("rb-" + b,
                        ACTORS.get(random.nextInt(ACTORS.size())), 1 + random.nextInt(4)))
                        .setDecidedAt(noon(bars.get(at))).build();
                slots.get(at).add(new Decide(rollback));
            }
            for (int r = 1 + random.nextInt(3); r > 0; r--) {
                slots.get(random.nextInt(bars.size())).add(new Restart());
            }
            List<Event> events = new ArrayList<>();
            for (List<Event> slot : slots) {
                Event bar = slot.remove(0);
                java.util.Collections.shuffle(slot, random);
                events.add(bar);
                events.addAll(slot);
            }
            events.add(new ResolveDue(bars.get(bars.size() - 1).openTime() + 30L * 86_400_000L));
            return new Scenario(seed, List.copyOf(events));
        }

        private static ApprovalDecision decision(Random random, String id, Candle bar) {
            ApprovalAction action = random.nextInt(3) == 0 ? ApprovalAction.REJECT : ApprovalAction.APPROVE;
            return ApprovalDecision.newBuilder(Governance.decision(id, action,
                    ACTORS.get(random.nextInt(ACTORS.size())), null)).setDecidedAt(noon(bar)).build();
        }

        private static Instant noon(Candle bar) {
            return Instant.ofEpochMilli(bar.openTime()).plusSeconds(3600 * 12);
        }

        Set<String> predictionIds() {
            return events.stream().filter(Predict.class::isInstance)
                    .map(e -> ((Predict) e).prediction().getId()).collect(Collectors.toCollection(HashSet::new));
        }

        /** Core's keeper fed the same governance requests in the same order, never restarted. */
        Keeper<PatternDefinition> oracle() {
            Keeper<PatternDefinition> keeper = new Keeper<>(KeeperProcessor.VALIDATOR);
            keeper.seed(KeeperProcessor.SEED_CHANGE_ID, SeedPatterns.all().stream().collect(Collectors.toMap(
                    PatternDefinition::id, ChangeMapping::payload, (a, b) -> a, LinkedHashMap::new)),
                    KeeperProcessor.SEED_ORIGIN);
            // The first named approval or rejection of an id not yet proposed waits for its proposal,
            // and is made when a proposal is taken, unless it was made before the proposal's time.
            Map<String, ApprovalDecision> parked = new HashMap<>();
            for (Event e : events) {
                if (e instanceof Propose p) {
                    Change<PatternDefinition> change = ChangeMapping.toChange(p.change());
                    boolean known = keeper.change(change.changeId()).isPresent();
                    Decision<PatternDefinition> d = keeper.propose(change);
                    if (!known && d.type() == DecisionType.PROPOSED) {
                        ApprovalDecision waiting = parked.remove(change.changeId());
                        if (waiting != null && !waiting.getDecidedAt().isBefore(p.change().getProposedAt())) {
                            decide(keeper, waiting);
                        }
                    }
                } else if (e instanceof Decide d) {
                    ApprovalDecision a = d.decision();
                    if (decide(keeper, a).invalidReason() == InvalidReason.UNKNOWN_CHANGE) {
                        parked.putIfAbsent(a.getChangeId(), a);
                    }
                }
            }
            return keeper;
        }

        private static Decision<PatternDefinition> decide(Keeper<PatternDefinition> keeper, ApprovalDecision a) {
            return switch (a.getAction()) {
                case APPROVE -> keeper.approve(a.getChangeId(), a.getActor(), a.getReason());
                case REJECT -> keeper.reject(a.getChangeId(), a.getActor(), a.getReason());
                case ROLLBACK -> keeper.rollback(a.getChangeId(), a.getTargetLibraryVersion(), a.getActor(),
                        a.getReason());
            };
        }

        /** The case as text: every event after the bar it follows. */
        String describe() {
            StringBuilder out = new StringBuilder("case seed ").append(seed).append(':');
            String day = "start";
            for (Event e : events) {
                if (e instanceof Bar bar) {
                    day = MarketData.date(bar.candle()).toString();
                } else {
                    out.append("\n  after bar ").append(day).append(": ").append(e);
                }
            }
            return out.toString();
        }
    }
}
