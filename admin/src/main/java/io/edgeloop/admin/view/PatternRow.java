package io.edgeloop.admin.view;

import io.edgeloop.schemas.avro.PatternDefinition;
import io.edgeloop.schemas.avro.PatternStats;

import java.time.Instant;

/**
 * One row of the library table.
 *
 * @param id             pattern id
 * @param name           name
 * @param status         ACTIVE, DEGRADED, RETIRED or CANDIDATE
 * @param direction      the move it predicts
 * @param n              resolved outcomes counted
 * @param hits           of them, hits in the pattern's direction
 * @param hitRate        observed hits / n, or null when n = 0
 * @param posteriorMean  Beta posterior mean of the hit rate
 * @param lower          lower bound of the credible interval (the keeper's)
 * @param upper          upper bound
 * @param expectedValue  expected value per signal in percent, or null
 * @param avgReturnPct   mean directional return in percent, or null
 * @param avgMfePct      mean maximum favourable excursion in percent, or null
 * @param avgMaePct      mean maximum adverse excursion in percent, or null
 * @param version        revision of the pattern
 * @param libraryVersion library version of this revision
 * @param origin         SEED, RETROSPECTIVE or OPERATOR
 * @param updatedAt      stream time of the last outcome counted, or null
 */
public record PatternRow(String id, String name, String status, String direction, int n, int hits, Double hitRate,
                         double posteriorMean, double lower, double upper, Double expectedValue, Double avgReturnPct,
                         Double avgMfePct, Double avgMaePct, int version, long libraryVersion, String origin,
                         Instant updatedAt) {

    /** The row of a library record. */
    public static PatternRow of(PatternDefinition p) {
        PatternStats s = p.getStats();
        return new PatternRow(p.getId(), p.getName(), p.getStatus().name(), p.getDirection().name(), s.getN(),
                s.getHits(), s.getHitRate(), s.getPosteriorMean(), s.getLower(), s.getUpper(), s.getExpectedValue(),
                s.getAvgReturnPct(), s.getAvgMfePct(), s.getAvgMaePct(), p.getVersion(), p.getLibraryVersion(),
                p.getOrigin().name(), s.getUpdatedAt());
    }
}
