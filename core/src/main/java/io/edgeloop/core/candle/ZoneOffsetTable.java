package io.edgeloop.core.candle;

import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A zone's UTC offsets as a sorted table of transitions, looked up without allocation
 * (java.time's {@code ZoneRules.getOffset(Instant)} needs an Instant per call). Built once from
 * the JDK's tz database for 1900..2200.
 *
 * <p>Lookup is O(1): a bucket index over fixed 2^29 ms (about 6.2 days) slots holds, for each
 * slot, the position of the first transition at or after the slot's start; transitions are
 * months apart, so at most one lies inside a slot and the lookup steps over it at most once.
 * Instants outside the table's range fall back to binary search. The answer is the same as the
 * binary search's, which the tests check against java.time.
 */
final class ZoneOffsetTable {

    static final ZoneOffsetTable NEW_YORK = of(ZoneId.of("America/New_York"));

    private static final int BUCKET_SHIFT = 29;

    private final long[] transitions;
    private final int[] offsets;
    private final long firstBucketStart;
    private final int[] firstTransitionAtOrAfter;

    private ZoneOffsetTable(long[] transitions, int[] offsets, long from, long to) {
        this.transitions = transitions;
        this.offsets = offsets;
        this.firstBucketStart = Math.floorDiv(from, 1L << BUCKET_SHIFT) << BUCKET_SHIFT;
        int buckets = (int) ((to - firstBucketStart) >> BUCKET_SHIFT) + 1;
        firstTransitionAtOrAfter = new int[buckets];
        int next = 0;
        for (int b = 0; b < buckets; b++) {
            long start = firstBucketStart + ((long) b << BUCKET_SHIFT);
            while (next < transitions.length && transitions[next] < start) {
                next++;
            }
            firstTransitionAtOrAfter[b] = next;
        }
    }

    static ZoneOffsetTable of(ZoneId zone) {
        ZoneRules rules = zone.getRules();
        Instant from = Instant.parse("1900-01-01T00:00:00Z");
        Instant to = Instant.parse("2200-01-01T00:00:00Z");
        List<Long> at = new ArrayList<>();
        List<Integer> after = new ArrayList<>();
        after.add(rules.getOffset(from).getTotalSeconds() * 1000);
        ZoneOffsetTransition t = rules.nextTransition(from);
        while (t != null && t.getInstant().isBefore(to)) {
            at.add(t.toEpochSecond() * 1000);
            after.add(t.getOffsetAfter().getTotalSeconds() * 1000);
            t = rules.nextTransition(t.getInstant());
        }
        return new ZoneOffsetTable(at.stream().mapToLong(Long::longValue).toArray(),
                after.stream().mapToInt(Integer::intValue).toArray(), from.toEpochMilli(), to.toEpochMilli());
    }

    /** Offset from UTC in milliseconds at the instant (local = utc + offset). */
    int offsetMillis(long epochMillis) {
        long bucket = (epochMillis - firstBucketStart) >> BUCKET_SHIFT;
        if (bucket < 0 || bucket >= firstTransitionAtOrAfter.length) {
            return searchedOffsetMillis(epochMillis);
        }
        int i = firstTransitionAtOrAfter[(int) bucket];
        while (i < transitions.length && transitions[i] <= epochMillis) {
            i++;
        }
        return offsets[i];
    }

    /** The same answer by binary search over the transitions. */
    int searchedOffsetMillis(long epochMillis) {
        int i = Arrays.binarySearch(transitions, epochMillis);
        return i >= 0 ? offsets[i + 1] : offsets[-i - 1];
    }

    /** The UTC instant of a local wall-clock time given as local epoch milliseconds. */
    long utcOf(long localMillis) {
        return localMillis - offsetMillis(localMillis - offsetMillis(localMillis));
    }
}
