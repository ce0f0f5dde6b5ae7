package io.edgeloop.core.library;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An immutable library version: its number and its entries by pattern id (sorted by id).
 * Version 0 is the empty library before seeding; every applied change makes version + 1.
 *
 * @param version the library version
 * @param entries entries by pattern id
 * @param <P> the pattern value type
 */
public record PatternLibrary<P>(long version, Map<String, LibraryEntry<P>> entries) {

    public PatternLibrary {
        if (version < 0) {
            throw new IllegalArgumentException("library version must be >= 0, was " + version);
        }
        TreeMap<String, LibraryEntry<P>> sorted = new TreeMap<>(entries);
        sorted.forEach((id, entry) -> {
            if (!id.equals(entry.id())) {
                throw new IllegalArgumentException("library key " + id + " holds entry " + entry.id());
            }
            if (entry.version() > version) {
                throw new IllegalArgumentException("entry " + id + " of version " + entry.version()
                        + " cannot be in library version " + version);
            }
        });
        if (version == 0 && !sorted.isEmpty()) {
            throw new IllegalArgumentException("library version 0 is the empty library");
        }
        entries = Collections.unmodifiableMap(sorted);
    }

    /** Version 0: no pattern. */
    public static <P> PatternLibrary<P> empty() {
        return new PatternLibrary<>(0, Map.of());
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    public Optional<LibraryEntry<P>> entry(String id) {
        return Optional.ofNullable(entries.get(id));
    }

    /** Entries with a status, by id. */
    public List<LibraryEntry<P>> withStatus(PatternStatus status) {
        List<LibraryEntry<P>> out = new ArrayList<>();
        for (LibraryEntry<P> entry : entries.values()) {
            if (entry.status() == status) {
                out.add(entry);
            }
        }
        return out;
    }

    /** True when both libraries hold equal entries, whatever their version numbers. */
    public boolean sameContent(PatternLibrary<P> other) {
        return entries.equals(other.entries);
    }
}
