package io.edgeloop.admin.view;

import io.edgeloop.admin.seed.RealSeed;
import io.edgeloop.admin.seed.SeedLibrary;
import io.edgeloop.admin.seed.Seeds;
import io.edgeloop.schemas.avro.ApprovalAction;
import io.edgeloop.schemas.avro.ApprovalDecision;
import io.edgeloop.schemas.avro.ChangeDecision;
import io.edgeloop.schemas.avro.ChangeEvidence;
import io.edgeloop.schemas.avro.ChangeKind;
import io.edgeloop.schemas.avro.ChangeStatus;
import io.edgeloop.schemas.avro.ModelChange;
import io.edgeloop.schemas.avro.Severity;
import io.edgeloop.schemas.avro.Outcome;
import io.edgeloop.schemas.avro.Prediction;
import io.edgeloop.schemas.topics.Topics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ModelStateTest {

    private final RealSeed seed = Seeds.standard();
    private ModelState state;

    @BeforeEach
    void applySeed() {
        state = new ModelState();
        seed.library.patterns.forEach(p -> state.apply(Topics.PATTERN_LIBRARY.name(), p.getId(), p, 1));
        seed.library.changes.forEach(c -> state.apply(Topics.MODEL_CHANGELOG.name(), c.getId(), c, 2));
        seed.predictions.forEach(p -> state.apply(Topics.PREDICTIONS.name(), p.getTicker(), p, 3));
        seed.outcomes.forEach(o -> state.apply(Topics.OUTCOMES.name(), o.getTicker(), o, 4));
        seed.signals.byKey.forEach((k, s) -> state.apply(Topics.SIGNALS.name(), k, s, 5));
    }

    @Test
    void shouldCountPredictionsOutcomesAndHitsOfTheRealSeed() {
        Health health = Health.of(state);
        long hits = seed.outcomes.stream().filter(Outcome::getHit).count();
        assertThat(seed.predictions).hasSizeGreaterThan(50);
        assertThat(health.predictions()).isEqualTo(seed.predictions.size());
        assertThat(health.outcomes()).isEqualTo(seed.outcomes.size());
        assertThat(seed.outcomes.size()).isLessThan(seed.predictions.size());
        assertThat(health.overall().n()).isEqualTo(seed.outcomes.size());
        assertThat(health.overall().hits()).isEqualTo(hits);
        assertThat(health.overall().rate()).isCloseTo((double) hits / seed.outcomes.size(), within(1e-12));
        Map<String, Long> byTrigger = seed.predictions.stream()
                .collect(Collectors.groupingBy(p -> p.getTrigger().name(), Collectors.counting()));
        assertThat(health.byTrigger()).extracting(Health.TriggerHealth::trigger).containsExactlyElementsOf(byTrigger.keySet().stream().sorted().toList());
        health.byTrigger().forEach(t -> assertThat((long) t.predictions()).isEqualTo(byTrigger.get(t.trigger())));
        assertThat(health.latestPrediction()).isEqualTo(seed.predictions.stream().map(Prediction::getBarTime).max(Instant::compareTo).orElseThrow());
    }

    @Test
    void shouldGiveTheWilsonIntervalOfTheReferenceExample() {
        Rate rate = Rate.of(7, 10);
        assertThat(rate.rate()).isEqualTo(0.7);
        assertThat(rate.lower()).isCloseTo(0.3968, within(1e-4));
        assertThat(rate.upper()).isCloseTo(0.8922, within(1e-4));
        assertThat(Rate.of(0, 0).rate()).isNull();
    }

    @Test
    void shouldTakeTheLibraryVersionAndStatusesFromTheLatestRecords() {
        Health health = Health.of(state);
        assertThat(health.libraryVersion()).isEqualTo(2);
        assertThat(health.patternsByStatus()).containsEntry("ACTIVE", 16).containsEntry("DEGRADED", 1);
        assertThat(health.pendingProposals()).isEqualTo(2);
    }

    @Test
    void shouldSplitProposalsIntoPendingAndDecidedWithTheVersionsTheyProduced() {
        Proposals proposals = Proposals.of(state);
        assertThat(proposals.pending()).extracting(p -> p.change().path("id").asText())
                .containsExactlyInAnyOrder(SeedLibrary.PENDING_ID, SeedLibrary.SECOND_PENDING_ID);
        Proposals.Pending degrade = proposals.pending().stream()
                .filter(p -> p.change().path("id").asText().equals(SeedLibrary.PENDING_ID)).findFirst().orElseThrow();
        assertThat(degrade.rule().text()).isEqualTo("state == HTF_BULL_LTF_BULL");
        assertThat(degrade.change().path("evidence").path("recentN").asInt()
                + degrade.change().path("evidence").path("priorN").asInt()).isPositive();
        assertThat(proposals.decided()).extracting(d -> d.change().path("status").asText())
                .containsExactlyInAnyOrder("AUTO_APPLIED", "REJECTED");
        assertThat(proposals.decided()).anySatisfy(d -> assertThat(d.change().path("decision").path("actor").asText())
                .isEqualTo("operator:alice"));
        assertThat(proposals.versions()).extracting(Proposals.LibraryVersion::version).containsExactly(2L);
    }

    /**
     * The library versions (the rollback panel's choices) must name the change that made
     * each version. The keeper answers an operator's acknowledgement of a regime alert with
     * libraryVersionBefore = libraryVersionAfter = the current version (ChangeAnswers.acknowledged:
     * "the library is unchanged"); Proposals keys its versions by libraryVersionAfter alone, so the
     * alert replaces the change that really produced that version.
     */
    @Test
    void shouldNameTheChangeThatMadeALibraryVersionNotARegimeAlertAcknowledgedAtIt() {
        Instant at = Instant.parse("2026-04-18T09:00:00Z");
        ModelChange alert = ModelChange.newBuilder().setId("retro-2026-04-18-regime_alert-market")
                .setKind(ChangeKind.REGIME_ALERT).setPatternId(null).setProposedBy("retrospective").setProposedAt(at)
                .setSummary("Market regime: UP share 38% in the last 30 days vs 61% in the 60 before")
                .setEvidence(ChangeEvidence.newBuilder().setN(0).build()).setSeverity(Severity.MEDIUM)
                .setStatus(ChangeStatus.APPLIED).setStatusReason("informational alert acknowledged; the library is unchanged")
                .setDecision(ChangeDecision.newBuilder().setActor("operator:alice").setReason("noted")
                        .setDecidedAt(at.plusSeconds(60)).setAction(ApprovalAction.APPROVE).build())
                .setLibraryVersionBefore(2L).setLibraryVersionAfter(2L).setUpdatedAt(at.plusSeconds(60)).build();
        state.apply(Topics.MODEL_CHANGELOG.name(), alert.getId(), alert, 30);

        assertThat(Proposals.of(state).versions()).singleElement().satisfies(v -> {
            assertThat(v.version()).isEqualTo(2L);
            assertThat(v.changeId()).as("the change that made version 2").isEqualTo(SeedLibrary.DEGRADE_ID);
            assertThat(v.kind()).isEqualTo("DEGRADE");
        });
    }

    @Test
    void shouldKeepWhenAVersionWasMadeOnceItsChangeIsRolledBackLater() {
        ModelChange degrade = state.read(s -> s.changes().get(SeedLibrary.DEGRADE_ID));
        ModelChange rolledBack = ModelChange.newBuilder(degrade).setStatus(ChangeStatus.ROLLED_BACK)
                .setStatusReason("rolled back by rollback-to-v1-1: library version 1 restored as version 3")
                .setUpdatedAt(degrade.getUpdatedAt().plusSeconds(86_400)).build();
        state.apply(Topics.MODEL_CHANGELOG.name(), rolledBack.getId(), rolledBack, 31);

        assertThat(Proposals.of(state).versions()).singleElement().satisfies(v -> {
            assertThat(v.changeId()).isEqualTo(SeedLibrary.DEGRADE_ID);
            assertThat(v.status()).isEqualTo("ROLLED_BACK");
            assertThat(v.appliedAt()).as("the auto-applied change's time, not its last transition's")
                    .isEqualTo(degrade.getProposedAt());
        });
    }

    @Test
    void shouldRecordEachDecisionOnceAndShowItAsAwaitingTheKeeper() {
        ApprovalDecision decision = ApprovalDecision.newBuilder().setChangeId(SeedLibrary.PENDING_ID)
                .setAction(ApprovalAction.APPROVE).setActor("operator:alice").setReason("edge gone")
                .setDecidedAt(Instant.parse("2026-04-17T15:00:00Z")).setTargetLibraryVersion(null).build();
        long before = state.updates();
        state.apply(Topics.APPROVALS.name(), SeedLibrary.PENDING_ID, decision, 10);
        state.apply(Topics.APPROVALS.name(), SeedLibrary.PENDING_ID, decision, 11);
        assertThat(state.updates()).isEqualTo(before + 1);
        Proposals.Pending pending = Proposals.of(state).pending().stream()
                .filter(p -> p.change().path("id").asText().equals(SeedLibrary.PENDING_ID)).findFirst().orElseThrow();
        assertThat(pending.awaiting()).singleElement()
                .satisfies(a -> assertThat(a.path("actor").asText()).isEqualTo("operator:alice"));
    }

    @Test
    void shouldDropPatternsAndChangesOnTombstones() {
        state.apply(Topics.PATTERN_LIBRARY.name(), RealSeed.BEAR_PATTERN, null, 20);
        state.apply(Topics.MODEL_CHANGELOG.name(), SeedLibrary.SECOND_PENDING_ID, null, 21);
        assertThat(Health.of(state).patternsByStatus()).doesNotContainKey("DEGRADED");
        assertThat(Health.of(state).pendingProposals()).isEqualTo(1);
        assertThat(state.lastRecordTimestamp()).isEqualTo(21);
    }

    @Test
    void shouldFilterPredictionsByTickerResolutionHitAndAction() {
        String ticker = seed.predictions.get(0).getTicker();
        PredictionList byTicker = PredictionList.of(state, new PredictionFilter(ticker.toLowerCase(), null, null, null, null, 5000));
        assertThat(byTicker.total()).isEqualTo((int) seed.predictions.stream().filter(p -> p.getTicker().equals(ticker)).count());
        assertThat(byTicker.rows()).allSatisfy(e -> assertThat(e.prediction().ticker()).isEqualTo(ticker));
        PredictionList open = PredictionList.of(state, new PredictionFilter(null, null, false, null, null, 5000));
        assertThat(open.total()).isEqualTo(seed.predictions.size() - seed.outcomes.size());
        assertThat(open.rows()).allSatisfy(e -> assertThat(e.outcome()).isNull());
        PredictionList hits = PredictionList.of(state, new PredictionFilter(null, null, null, true, null, 10));
        assertThat(hits.rows()).hasSizeLessThanOrEqualTo(10).allSatisfy(e -> assertThat(e.outcome().path("hit").asBoolean()).isTrue());
        assertThat(hits.total()).isEqualTo((int) seed.outcomes.stream().filter(Outcome::getHit).count());
        PredictionList missed = PredictionList.of(state, new PredictionFilter(null, null, null, null, "missed_opportunity", 5000));
        assertThat(missed.rows()).allSatisfy(e -> assertThat(e.outcome().path("action").asText()).isEqualTo("MISSED_OPPORTUNITY"));
        assertThat(byTicker.rows().get(0).prediction().barTime()).isAfterOrEqualTo(byTicker.rows().get(byTicker.rows().size() - 1).prediction().barTime());
    }

    @Test
    void shouldTraceAPatternsHitRateOverTimeToItsLibraryStatistics() {
        PatternDetail bull = PatternDetail.of(state, RealSeed.BULL_PATTERN, 2.0).orElseThrow();
        assertThat(bull.revisions()).hasSize(2);
        assertThat(bull.hitRateOverTime()).hasSize(bull.row().n());
        Rate last = bull.hitRateOverTime().get(bull.hitRateOverTime().size() - 1).rate();
        assertThat(last.hits()).isEqualTo(bull.row().hits());
        assertThat(bull.rule().problems()).isEmpty();
        PatternDetail bear = PatternDetail.of(state, RealSeed.BEAR_PATTERN, 2.0).orElseThrow();
        assertThat(bear.changes()).singleElement()
                .satisfies(c -> assertThat(c.path("id").asText()).isEqualTo(SeedLibrary.DEGRADE_ID));
        assertThat(PatternDetail.of(state, "no_such_pattern", 2.0)).isEmpty();
    }

    @Test
    void shouldReadTheMarketRegimeAndSearchTickerSignals() {
        assertThat(SignalViews.market(state).path("regime").asText()).isNotEmpty();
        String first = seed.predictions.get(0).getTicker();
        assertThat(SignalViews.list(state, io.edgeloop.schemas.avro.SignalLevel.TICKER, first.substring(0, 1), 500))
                .allSatisfy(s -> assertThat(s.path("key").asText()).containsIgnoringCase(first.substring(0, 1)));
        assertThat(SignalViews.count(state, io.edgeloop.schemas.avro.SignalLevel.TICKER)).isEqualTo(seed.trails.size());
    }
}
