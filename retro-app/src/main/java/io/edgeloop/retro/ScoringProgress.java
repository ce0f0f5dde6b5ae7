package io.edgeloop.retro;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * How far streams-app has scored the candles retro-app has read, per {@code candles} partition:
 * from streams-app's committed offsets on {@code candles} (exactly-once: the scores of every
 * candle below a committed offset are committed with it). A candle retro-app read at or above its
 * partition's committed offset is not scored yet; the data time is complete only strictly before
 * the earliest close time among those, since a run as of that time would miss the candle's score.
 * {@code scores} is partitioned like {@code candles} (both keyed by ticker, the same partition
 * count), so this bounds the scores topic per partition without matching records.
 *
 * <p>Per partition the unscored candles are kept as a monotonic queue of (offset, close time):
 * a candle whose close time is not below a later one's never decides the earliest, so it is
 * dropped when that one comes; a commit drops the front below the committed offset. Not
 * thread-safe.
 */
final class ScoringProgress {

    private final Map<Integer, Queue> partitions = new HashMap<>();
    private final Map<Integer, Long> committed = new HashMap<>();

    /** A candle retro-app read: its partition, offset and bar close time. */
    void read(int partition, long offset, long closeTime) {
        if (offset < committed.getOrDefault(partition, 0L)) {
            return;
        }
        partitions.computeIfAbsent(partition, p -> new Queue()).push(offset, closeTime);
    }

    /** streams-app's committed offset on a partition (0 when it has committed none). */
    void committed(int partition, long offset) {
        committed.merge(partition, offset, Math::max);
        Queue q = partitions.get(partition);
        if (q != null) {
            q.dropBelow(committed.get(partition));
        }
    }

    /** streams-app's committed offset on a partition as last reported. */
    long committed(int partition) {
        return committed.getOrDefault(partition, 0L);
    }

    /**
     * The latest data time through which every candle read so far is scored: one before the
     * earliest close time of an unscored candle; empty when every candle read is scored.
     */
    OptionalLong scoredThrough() {
        long earliest = Long.MAX_VALUE;
        for (Queue q : partitions.values()) {
            if (!q.isEmpty()) {
                earliest = Math.min(earliest, q.earliest());
            }
        }
        return earliest == Long.MAX_VALUE ? OptionalLong.empty() : OptionalLong.of(earliest - 1);
    }

    /** The partition holding the earliest unscored candle, or -1 when none is unscored. */
    int slowestPartition() {
        int slowest = -1;
        long earliest = Long.MAX_VALUE;
        for (Map.Entry<Integer, Queue> e : partitions.entrySet()) {
            if (!e.getValue().isEmpty() && e.getValue().earliest() < earliest) {
                earliest = e.getValue().earliest();
                slowest = e.getKey();
            }
        }
        return slowest;
    }

    /** Offsets and close times, ascending offset, close times strictly ascending too; a ring of two arrays. */
    private static final class Queue {
        private long[] offsets = new long[16];
        private long[] times = new long[16];
        private int head;
        private int size;

        void push(long offset, long time) {
            while (size > 0 && times[index(size - 1)] >= time) {
                size--;
            }
            if (size == offsets.length) {
                grow();
            }
            int i = index(size);
            offsets[i] = offset;
            times[i] = time;
            size++;
        }

        void dropBelow(long offset) {
            while (size > 0 && offsets[head] < offset) {
                head = index(1);
                size--;
            }
        }

        boolean isEmpty() {
            return size == 0;
        }

        long earliest() {
            return times[head];
        }

        private int index(int k) {
            return (head + k) % offsets.length;
        }

        private void grow() {
            long[] o = new long[offsets.length * 2];
            long[] t = new long[times.length * 2];
            for (int k = 0; k < size; k++) {
                o[k] = offsets[index(k)];
                t[k] = times[index(k)];
            }
            offsets = o;
            times = t;
            head = 0;
        }
    }
}
