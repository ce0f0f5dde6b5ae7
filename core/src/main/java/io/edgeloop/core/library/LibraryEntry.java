package io.edgeloop.core.library;

import java.util.Objects;

/**
 * One pattern in a library version.
 *
 * @param id      pattern id
 * @param status  life-cycle status
 * @param pattern the opaque pattern value (rule, direction, metadata), never null
 * @param origin  where the pattern came from: {@code seed:<origin>} or {@code change:<change id>}
 * @param version the library version in which this entry last changed; a prediction records it
 *                as the pattern version it saw
 * @param <P> the pattern value type
 */
public record LibraryEntry<P>(String id, PatternStatus status, P pattern, String origin, long version) {

    public LibraryEntry {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("pattern id must not be blank");
        }
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(pattern, "pattern of " + id);
        Objects.requireNonNull(origin, "origin");
        if (version < 1) {
            throw new IllegalArgumentException("entry " + id + ": version must be >= 1, was " + version);
        }
    }

    /** This entry with another status, changed in {@code atVersion}. */
    public LibraryEntry<P> withStatus(PatternStatus newStatus, long atVersion) {
        return new LibraryEntry<>(id, newStatus, pattern, origin, atVersion);
    }

    /** This entry with another pattern value, changed in {@code atVersion}. */
    public LibraryEntry<P> withPattern(P newPattern, long atVersion) {
        return new LibraryEntry<>(id, status, newPattern, origin, atVersion);
    }
}
