package io.edgeloop.resolver;

import io.edgeloop.schemas.avro.ModelChange;
import io.edgeloop.schemas.avro.PatternDefinition;

import java.util.Objects;

/** One record the keeper writes: to {@code pattern-library} or to {@code model-changelog}. */
sealed interface KeeperOutput {

    /**
     * A pattern's new value, or its deletion.
     *
     * @param patternId the key
     * @param pattern   the value; null for a tombstone
     */
    record LibraryUpdate(String patternId, PatternDefinition pattern) implements KeeperOutput {
        public LibraryUpdate {
            Objects.requireNonNull(patternId, "patternId");
        }
    }

    /** A change's new status, decision or answer. */
    record ChangelogUpdate(ModelChange change) implements KeeperOutput {
        public ChangelogUpdate {
            Objects.requireNonNull(change, "change");
        }
    }
}
