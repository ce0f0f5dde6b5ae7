package io.edgeloop.core.mining;

import io.edgeloop.core.snapshot.Snapshot;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * One ticker's score trail at daily resolution: trading day {@code i} has an exchange date and
 * the {@link Snapshot} as it stood at that day's close (for an intraday profile, the last
 * snapshot of the date). Flags in a snapshot are events of that day's bar. Days are ascending
 * and one per date. The trail comes from the {@code scores} topic or is recomputed by the
 * scoring engine from candles; both give the same snapshots.
 *
 * <p>Callers must not modify the returned snapshots.
 */
public interface Trail {

    /** Number of trading days. */
    int size();

    /** Exchange date of trading day {@code day}. */
    LocalDate date(int day);

    /** Snapshot at the close of trading day {@code day}. */
    Snapshot at(int day);

    /** The trading day of an exchange date, or -1 when the trail has no such day. */
    default int dayOf(LocalDate date) {
        int lo = 0;
        int hi = size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = date(mid).compareTo(date);
            if (c < 0) {
                lo = mid + 1;
            } else if (c > 0) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        return -1;
    }

    /** A trail over parallel lists (copied; snapshots are copied too), dates strictly ascending. */
    static Trail of(List<LocalDate> dates, List<Snapshot> snapshots) {
        if (dates.size() != snapshots.size()) {
            throw new IllegalArgumentException("trail needs one snapshot per date: " + dates.size() + " dates, "
                    + snapshots.size() + " snapshots");
        }
        for (int i = 1; i < dates.size(); i++) {
            if (!dates.get(i).isAfter(dates.get(i - 1))) {
                throw new IllegalArgumentException("trail dates must be strictly ascending: " + dates.get(i - 1)
                        + " then " + dates.get(i));
            }
        }
        List<LocalDate> d = List.copyOf(dates);
        List<Snapshot> s = new ArrayList<>(snapshots.size());
        snapshots.forEach(snapshot -> s.add(snapshot.copy()));
        return new Trail() {
            @Override
            public int size() {
                return d.size();
            }

            @Override
            public LocalDate date(int day) {
                return d.get(day);
            }

            @Override
            public Snapshot at(int day) {
                return s.get(day);
            }
        };
    }
}
