package io.edgeloop.core.candle;

import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A zone's UTC offsets as a sorted table of transitions, looked up by binary search without
 * allocation (java.time's {@code ZoneRules.getOffset(Instant)} needs an Instant per call).
 * Built once from the JDK's tz database for 1900..2200.
 */
final class ZoneOffsetTable {

    static final ZoneOffsetTable NEW_YORK = of(ZoneId.of("America/New_York"));

    private final long[] transitions;
    private final int[] offsets;

    private ZoneOffsetTable(long[] transitions, int[] offsets) {
        this.transitions = transitions;
        this.offsets = offsets;
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
                after.stream().mapToInt(Integer::intValue).toArray());
    }

    /** Offset from UTC in milliseconds at the instant (local = utc + offset). */
    int offsetMillis(long epochMillis) {
        int i = Arrays.binarySearch(transitions, epochMillis);
        return i >= 0 ? offsets[i + 1] : offsets[-i - 1];
    }

    /** The UTC instant of a local wall-clock time given as local epoch milliseconds. */
    long utcOf(long localMillis) {
        return localMillis - offsetMillis(localMillis - offsetMillis(localMillis));
    }
}
