package io.edgeloop.schemas.mapping;

import io.edgeloop.core.rules.Direction;
import io.edgeloop.core.rules.PatternDefinition;
import io.edgeloop.core.rules.PatternOrigin;
import io.edgeloop.core.rules.PatternStatus;
import io.edgeloop.core.rules.ReferenceRate;
import io.edgeloop.core.rules.SeedPatterns;
import io.edgeloop.core.stats.BetaPosterior;
import io.edgeloop.core.stats.BetaPrior;
import io.edgeloop.core.stats.Interval;
import io.edgeloop.schemas.avro.PatternStats;

import java.time.Instant;
import java.util.Optional;

/**
 * Conversion of a pattern between core's {@link PatternDefinition} and its Avro form on the
 * {@code pattern-library} and {@code model-changelog} topics
 * ({@link io.edgeloop.schemas.avro.PatternDefinition}). The rule maps through
 * {@link RuleMapping}, whose refusals name the node ({@code $.all[2]}).
 *
 * <ul>
 *   <li>Origins: SEED, OPERATOR by name; core's DISCOVERED is the topic's RETROSPECTIVE.</li>
 *   <li>Statistics: the Avro form carries the figures a reader wants (n, hits, posterior,
 *       interval, averages, EV), derived by {@link #stats} from core's running sums under a prior
 *       and an interval level. The sums are not in the contract, so {@link #toDomain} gives back
 *       only n and hits (every sum 0): enough to count, not to average; read the averages from
 *       the Avro record.</li>
 *   <li>The original model's reference hit rate of a seed is documentation the Avro form does
 *       not carry; {@link #toDomain} restores it from {@link SeedPatterns} for a SEED pattern, so
 *       every seed survives the round trip unchanged.</li>
 * </ul>
 */
public final class PatternMapping {

    private PatternMapping() {
    }

    /**
     * The Avro form of a pattern with already derived statistics.
     *
     * @param libraryVersion the library version that publishes it (0 for a proposal)
     */
    public static io.edgeloop.schemas.avro.PatternDefinition toAvro(PatternDefinition p, long libraryVersion,
                                                                    PatternStats stats) {
        return io.edgeloop.schemas.avro.PatternDefinition.newBuilder()
                .setId(p.id())
                .setName(p.name())
                .setDescription(p.description())
                .setDirection(io.edgeloop.schemas.avro.Direction.valueOf(p.direction().name()))
                .setStatus(io.edgeloop.schemas.avro.PatternStatus.valueOf(p.status().name()))
                .setVersion(p.version())
                .setLibraryVersion(libraryVersion)
                .setOrigin(origin(p.origin()))
                .setRule(RuleMapping.toAvro(p.rule()))
                .setStats(stats)
                .build();
    }

    /**
     * The Avro form of a pattern, its statistics derived from its running sums by {@link #stats}.
     *
     * @param libraryVersion the library version that publishes it (0 for a proposal)
     * @param updatedAt      when the statistics last changed, or null
     */
    public static io.edgeloop.schemas.avro.PatternDefinition toAvro(PatternDefinition p, long libraryVersion,
                                                                    BetaPrior prior, double level, Instant updatedAt) {
        return toAvro(p, libraryVersion, stats(p.stats(), prior, level, updatedAt));
    }

    /**
     * Core's pattern of an Avro pattern; its statistics hold n and hits only (see the class doc).
     *
     * @throws IllegalArgumentException naming the rule node that has no core form
     */
    public static PatternDefinition toDomain(io.edgeloop.schemas.avro.PatternDefinition p) {
        PatternOrigin origin = origin(p.getOrigin());
        Optional<ReferenceRate> reference = origin == PatternOrigin.SEED
                ? SeedPatterns.byId(p.getId()).flatMap(PatternDefinition::reference) : Optional.empty();
        return new PatternDefinition(p.getId(), p.getName(), p.getDescription(),
                Direction.valueOf(p.getDirection().name()), PatternStatus.valueOf(p.getStatus().name()),
                p.getVersion(), origin, RuleMapping.toDomain(p.getRule()), counts(p.getStats()), reference);
    }

    /**
     * The Avro statistics of core's running sums: n and hits; the Beta-Binomial posterior
     * Beta(alpha0 + hits, beta0 + n - hits) with its mean alpha / (alpha + beta) and equal-tailed
     * credible interval at {@code level} (Beta quantiles; {@link BetaPosterior}); the observed hit
     * rate hits / n; mean return, MFE and MAE (MAE as a non-positive percentage); and the
     * study's expected value (UP% x mean up move - DOWN% x mean down move) / 100
     * ({@link io.edgeloop.core.stats.PatternStats#moveExpectedValue()}). Averages are null while
     * n is 0.
     */
    public static PatternStats stats(io.edgeloop.core.stats.PatternStats s, BetaPrior prior, double level,
                                     Instant updatedAt) {
        BetaPosterior posterior = s.posterior(prior);
        Interval interval = posterior.credibleInterval(level);
        boolean none = s.n() == 0;
        return PatternStats.newBuilder()
                .setN(Math.toIntExact(s.n()))
                .setHits(Math.toIntExact(s.hits()))
                .setAlpha(posterior.alpha())
                .setBeta(posterior.beta())
                .setHitRate(none ? null : s.hitRate())
                .setPosteriorMean(posterior.mean())
                .setLower(interval.lower())
                .setUpper(interval.upper())
                .setAvgReturnPct(none ? null : s.avgReturn())
                .setAvgMfePct(none ? null : s.avgMfe())
                .setAvgMaePct(none ? null : 0.0 - s.avgMae())
                .setExpectedValue(none ? null : s.moveExpectedValue())
                .setUpdatedAt(updatedAt)
                .build();
    }

    /** The Avro origin of core's origin. */
    public static io.edgeloop.schemas.avro.PatternOrigin origin(PatternOrigin origin) {
        return origin == PatternOrigin.DISCOVERED ? io.edgeloop.schemas.avro.PatternOrigin.RETROSPECTIVE
                : io.edgeloop.schemas.avro.PatternOrigin.valueOf(origin.name());
    }

    /** Core's origin of the Avro origin. */
    public static PatternOrigin origin(io.edgeloop.schemas.avro.PatternOrigin origin) {
        return origin == io.edgeloop.schemas.avro.PatternOrigin.RETROSPECTIVE ? PatternOrigin.DISCOVERED
                : PatternOrigin.valueOf(origin.name());
    }

    private static io.edgeloop.core.stats.PatternStats counts(PatternStats s) {
        if (s == null || s.getN() == 0) {
            return io.edgeloop.core.stats.PatternStats.EMPTY;
        }
        return new io.edgeloop.core.stats.PatternStats(s.getN(), s.getHits(), 0, 0, 0, 0, 0, 0, 0, 0);
    }
}
