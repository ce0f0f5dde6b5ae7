package io.edgeloop.streams;

import io.edgeloop.schemas.avro.PatternDefinition;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Tells the stream tasks that the global pattern-library store changed. The global thread bumps
 * a counter after every update it applies; a task compares the counter with the one it compiled
 * at and recompiles from the store when they differ, so a new library version takes effect for
 * the records a task processes after the update arrived. One watch per built topology.
 */
final class LibraryWatch {

    private final AtomicLong changes = new AtomicLong();

    /** Called by the global store's processor after it applied an update. */
    void changed() {
        changes.incrementAndGet();
    }

    /** The number of updates applied so far. */
    long changes() {
        return changes.get();
    }

    /**
     * A task's view of the library: recompiled from the store when the counter moved.
     */
    static final class View {
        private final LibraryWatch watch;
        private final ReadOnlyKeyValueStore<String, PatternDefinition> store;
        private long compiledAt = -1;
        private PatternLibrary library = PatternLibrary.EMPTY;

        View(LibraryWatch watch, ReadOnlyKeyValueStore<String, PatternDefinition> store) {
            this.watch = watch;
            this.store = store;
        }

        /** The library as of now; compiles only after a change. */
        PatternLibrary current() {
            long seen = watch.changes();
            if (seen != compiledAt) {
                List<PatternDefinition> patterns = new ArrayList<>();
                try (KeyValueIterator<String, PatternDefinition> all = store.all()) {
                    all.forEachRemaining(kv -> patterns.add(kv.value));
                }
                library = PatternLibrary.of(patterns);
                compiledAt = seen;
            }
            return library;
        }
    }
}
