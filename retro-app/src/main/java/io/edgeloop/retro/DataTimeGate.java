package io.edgeloop.retro;

import org.apache.kafka.common.TopicPartition;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Holds back what a retrospective must not see yet: a record dated after the horizon (the next
 * scheduled run) waits until the horizon passes it; one dated at or before it goes through. Held
 * records come out in date order (ties: read order), so each ticker's records keep their order:
 * every held record is dated after the horizon, and a record read later that goes through is
 * dated at or before it.
 *
 * <p>So a run sees the records dated up to its time, whatever the speed at which each partition
 * was read, never a bar that closed after it (read ahead on a fast partition, such a bar used to
 * move its ticker's keep-window and count in the run's report). The service pauses a partition
 * that holds {@link #HOLD_LIMIT} records, which bounds the memory; its partitions are in data
 * order (the connector sends bars by close time, streams-app writes scores in it), so a paused
 * partition is past the horizon and the data clock does not wait for it.
 */
final class DataTimeGate<E> {

    /** Records held per partition at which the service pauses it. */
    static final int HOLD_LIMIT = 2_000;

    private record Held<E>(long time, long sequence, TopicPartition partition, E event) {
    }

    private final TreeSet<Held<E>> held = new TreeSet<>(
            Comparator.<Held<E>>comparingLong(Held::time).thenComparingLong(Held::sequence));
    private final Map<TopicPartition, Integer> perPartition = new HashMap<>();
    private long sequence;

    /** True when the event may be applied now; otherwise it is held. */
    boolean pass(TopicPartition partition, long time, E event, long horizon) {
        if (time <= horizon) {
            return true;
        }
        held.add(new Held<>(time, sequence++, partition, event));
        perPartition.merge(partition, 1, Integer::sum);
        return false;
    }

    /** Takes the held events dated at or before the horizon, in date order. */
    List<E> release(long horizon) {
        List<E> out = new ArrayList<>();
        while (!held.isEmpty() && held.first().time() <= horizon) {
            Held<E> h = held.pollFirst();
            perPartition.computeIfPresent(h.partition(), (p, n) -> n == 1 ? null : n - 1);
            out.add(h.event());
        }
        return out;
    }

    /** The partitions holding {@link #HOLD_LIMIT} records or more. */
    Set<TopicPartition> full() {
        return perPartition.entrySet().stream().filter(e -> e.getValue() >= HOLD_LIMIT).map(Map.Entry::getKey)
                .collect(Collectors.toSet());
    }

    /** Records held, all partitions. */
    int size() {
        return held.size();
    }
}
