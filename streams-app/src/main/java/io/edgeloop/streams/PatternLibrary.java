package io.edgeloop.streams;

import io.edgeloop.core.rules.CompiledRule;
import io.edgeloop.core.snapshot.Snapshot;
import io.edgeloop.schemas.avro.Direction;
import io.edgeloop.schemas.avro.PatternDefinition;
import io.edgeloop.schemas.avro.PatternStatus;
import io.edgeloop.schemas.avro.PatternStats;
import io.edgeloop.schemas.mapping.RuleMapping;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * One version of the pattern library, compiled for matching at candle rate. Immutable.
 * <ul>
 *   <li>RETIRED patterns are left out;</li>
 *   <li>ACTIVE patterns match and {@linkplain Entry#boosts() boost}: they can promote a stage,
 *       raise a prediction's confidence and count in the ticker signal's pattern part;</li>
 *   <li>DEGRADED and CANDIDATE patterns match (so their outcomes are tracked) and do not boost.</li>
 * </ul>
 * Patterns are matched in id order, so the matches of a snapshot come out in one fixed order.
 * A pattern whose rule does not map or validate is left out with a warning: the keeper
 * validates rules before it publishes them, so this is a defect upstream, not a reason to stop.
 * The library version is the highest {@code libraryVersion} of any pattern (0 when empty).
 */
final class PatternLibrary {

    private static final Logger LOG = LoggerFactory.getLogger(PatternLibrary.class);

    /** The library with no pattern. */
    static final PatternLibrary EMPTY = new PatternLibrary(List.of(), 0);

    /**
     * One matchable pattern.
     *
     * @param id        pattern id
     * @param version   revision of its rule
     * @param direction the move it predicts
     * @param status    ACTIVE, DEGRADED or CANDIDATE
     * @param rule      its compiled rule
     * @param stats     its learned statistics as the library holds them
     */
    record Entry(String id, int version, Direction direction, PatternStatus status, CompiledRule rule,
                 PatternStats stats) {

        /** True for ACTIVE patterns: the only ones that raise confidence or promote a stage. */
        boolean boosts() {
            return status == PatternStatus.ACTIVE;
        }

        /** Posterior mean hit rate, NaN while the pattern has no resolved outcome (n = 0). */
        double confidence() {
            return stats == null || stats.getN() == 0 ? Double.NaN : stats.getPosteriorMean();
        }

        /** +1, -1 or 0. */
        int sign() {
            return direction == Direction.UP ? 1 : direction == Direction.DOWN ? -1 : 0;
        }
    }

    private final List<Entry> entries;
    private final CompiledRule[] rules;
    private final long version;

    private PatternLibrary(List<Entry> entries, long version) {
        this.entries = List.copyOf(entries);
        this.rules = new CompiledRule[entries.size()];
        for (int i = 0; i < rules.length; i++) {
            rules[i] = entries.get(i).rule();
        }
        this.version = version;
    }

    /** Compiles the current patterns of the library topic (any order). */
    static PatternLibrary of(Collection<PatternDefinition> patterns) {
        List<PatternDefinition> sorted = new ArrayList<>(patterns);
        sorted.sort(Comparator.comparing(PatternDefinition::getId));
        List<Entry> entries = new ArrayList<>(sorted.size());
        long version = 0;
        for (PatternDefinition p : sorted) {
            version = Math.max(version, p.getLibraryVersion());
            if (p.getStatus() == PatternStatus.RETIRED) {
                continue;
            }
            try {
                CompiledRule rule = CompiledRule.compile(RuleMapping.toDomain(p.getRule()));
                entries.add(new Entry(p.getId(), p.getVersion(), p.getDirection(), p.getStatus(), rule, p.getStats()));
            } catch (IllegalArgumentException e) {
                LOG.warn("pattern {} v{} left out of matching: {}", p.getId(), p.getVersion(), e.getMessage());
            }
        }
        return new PatternLibrary(entries, version);
    }

    int size() {
        return entries.size();
    }

    Entry entry(int position) {
        return entries.get(position);
    }

    List<Entry> entries() {
        return entries;
    }

    /** The library version the patterns belong to. */
    long version() {
        return version;
    }

    /**
     * Writes the positions of the patterns whose rule holds on the snapshot into
     * {@code out[0 .. n - 1]}, ascending, and returns n. {@code out} needs {@link #size()} slots.
     */
    int match(Snapshot snapshot, int[] out) {
        int n = 0;
        for (int i = 0; i < rules.length; i++) {
            if (rules[i].matches(snapshot)) {
                out[n++] = i;
            }
        }
        return n;
    }
}
