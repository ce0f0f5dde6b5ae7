package io.edgeloop.core.library;

/**
 * How one pattern changed in an applied change: the entry before and after (null when the
 * pattern did not exist on that side).
 *
 * @param patternId pattern id
 * @param before    entry before the change, or null
 * @param after     entry after the change, or null
 * @param <P> the pattern value type
 */
public record EntryDiff<P>(String patternId, LibraryEntry<P> before, LibraryEntry<P> after) {

    public EntryDiff {
        if (patternId == null || (before == null && after == null)) {
            throw new IllegalArgumentException("a diff needs a pattern id and at least one side");
        }
    }
}
