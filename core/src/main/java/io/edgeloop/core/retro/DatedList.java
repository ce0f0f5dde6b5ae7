package io.edgeloop.core.retro;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Values by date, ascending, at most one per date (a later put for a date replaces its value),
 * in two parallel array lists: a value for a date after the last is appended, an earlier date is
 * inserted in place. What {@link DailyBook} keeps per ticker: the retrospective copies every
 * ticker's bars and trail every week, and copying an array is many times cheaper than walking a
 * tree map's entries.
 */
final class DatedList<V> {

    private final ArrayList<LocalDate> dates = new ArrayList<>();
    private final ArrayList<V> values = new ArrayList<>();

    /** Files {@code value} under {@code date}, replacing the value of that date if there is one. */
    void put(LocalDate date, V value) {
        int n = dates.size();
        if (n == 0 || dates.get(n - 1).isBefore(date)) {
            dates.add(date);
            values.add(value);
            return;
        }
        int i = Collections.binarySearch(dates, date);
        if (i >= 0) {
            values.set(i, value);
        } else {
            dates.add(-i - 1, date);
            values.add(-i - 1, value);
        }
    }

    /** Drops the entries dated before {@code cutoff}. */
    void dropBefore(LocalDate cutoff) {
        int i = Collections.binarySearch(dates, cutoff);
        int keepFrom = i >= 0 ? i : -i - 1;
        if (keepFrom > 0) {
            dates.subList(0, keepFrom).clear();
            values.subList(0, keepFrom).clear();
        }
    }

    boolean isEmpty() {
        return dates.isEmpty();
    }

    /** The newest date; the list must not be empty. */
    LocalDate lastDate() {
        return dates.get(dates.size() - 1);
    }

    /** The dates, ascending: a read-only view that the next put or drop changes (copy to keep it). */
    List<LocalDate> dates() {
        return Collections.unmodifiableList(dates);
    }

    /** The values, in date order: a read-only view that the next put or drop changes (copy to keep it). */
    List<V> values() {
        return Collections.unmodifiableList(values);
    }
}
