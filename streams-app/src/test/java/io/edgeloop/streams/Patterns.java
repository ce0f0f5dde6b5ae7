package io.edgeloop.streams;

import io.edgeloop.core.rules.Rule;
import io.edgeloop.core.stats.BetaPosterior;
import io.edgeloop.core.stats.BetaPrior;
import io.edgeloop.core.stats.Interval;
import io.edgeloop.schemas.avro.Direction;
import io.edgeloop.schemas.avro.PatternDefinition;
import io.edgeloop.schemas.avro.PatternOrigin;
import io.edgeloop.schemas.avro.PatternStats;
import io.edgeloop.schemas.avro.PatternStatus;
import io.edgeloop.schemas.mapping.RuleMapping;

/** Library records as the resolver's keeper writes them: stats from a Beta(1, 1) prior. */
final class Patterns {

    private Patterns() {
    }

    static PatternDefinition pattern(String id, Direction direction, PatternStatus status, int version,
                                     long libraryVersion, Rule rule, int n, int hits) {
        BetaPosterior posterior = BetaPosterior.of(BetaPrior.UNIFORM, hits, n);
        Interval interval = posterior.credibleInterval(0.95);
        PatternStats stats = PatternStats.newBuilder().setN(n).setHits(hits).setAlpha(posterior.alpha())
                .setBeta(posterior.beta()).setHitRate(n == 0 ? null : hits / (double) n)
                .setPosteriorMean(posterior.mean()).setLower(interval.lower()).setUpper(interval.upper())
                .setAvgReturnPct(null).setAvgMfePct(null).setAvgMaePct(null).setExpectedValue(null).setUpdatedAt(null)
                .build();
        return PatternDefinition.newBuilder().setId(id).setName(id.replace('_', ' ')).setDescription("test pattern")
                .setDirection(direction).setStatus(status).setVersion(version).setLibraryVersion(libraryVersion)
                .setOrigin(PatternOrigin.OPERATOR).setRule(RuleMapping.toAvro(rule)).setStats(stats).build();
    }

    /**
     * The original model's seeded patterns as library records, ACTIVE, each with the same
     * track record ({@code n} outcomes, {@code hits} hits) so they can boost.
     */
    static java.util.List<PatternDefinition> seeds(int n, int hits) {
        java.util.List<PatternDefinition> out = new java.util.ArrayList<>();
        for (io.edgeloop.core.rules.PatternDefinition p : io.edgeloop.core.rules.SeedPatterns.all()) {
            out.add(pattern(p.id(), Direction.valueOf(p.direction().name()), PatternStatus.ACTIVE, p.version(), 1,
                    p.rule(), n, hits));
        }
        return out;
    }

    /**
     * A rule that holds on every snapshot of the test data (every close is above a cent); not
     * {@code close > 0}, which the validator refuses as always true (a close is always above 0).
     */
    static Rule always() {
        return new Rule.Condition("close", io.edgeloop.core.rules.Op.GT, io.edgeloop.core.rules.Value.of(0.01));
    }
}
