package io.edgeloop.core.rules;

import io.edgeloop.core.snapshot.Field;
import io.edgeloop.core.snapshot.Fields;
import io.edgeloop.core.snapshot.Snapshot;

/** Builds small hand-made snapshots by field name; every other field stays absent. */
final class SnapshotBuilder {

    private final Snapshot snapshot = new Snapshot();

    static SnapshotBuilder snapshot() {
        return new SnapshotBuilder();
    }

    SnapshotBuilder with(String field, double value) {
        snapshot.set(field(field), value);
        return this;
    }

    SnapshotBuilder with(String field, boolean value) {
        snapshot.set(field(field), value);
        return this;
    }

    SnapshotBuilder with(String field, String category) {
        snapshot.setCategory(field(field), category);
        return this;
    }

    Snapshot build() {
        return snapshot.copy();
    }

    private static Field field(String name) {
        return Fields.byName(name).orElseThrow(() -> new IllegalArgumentException("no field " + name));
    }
}
