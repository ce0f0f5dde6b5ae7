package io.edgeloop.resolver;

import io.edgeloop.core.candle.Candle;
import io.edgeloop.core.rules.PatternDefinition;
import io.edgeloop.core.rules.Rule;
import io.edgeloop.core.rules.SeedPatterns;
import io.edgeloop.schemas.avro.ApprovalDecision;
import io.edgeloop.schemas.avro.ChangeKind;
import io.edgeloop.schemas.avro.ChangeStatus;
import io.edgeloop.schemas.avro.Direction;
import io.edgeloop.schemas.avro.ModelChange;
import io.edgeloop.schemas.avro.Outcome;
import io.edgeloop.schemas.avro.OutcomeAction;
import io.edgeloop.schemas.avro.OutcomeStatus;
import io.edgeloop.schemas.avro.PatternMatch;
import io.edgeloop.schemas.avro.PatternStats;
import io.edgeloop.schemas.avro.PatternStatus;
import io.edgeloop.schemas.topics.Topics;
import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static io.edgeloop.resolver.MarketData.between;
import static io.edgeloop.resolver.MarketData.on;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class FastLoopTest {

    private static final String BULL = "bull_state_dominance";
    private static final String BEAR = "bear_state_dominance";
    private static final String CLUSTER = "multi_signal_cluster";
    private static final double EPS = 1e-9;

    @TempDir
    Path stateDir;

    private ResolverDriver resolver;
    private List<Candle> spy;

    @BeforeEach
    void start() {
        resolver = new ResolverDriver(ResolverConfig.defaults().withInMemoryStores(), stateDir);
        spy = MarketData.history("SPY_D.json");
    }

    @AfterEach
    void stop() {
        resolver.close();
    }

    @Test
    void shouldCreditEachMatchedPatternInItsOwnDirectionWithoutANewLibraryVersion() {
        Candle entryBar = on(spy, LocalDate.of(2025, 4, 21));
        resolver.candle(entryBar);
        resolver.predict(TestRecords.prediction(entryBar, Direction.UP, match(BULL, Direction.UP),
                match(BEAR, Direction.DOWN), match(CLUSTER, Direction.NEUTRAL)));
        resolver.candles(between(spy, LocalDate.of(2025, 4, 22), LocalDate.of(2025, 4, 28)));
        assertThat(published(BULL).getStats().getN()).as("learnt once every outcome task has passed the outcome's time")
                .isZero();
        resolver.learnAll();

        // The call was UP and SPY rose: close 513.88 -> 550.85, highest high 553.55, lowest low above the entry.
        double ret = (550.85 - 513.88) / 513.88 * 100;
        double up = (553.55 - 513.88) / 513.88 * 100;
        PatternStats bull = published(BULL).getStats();
        assertThat(bull.getN()).isEqualTo(1);
        assertThat(bull.getHits()).isEqualTo(1);
        assertThat(bull.getAlpha()).isEqualTo(2.0);
        assertThat(bull.getBeta()).isEqualTo(1.0);
        assertThat(bull.getPosteriorMean()).isCloseTo(2.0 / 3.0, within(EPS));
        assertThat(bull.getAvgReturnPct()).isCloseTo(ret, within(EPS));
        assertThat(bull.getAvgMfePct()).isCloseTo(up, within(EPS));
        assertThat(bull.getAvgMaePct()).isEqualTo(0.0);
        assertThat(bull.getUpdatedAt()).isEqualTo(Instant.parse("2025-04-28T00:00:00Z"));

        PatternStats bear = published(BEAR).getStats();
        assertThat(bear.getHits()).isZero();
        assertThat(bear.getAlpha()).isEqualTo(1.0);
        assertThat(bear.getBeta()).isEqualTo(2.0);
        assertThat(bear.getAvgReturnPct()).isCloseTo(-ret, within(EPS));
        assertThat(bear.getAvgMfePct()).isEqualTo(0.0);
        assertThat(bear.getAvgMaePct()).isCloseTo(-up, within(EPS));

        PatternStats cluster = published(CLUSTER).getStats();
        assertThat(cluster.getHits()).as("a NEUTRAL pattern hits on a large move either way").isEqualTo(1);

        for (String id : List.of(BULL, BEAR, CLUSTER)) {
            assertThat(published(id).getLibraryVersion()).isEqualTo(1);
            assertThat(published(id).getVersion()).isEqualTo(1);
        }
        assertThat(resolver.changelog()).isEmpty();
    }

    @Test
    void shouldAutoDegradeWhenThePosteriorSaysTheEdgeIsGoneAndLetARollbackRestoreIt() {
        List<Candle> bars = between(spy, LocalDate.of(2024, 1, 1), LocalDate.of(2025, 12, 31));
        List<Integer> misses = new ArrayList<>();
        for (int i = 0; i + 5 < bars.size() && misses.size() < 11; i += 7) {
            if (bars.get(i + 5).close() < bars.get(i).close()) {
                misses.add(i);
            }
        }
        for (int i = 0; i < bars.size(); i++) {
            resolver.candle(bars.get(i));
            if (misses.contains(i)) {
                resolver.predict(TestRecords.prediction(bars.get(i), Direction.UP, match(BULL, Direction.UP)));
            }
            if (misses.size() > 9 && i == misses.get(9) + 4) {
                assertThat(resolver.changelog()).as("no degrade before n = 10").isEmpty();
            }
        }

        ModelChange degrade = single(resolver.changelog());
        assertThat(degrade.getId()).isEqualTo("auto-degrade-bull_state_dominance-v1-r1-n10");
        assertThat(degrade.getKind()).isEqualTo(ChangeKind.DEGRADE);
        assertThat(degrade.getStatus()).isEqualTo(ChangeStatus.AUTO_APPLIED);
        assertThat(degrade.getProposedBy()).isEqualTo("resolver-fast-loop");
        assertThat(degrade.getDecision()).isNull();
        assertThat(degrade.getEvidence().getN()).isEqualTo(10);
        assertThat(degrade.getEvidence().getHitRate()).isEqualTo(0.0);
        // Beta(1, 1) prior, 0 hits in 10: posterior Beta(1, 11), P(rate < 0.4) = 1 - 0.6^11 = 0.99637.
        assertThat(degrade.getEvidence().getDetails()).containsEntry("probabilityBelowFloor", "0.9964")
                .containsEntry("floor", "0.4000").containsEntry("minN", "10");
        assertThat(degrade.getLibraryVersionBefore()).isEqualTo(1L);
        assertThat(degrade.getLibraryVersionAfter()).isEqualTo(2L);
        assertThat(degrade.getPrevious().getStatus()).isEqualTo(PatternStatus.ACTIVE);
        assertThat(degrade.getProposed().getStatus()).isEqualTo(PatternStatus.DEGRADED);
        assertThat(degrade.getProposed().getStats().getN()).isEqualTo(10);
        assertThat(published(BULL).getStatus()).isEqualTo(PatternStatus.DEGRADED);
        assertThat(published(BULL).getLibraryVersion()).isEqualTo(2);
        assertThat(published(BULL).getStats().getN()).as("a degraded pattern keeps learning").isEqualTo(11);

        resolver.decide(ApprovalDecision.newBuilder(Governance.rollback("chg-undo-degrade", "alice", 1))
                .setDecidedAt(Instant.parse("2025-12-31T12:00:00Z")).build());
        List<ModelChange> answers = resolver.changelog();
        assertThat(answers.get(1).getStatus()).isEqualTo(ChangeStatus.APPLIED);
        assertThat(answers.get(2).getId()).isEqualTo(degrade.getId());
        assertThat(answers.get(2).getStatus()).isEqualTo(ChangeStatus.ROLLED_BACK);
        assertThat(published(BULL).getStatus()).isEqualTo(PatternStatus.ACTIVE);
        assertThat(published(BULL).getLibraryVersion()).isEqualTo(3);
        assertThat(published(BULL).getStats().getN()).as("the same rule keeps its evidence").isEqualTo(11);
    }

    /**
     * After a rule change and a rollback to the old rule, BULL is back at revision 1 with its
     * statistics started afresh; ten new misses degrade it again, under a new id (the first
     * degrade's pattern, revision and n repeat, the library version does not).
     */
    @Test
    void shouldAutoDegradeAgainAfterTheStatisticsStartAfresh() {
        Instant t0 = autoDegradeBull();
        Instant at = t0.plus(Duration.ofDays(11));
        resolver.decide(ApprovalDecision.newBuilder(Governance.rollback("chg-rollback-1", "alice", 1))
                .setDecidedAt(at).build());
        resolver.propose(strongHtfBull());
        resolver.decide(ApprovalDecision.newBuilder(Governance.approve("chg-modify", "alice"))
                .setDecidedAt(at.plusSeconds(1)).build());
        resolver.decide(ApprovalDecision.newBuilder(Governance.rollback("chg-rollback-2", "alice", 1))
                .setDecidedAt(at.plusSeconds(2)).build());
        assertThat(published(BULL).getStatus()).isEqualTo(PatternStatus.ACTIVE);
        assertThat(published(BULL).getVersion()).isEqualTo(1);
        assertThat(published(BULL).getStats().getN()).isZero();

        for (int i = 12; i <= 21; i++) {
            miss(i, t0, 1);
        }

        assertThat(published(BULL).getStatus()).isEqualTo(PatternStatus.DEGRADED);
        assertThat(resolver.changelog()).filteredOn(c -> c.getId().startsWith("auto-degrade-"))
                .extracting(ModelChange::getId, ModelChange::getStatus)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("auto-degrade-bull_state_dominance-v1-r1-n10",
                                ChangeStatus.AUTO_APPLIED),
                        org.assertj.core.groups.Tuple.tuple("auto-degrade-bull_state_dominance-v1-r1-n10",
                                ChangeStatus.ROLLED_BACK),
                        org.assertj.core.groups.Tuple.tuple("auto-degrade-bull_state_dominance-v5-r1-n10",
                                ChangeStatus.AUTO_APPLIED));
    }

    /**
     * An operator's rollback of an auto-degrade holds: the evidence before it stays published but
     * is not judged again, so the pattern is degraded again only when ten outcomes after the
     * rollback are against it (across a restart).
     */
    @Test
    void shouldKeepARolledBackAutoDegradeUntilTheOutcomesAfterTheRollbackMeetTheRule() {
        Instant t0 = autoDegradeBull();
        resolver.decide(ApprovalDecision.newBuilder(Governance.rollback("chg-undo-degrade", "alice", 1))
                .setDecidedAt(t0.plus(Duration.ofDays(10)).plusSeconds(1)).build());
        assertThat(published(BULL).getStatus()).isEqualTo(PatternStatus.ACTIVE);
        assertThat(track(BULL).baselineN()).isEqualTo(10);

        resolver.restart();
        for (int i = 11; i <= 19; i++) {
            miss(i, t0, 1);
        }
        assertThat(published(BULL).getStatus()).as("9 outcomes after the rollback").isEqualTo(PatternStatus.ACTIVE);
        assertThat(published(BULL).getStats().getN()).as("the evidence before the rollback is kept").isEqualTo(19);
        assertThat(published(BULL).getLibraryVersion()).isEqualTo(3);

        miss(20, t0, 1);

        assertThat(published(BULL).getStatus()).isEqualTo(PatternStatus.DEGRADED);
        ModelChange again = resolver.changelog().get(resolver.changelog().size() - 1);
        assertThat(again.getId()).isEqualTo("auto-degrade-bull_state_dominance-v3-r1-n10");
        assertThat(again.getStatus()).isEqualTo(ChangeStatus.AUTO_APPLIED);
        assertThat(again.getEvidence().getN()).as("the sample its hit rate describes").isEqualTo(20);
        assertThat(again.getEvidence().getDetails()).containsEntry("baselineN", "10").containsEntry("judgedN", "10");
        assertThat(again.getProposed().getStats().getN()).isEqualTo(20);
    }

    /** An operator's PROMOTE of an auto-degraded pattern holds past the next losing outcome. */
    @Test
    void shouldKeepAPromotedAutoDegradedPatternActiveAtTheNextOutcome() {
        Instant t0 = autoDegradeBull();
        Instant at = t0.plus(Duration.ofDays(10)).plusSeconds(1);
        resolver.propose(ModelChange.newBuilder(Governance.status("chg-promote", ChangeKind.PROMOTE, BULL))
                .setProposedAt(at).setUpdatedAt(at).build());
        resolver.decide(ApprovalDecision.newBuilder(Governance.approve("chg-promote", "alice")).setDecidedAt(at)
                .build());
        assertThat(published(BULL).getStatus()).isEqualTo(PatternStatus.ACTIVE);
        int revision = published(BULL).getVersion();

        miss(11, t0, revision);

        assertThat(published(BULL).getStatus()).isEqualTo(PatternStatus.ACTIVE);
        assertThat(published(BULL).getStats().getN()).isEqualTo(11);
        assertThat(track(BULL).baselineN()).isEqualTo(10);
        assertThat(track(BULL).judgedN()).isEqualTo(1);
        assertThat(resolver.changelog()).filteredOn(c -> c.getStatus() == ChangeStatus.AUTO_APPLIED).hasSize(1);
    }

    @Test
    void shouldCreditOnlyOutcomesOfTheCurrentRule() {
        approve(strongHtfBull());
        assertThat(published(BULL).getVersion()).isEqualTo(2);

        Candle first = on(spy, LocalDate.of(2025, 4, 21));
        Candle second = on(spy, LocalDate.of(2025, 4, 22));
        resolver.candle(first);
        resolver.predict(TestRecords.prediction(first, Direction.UP, TestRecords.match(BULL, 1, Direction.UP)));
        resolver.candle(second);
        resolver.predict(TestRecords.prediction(second, Direction.UP, TestRecords.match(BULL, 2, Direction.UP)));
        resolver.candles(between(spy, LocalDate.of(2025, 4, 23), LocalDate.of(2025, 5, 5)));

        assertThat(resolver.outcomes()).hasSize(2);
        assertThat(published(BULL).getStats().getN()).as("only the revision-2 match counts").isEqualTo(1);
    }

    /**
     * A pattern's version is the library version of its last change: after a change of BULL's
     * rule and then a status change (same rule), a match of the version with the changed rule still
     * counts, and one of the seed's rule would not.
     */
    @Test
    void shouldCreditAMatchOfAnEarlierVersionWithTheCurrentRuleAfterAStatusChange() {
        approve(strongHtfBull());
        int revision = published(BULL).getVersion();
        approve(Governance.status("chg-bull", ChangeKind.DEGRADE, BULL));
        assertThat(published(BULL).getVersion()).isGreaterThan(revision);

        Candle entry = on(spy, LocalDate.of(2025, 4, 21));
        resolver.candle(entry);
        resolver.predict(TestRecords.prediction(entry, Direction.UP, TestRecords.match(BULL, revision, Direction.UP)));
        resolver.candles(between(spy, LocalDate.of(2025, 4, 22), LocalDate.of(2025, 5, 5)));

        assertThat(resolver.outcomes()).hasSize(1);
        assertThat(published(BULL).getStats().getN()).as("the matched revision has the current rule").isEqualTo(1);
    }

    /** A change of BULL's rule: an aligned bull state with an HTF score of at least 25. */
    private static ModelChange strongHtfBull() {
        PatternDefinition modified = new PatternDefinition(BULL, "Bull state dominance, strong HTF",
                "Aligned bull state with HTF >= 25.", io.edgeloop.core.rules.Direction.UP,
                io.edgeloop.core.rules.PatternStatus.ACTIVE, 1, io.edgeloop.core.rules.PatternOrigin.SEED,
                Rule.all(Rule.eq("state", "HTF_BULL_LTF_BULL"), Rule.gte("htf_score", 25)),
                io.edgeloop.core.stats.PatternStats.EMPTY, SeedPatterns.byId(BULL).orElseThrow().reference());
        return Governance.proposal("chg-modify", ChangeKind.MODIFY_RULE, BULL, Governance.avro(modified));
    }

    private void approve(ModelChange change) {
        Instant at = Instant.parse("2025-04-01T12:00:00Z");
        resolver.propose(ModelChange.newBuilder(change).setProposedAt(at).setUpdatedAt(at).build());
        resolver.decide(ApprovalDecision.newBuilder(Governance.approve(change.getId(), "alice")).setDecidedAt(at).build());
    }

    /** Ten losing BULL outcomes, one a day from the returned time on: BULL is auto-degraded at the tenth. */
    private Instant autoDegradeBull() {
        Instant t0 = Instant.parse("2025-01-06T00:00:00Z");
        for (int i = 1; i <= 10; i++) {
            miss(i, t0, 1);
        }
        assertThat(published(BULL).getStatus()).isEqualTo(PatternStatus.DEGRADED);
        return t0;
    }

    /**
     * A losing UP outcome of SPY matched by BULL revision {@code revision}, resolved {@code day}
     * days after {@code t0}, in the learning format before progress marks (learnt on arrival).
     */
    private void miss(int day, Instant t0, int revision) {
        Instant resolved = t0.plus(Duration.ofDays(day));
        Outcome o = Outcome.newBuilder().setPredictionId("p" + day).setTicker("SPY").setDirection(Direction.UP)
                .setHorizonDays(5).setPredictionTime(resolved.minus(Duration.ofDays(7))).setResolvedTime(resolved)
                .setStatus(OutcomeStatus.RESOLVED).setEntryPrice(100.0).setExitPrice(97.0).setReturnPct(-3.0)
                .setMfePct(0.5).setMaePct(-3.5).setTimeToPeakDays(1).setHit(false).setAction(OutcomeAction.SKIPPED)
                .setLibraryVersion(1).setMatchedPatterns(List.of(TestRecords.match(BULL, revision, Direction.UP)))
                .build();
        resolver.learning("SPY", Topics.OUTCOMES.valueSerde().serializer().serialize("learning", o),
                resolved.toEpochMilli());
    }

    private PatternTrack track(String id) {
        return PatternTrack.fromBytes(resolver.store(ResolverStores.PATTERN_STATS).get(id));
    }

    private static PatternMatch match(String id, Direction direction) {
        return TestRecords.match(id, 1, direction);
    }

    private io.edgeloop.schemas.avro.PatternDefinition published(String id) {
        io.edgeloop.schemas.avro.PatternDefinition last = null;
        for (KeyValue<String, io.edgeloop.schemas.avro.PatternDefinition> kv : resolver.library()) {
            if (kv.key.equals(id)) {
                last = kv.value;
            }
        }
        assertThat(last).as("published " + id).isNotNull();
        assertThat(resolver.store(ResolverStores.KEEPER_LIBRARY).get(id)).isEqualTo(last);
        return last;
    }

    private static <T> T single(List<T> records) {
        assertThat(records).hasSize(1);
        return records.get(0);
    }
}
