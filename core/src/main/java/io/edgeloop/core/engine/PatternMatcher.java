package io.edgeloop.core.engine;

import io.edgeloop.core.model.PatternMatches;
import io.edgeloop.core.snapshot.Snapshot;

/**
 * Matches the active pattern library against a snapshot. The engine calls it once per base
 * bar, after scoring and before the kanban moves, so implementations must be allocation-free
 * and deterministic (match in a fixed order). Each match carries the pattern's position in the
 * matcher's own list, its direction, confidence and whether it may boost (see
 * {@link PatternMatches}).
 */
public interface PatternMatcher {

    /** A matcher without patterns. */
    PatternMatcher NONE = new PatternMatcher() {
        @Override
        public int size() {
            return 0;
        }

        @Override
        public void match(Snapshot snapshot, PatternMatches out) {
            out.clear();
        }
    };

    /** Number of patterns it can match: the most matches one snapshot can have. */
    int size();

    /** Clears {@code out} and appends every pattern that matches the snapshot, in a fixed order. */
    void match(Snapshot snapshot, PatternMatches out);
}
