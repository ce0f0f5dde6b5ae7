package io.edgeloop.retro;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Stream time of the topics the service reads: the data time through which every record is read,
 * robust to partitions read at different speeds:
 * <ul>
 *   <li>a partition's time is the newest record time seen on it; while it is still catching up,
 *       only the instant before counts as read through, since more records of that time (other
 *       tickers' bars closing at the same instant) may follow on it: a run at T waits until such
 *       a partition has delivered a record past T, wherever a poll's batch ended;</li>
 *   <li>a topic's time is the oldest such time among its partitions that are still catching up (so
 *       a replay does not run ahead of its slowest partition), or the newest time of any partition
 *       when all are caught up (live, or an idle partition: nothing more is there to read, so a run
 *       at T goes on the record closing at T); unknown while a partition that is catching up has
 *       not delivered a record yet;</li>
 *   <li>stream time is the oldest time of the topics that have data, so the retrospective does not
 *       run before the scores of a day have arrived as well as its candles;</li>
 *   <li>and never past a limit from outside: how far streams-app has scored the candles read
 *       ({@link ScoringProgress}), since scores that are not written yet are not behind on any
 *       partition.</li>
 * </ul>
 * Not thread-safe.
 */
final class StreamClock {

    private final Map<String, Map<Integer, Long>> times = new HashMap<>();
    private final Map<String, Set<Integer>> behind = new HashMap<>();
    private OptionalLong limit = OptionalLong.empty();

    /** A record of {@code topic}/{@code partition} with this event time (epoch ms). */
    void observe(String topic, int partition, long time) {
        times.computeIfAbsent(topic, t -> new HashMap<>()).merge(partition, time, Math::max);
    }

    /** Whether a partition still has records to read (position before its end offset). */
    void behind(String topic, int partition, boolean behindEnd) {
        Set<Integer> set = behind.computeIfAbsent(topic, t -> new HashSet<>());
        if (behindEnd) {
            set.add(partition);
        } else {
            set.remove(partition);
        }
    }

    /** The latest stream time allowed, or none. */
    void limit(OptionalLong latest) {
        limit = latest;
    }

    /** The stream time, empty while it is unknown. */
    OptionalLong now() {
        return limited(unlimited());
    }

    /** {@code free}, a time {@link #unlimited} gave, with the limit applied: {@link #now} without reading the partitions again. */
    OptionalLong limited(OptionalLong free) {
        return free.isPresent() && limit.isPresent() && limit.getAsLong() < free.getAsLong() ? limit : free;
    }

    /** The stream time without the limit, empty while it is unknown. */
    OptionalLong unlimited() {
        Set<String> topics = new HashSet<>(times.keySet());
        behind.forEach((topic, partitions) -> {
            if (!partitions.isEmpty()) {
                topics.add(topic);
            }
        });
        long now = Long.MAX_VALUE;
        for (String topic : topics) {
            Map<Integer, Long> seen = times.getOrDefault(topic, Map.of());
            Set<Integer> catchingUp = behind.getOrDefault(topic, Set.of());
            long t = catchingUp.isEmpty() ? seen.values().stream().mapToLong(Long::longValue).max().orElseThrow()
                    : Long.MAX_VALUE;
            for (int partition : catchingUp) {
                Long time = seen.get(partition);
                if (time == null) {
                    return OptionalLong.empty();
                }
                t = Math.min(t, time - 1);
            }
            now = Math.min(now, t);
        }
        return topics.isEmpty() ? OptionalLong.empty() : OptionalLong.of(now);
    }
}
