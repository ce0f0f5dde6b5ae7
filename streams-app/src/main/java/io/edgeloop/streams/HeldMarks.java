package io.edgeloop.streams;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Supplier;

/**
 * A ticker task's place in its {@code candles} partition and the input marks it holds back
 * ({@link CandleInputMarks}): a mark that vouches for candles up to an offset the task has not
 * reached is held until it does, then passed on, in the order the marks came. Kept in the
 * {@code ticker-state} store under {@link #KEY} (written at each commit with the rest of the
 * task's state), so a restarted task knows where it was and which marks it still holds, even when
 * no candle is left for it to read.
 *
 * <p>Layout: version byte, the offset after the last candle taken (8 bytes, 0 before the first),
 * the count of held marks (4 bytes), then each mark: through (8), vouched offset (8), the writer's
 * name (4-byte length, UTF-8).
 */
final class HeldMarks implements Supplier<byte[]> {

    /** The {@code ticker-state} key; ticker keys always hold a '|', this one does not. */
    static final String KEY = "input-marks";

    private static final byte VERSION = 1;

    /** A held mark: candle input complete through {@code through}, vouched up to {@code vouched}. */
    record Mark(long through, long vouched, String who) {
    }

    private long next;
    private final Deque<Mark> held = new ArrayDeque<>();

    /** The offset after the last candle the task took (0 before the first). */
    long next() {
        return next;
    }

    /** Marks held back, oldest first. */
    List<Mark> held() {
        return List.copyOf(held);
    }

    /** Forgets everything (a task with no stored state). */
    void clear() {
        next = 0;
        held.clear();
    }

    /** The task took (or dead-lettered) the candle at {@code offset}. */
    void took(long offset) {
        next = Math.max(next, offset + 1);
    }

    /**
     * Holds a mark when it vouches for candles the task has not taken yet, or when an earlier mark
     * is still held (marks keep their order).
     *
     * @param vouched the offset the mark vouches up to, -1 for a mark without one
     * @return true when held; false when it can be passed on now
     */
    boolean hold(long through, long vouched, String who) {
        if (held.isEmpty() && vouched <= next) {
            return false;
        }
        held.addLast(new Mark(through, vouched, who));
        return true;
    }

    /** The oldest held mark the task has now reached, removed; null when there is none. */
    Mark release() {
        Mark first = held.peekFirst();
        if (first == null || first.vouched() > next) {
            return null;
        }
        return held.removeFirst();
    }

    @Override
    public byte[] get() {
        List<byte[]> names = new ArrayList<>();
        int size = 1 + Long.BYTES + Integer.BYTES;
        for (Mark m : held) {
            byte[] name = m.who().getBytes(StandardCharsets.UTF_8);
            names.add(name);
            size += 2 * Long.BYTES + Integer.BYTES + name.length;
        }
        ByteBuffer b = ByteBuffer.allocate(size).put(VERSION).putLong(next).putInt(held.size());
        int i = 0;
        for (Mark m : held) {
            byte[] name = names.get(i++);
            b.putLong(m.through()).putLong(m.vouched()).putInt(name.length).put(name);
        }
        return b.array();
    }

    /**
     * Replaces this state with a stored one; null (nothing stored) clears it.
     *
     * @throws IllegalStateException on another version or a truncated value
     */
    void read(byte[] stored) {
        clear();
        if (stored == null) {
            return;
        }
        try {
            ByteBuffer b = ByteBuffer.wrap(stored);
            byte version = b.get();
            if (version != VERSION) {
                throw new IllegalStateException("held input marks have format version " + version
                        + ", this build reads version " + VERSION);
            }
            next = b.getLong();
            int count = b.getInt();
            for (int i = 0; i < count; i++) {
                long through = b.getLong();
                long vouched = b.getLong();
                byte[] name = new byte[b.getInt()];
                b.get(name);
                held.addLast(new Mark(through, vouched, new String(name, StandardCharsets.UTF_8)));
            }
        } catch (java.nio.BufferUnderflowException | NegativeArraySizeException e) {
            throw new IllegalStateException("held input marks are truncated (" + stored.length + " bytes)", e);
        }
    }
}
