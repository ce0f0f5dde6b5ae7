package io.edgeloop.admin.seed;

import io.edgeloop.core.rules.PatternDefinition;
import io.edgeloop.core.rules.SeedPatterns;
import io.edgeloop.core.stats.BetaPosterior;
import io.edgeloop.core.stats.BetaPrior;
import io.edgeloop.core.stats.Interval;
import io.edgeloop.core.stats.Observation;
import io.edgeloop.core.stats.PatternStats;
import io.edgeloop.core.stats.TwoProportionZTest;
import io.edgeloop.core.stats.WilsonInterval;
import io.edgeloop.schemas.avro.ApprovalAction;
import io.edgeloop.schemas.avro.ChangeDecision;
import io.edgeloop.schemas.avro.ChangeEvidence;
import io.edgeloop.schemas.avro.ChangeKind;
import io.edgeloop.schemas.avro.ChangeStatus;
import io.edgeloop.schemas.avro.Direction;
import io.edgeloop.schemas.avro.ModelChange;
import io.edgeloop.schemas.avro.Outcome;
import io.edgeloop.schemas.avro.PatternOrigin;
import io.edgeloop.schemas.avro.PatternStatus;
import io.edgeloop.schemas.avro.Severity;

import io.edgeloop.schemas.mapping.RuleMapping;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The seed library (core's 17 seed patterns as Avro records, version 1 at library version 1)
 * with statistics from the seed's real outcomes, and a changelog: the fast loop's auto-applied
 * degrade of {@link RealSeed#BEAR_PATTERN} (library version 2), a pending retrospective degrade
 * of {@link RealSeed#BULL_PATTERN} with its evidence (hit rate, Wilson interval, recent vs prior
 * window and a two-proportion z-test), a pending operator retire, and a rejected retire.
 */
public final class SeedLibrary {

    public static final String DEGRADE_ID = "fast-loop-degrade-bear_state_dominance";
    public static final String PENDING_ID = "retro-degrade-bull_state_dominance";
    public static final String SECOND_PENDING_ID = "operator-retire-multi_signal_cluster";
    public static final String REJECTED_ID = "retro-retire-st_flip_bull_state_1h";

    private final Instant degradeAt;
    /** Library records in publish order (two revisions of each pattern). */
    public final List<io.edgeloop.schemas.avro.PatternDefinition> patterns = new ArrayList<>();
    /** Changelog records in publish order (a decided change appears as proposed, then decided). */
    public final List<ModelChange> changes = new ArrayList<>();

    SeedLibrary(Instant degradeAt) {
        this.degradeAt = degradeAt;
    }

    /** Library version at a time: 1, and 2 from the fast loop's degrade on. */
    public long versionAt(Instant time) {
        return time.isBefore(degradeAt) ? 1 : 2;
    }

    void build(List<Outcome> outcomes, Instant last) {
        for (PatternDefinition seed : SeedPatterns.all()) {
            patterns.add(avro(seed, 1, 1, PatternStatus.ACTIVE, outcomes, degradeAt));
        }
        io.edgeloop.schemas.avro.PatternDefinition bearBefore = find(RealSeed.BEAR_PATTERN);
        io.edgeloop.schemas.avro.PatternDefinition bearAfter = avro(SeedPatterns.byId(RealSeed.BEAR_PATTERN).orElseThrow(),
                2, 2, PatternStatus.DEGRADED, outcomes, degradeAt);
        for (PatternDefinition seed : SeedPatterns.all()) {
            patterns.add(seed.id().equals(RealSeed.BEAR_PATTERN)
                    ? avro(seed, 2, 2, PatternStatus.DEGRADED, outcomes, last.plusSeconds(1))
                    : avro(seed, 1, 1, PatternStatus.ACTIVE, outcomes, last.plusSeconds(1)));
        }
        changes.add(degrade(outcomes, bearBefore, bearAfter));
        changes.add(pendingDegrade(outcomes, last));
        changes.add(change(SECOND_PENDING_ID, ChangeKind.RETIRE, "multi_signal_cluster", "operator:bob", last,
                "Retire multi_signal_cluster: it needs intraday squeeze and SuperTrend flags the daily feed does not give.",
                evidence(0, null, null, null), PatternStatus.RETIRED, ChangeStatus.PROPOSED, Severity.LOW, null));
        ModelChange proposed = change(REJECTED_ID, ChangeKind.RETIRE, "st_flip_bull_state_1h", "retrospective",
                degradeAt.minus(Duration.ofDays(20)), "Retire st_flip_bull_state_1h: no match in 90 days of daily data.",
                evidence(0, null, null, null), PatternStatus.RETIRED, ChangeStatus.PROPOSED, Severity.LOW, null);
        changes.add(proposed);
        Instant decided = degradeAt.minus(Duration.ofDays(19));
        changes.add(ModelChange.newBuilder(proposed).setStatus(ChangeStatus.REJECTED).setUpdatedAt(decided)
                .setDecision(ChangeDecision.newBuilder().setActor("operator:alice").setAction(ApprovalAction.REJECT)
                        .setReason("It is meant for hourly feeds; keep it for the intraday tickers.").setDecidedAt(decided).build())
                .build());
    }

    private io.edgeloop.schemas.avro.PatternDefinition find(String id) {
        return patterns.stream().filter(p -> p.getId().equals(id)).findFirst().orElseThrow();
    }

    private ModelChange degrade(List<Outcome> outcomes, io.edgeloop.schemas.avro.PatternDefinition before,
                                io.edgeloop.schemas.avro.PatternDefinition after) {
        var s = after.getStats();
        double below = BetaPosterior.of(BetaPrior.UNIFORM, s.getHits(), s.getN()).probabilityBelow(0.40);
        return ModelChange.newBuilder()
                .setId(DEGRADE_ID).setKind(ChangeKind.DEGRADE).setPatternId(RealSeed.BEAR_PATTERN)
                .setProposedBy("resolver-fast-loop").setProposedAt(degradeAt)
                .setSummary(String.format(Locale.ROOT, "Degrade bear_state_dominance: posterior P(hit rate < 0.40) = %.2f after %d outcomes",
                        below, s.getN()))
                .setEvidence(evidence(s.getN(), s.getHitRate(), s.getLower(), s.getUpper()))
                .setProposed(after).setPrevious(before).setStatus(ChangeStatus.AUTO_APPLIED).setStatusReason(null)
                .setDecision(null).setLibraryVersionBefore(1L).setLibraryVersionAfter(2L).setTargetLibraryVersion(null)
                .setSeverity(Severity.HIGH).setUpdatedAt(degradeAt).build();
    }

    private ModelChange pendingDegrade(List<Outcome> outcomes, Instant last) {
        List<Outcome> bull = matched(outcomes, RealSeed.BULL_PATTERN, last.plusSeconds(1));
        Instant recentFrom = last.minus(Duration.ofDays(30));
        Instant priorFrom = recentFrom.minus(Duration.ofDays(60));
        int recentN = 0;
        int recentHits = 0;
        int priorN = 0;
        int priorHits = 0;
        int hits = 0;
        for (Outcome o : bull) {
            hits += o.getHit() ? 1 : 0;
            if (!o.getResolvedTime().isBefore(recentFrom)) {
                recentN++;
                recentHits += o.getHit() ? 1 : 0;
            } else if (!o.getResolvedTime().isBefore(priorFrom)) {
                priorN++;
                priorHits += o.getHit() ? 1 : 0;
            }
        }
        Interval wilson = WilsonInterval.of(hits, bull.size(), 0.95);
        ChangeEvidence evidence = evidence(bull.size(), bull.isEmpty() ? null : (double) hits / bull.size(),
                wilson.lower(), wilson.upper());
        evidence.setRecentRate(recentN == 0 ? null : (double) recentHits / recentN);
        evidence.setPriorRate(priorN == 0 ? null : (double) priorHits / priorN);
        evidence.setRecentN(recentN);
        evidence.setPriorN(priorN);
        evidence.setPValue(recentN > 0 && priorN > 0 ? TwoProportionZTest.pValue(recentHits, recentN, priorHits, priorN) : null);
        evidence.setDetails(Map.of("recent window", recentFrom + " .. " + last, "prior window", priorFrom + " .. " + recentFrom,
                "test", "two-proportion z-test, recent vs prior"));
        return change(PENDING_ID, ChangeKind.DEGRADE, RealSeed.BULL_PATTERN, "retrospective", last,
                String.format(Locale.ROOT, "Degrade bull_state_dominance: hit rate %d/%d, recent 30 days %d/%d vs prior 60 days %d/%d",
                        hits, bull.size(), recentHits, recentN, priorHits, priorN),
                evidence, PatternStatus.DEGRADED, ChangeStatus.PROPOSED, Severity.MEDIUM, null);
    }

    private ModelChange change(String id, ChangeKind kind, String patternId, String by, Instant at, String summary,
                               ChangeEvidence evidence, PatternStatus newStatus, ChangeStatus status, Severity severity,
                               ChangeDecision decision) {
        io.edgeloop.schemas.avro.PatternDefinition current = patterns.stream()
                .filter(p -> p.getId().equals(patternId)).reduce((a, b) -> b).orElseThrow();
        return ModelChange.newBuilder().setId(id).setKind(kind).setPatternId(patternId).setProposedBy(by)
                .setProposedAt(at).setSummary(summary).setEvidence(evidence)
                .setProposed(io.edgeloop.schemas.avro.PatternDefinition.newBuilder(current).setStatus(newStatus)
                        .setVersion(current.getVersion() + 1).build())
                .setPrevious(null).setStatus(status).setStatusReason(null).setDecision(decision)
                .setLibraryVersionBefore(null).setLibraryVersionAfter(null).setTargetLibraryVersion(null)
                .setSeverity(severity).setUpdatedAt(at).build();
    }

    private static ChangeEvidence evidence(int n, Double rate, Double lower, Double upper) {
        return ChangeEvidence.newBuilder().setN(n).setHitRate(rate).setLower(lower).setUpper(upper).setPValue(null)
                .setQValue(null).setRecentRate(null).setPriorRate(null).setRecentN(null).setPriorN(null)
                .setOutOfSample(null).setDetails(Map.of()).build();
    }

    private static List<Outcome> matched(List<Outcome> outcomes, String id, Instant before) {
        return outcomes.stream().filter(o -> o.getResolvedTime().isBefore(before))
                .filter(o -> o.getMatchedPatterns().stream().anyMatch(m -> m.getPatternId().equals(id))).toList();
    }

    private io.edgeloop.schemas.avro.PatternDefinition avro(PatternDefinition seed, int version, long libraryVersion,
                                                           PatternStatus status, List<Outcome> outcomes, Instant before) {
        PatternStats stats = PatternStats.EMPTY;
        Instant updated = null;
        for (Outcome o : matched(outcomes, seed.id(), before)) {
            stats = stats.plus(new Observation(o.getHit(), o.getReturnPct(), o.getMfePct(), -o.getMaePct()));
            updated = updated == null || o.getResolvedTime().isAfter(updated) ? o.getResolvedTime() : updated;
        }
        BetaPosterior posterior = BetaPosterior.of(BetaPrior.UNIFORM, stats.hits(), stats.n());
        Interval interval = posterior.credibleInterval(0.95);
        boolean any = stats.n() > 0;
        return io.edgeloop.schemas.avro.PatternDefinition.newBuilder()
                .setId(seed.id()).setName(seed.name()).setDescription(seed.description())
                .setDirection(Direction.valueOf(seed.direction().name())).setStatus(status).setVersion(version)
                .setLibraryVersion(libraryVersion).setOrigin(PatternOrigin.SEED).setRule(RuleMapping.toAvro(seed.rule()))
                .setStats(io.edgeloop.schemas.avro.PatternStats.newBuilder().setN((int) stats.n()).setHits((int) stats.hits())
                        .setAlpha(posterior.alpha()).setBeta(posterior.beta())
                        .setHitRate(any ? stats.hitRate() : null).setPosteriorMean(posterior.mean())
                        .setLower(interval.lower()).setUpper(interval.upper())
                        .setAvgReturnPct(any ? stats.avgReturn() : null).setAvgMfePct(any ? stats.avgMfe() : null)
                        .setAvgMaePct(any ? -stats.avgMae() : null).setExpectedValue(any ? stats.expectedValue() : null)
                        .setUpdatedAt(updated).build())
                .build();
    }
}
