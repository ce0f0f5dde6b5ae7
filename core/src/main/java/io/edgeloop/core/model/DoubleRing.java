package io.edgeloop.core.model;

import java.nio.ByteBuffer;
import java.util.Arrays;

/** The last {@code capacity} values pushed, newest first; fixed size, no allocation per push. */
final class DoubleRing {

    private final double[] values;
    private int head;
    private int count;

    DoubleRing(int capacity) {
        values = new double[capacity];
    }

    void push(double v) {
        head = head + 1 == values.length ? 0 : head + 1;
        values[head] = v;
        if (count < values.length) {
            count++;
        }
    }

    int count() {
        return count;
    }

    int capacity() {
        return values.length;
    }

    /** The k-th newest value (0 = newest), NaN when fewer than k + 1 values were pushed. */
    double get(int k) {
        if (k < 0 || k >= count) {
            return Double.NaN;
        }
        int i = head - k;
        return values[i < 0 ? i + values.length : i];
    }

    /** Mean of the newest n values, NaN when fewer than n were pushed. */
    double mean(int n) {
        if (n > count || n < 1) {
            return Double.NaN;
        }
        double sum = 0;
        for (int k = 0; k < n; k++) {
            sum += get(k);
        }
        return sum / n;
    }

    void reset() {
        Arrays.fill(values, 0);
        head = 0;
        count = 0;
    }

    int size() {
        return Integer.BYTES * 3 + Double.BYTES * values.length;
    }

    void write(ByteBuffer buffer) {
        buffer.putInt(values.length);
        buffer.putInt(head);
        buffer.putInt(count);
        for (double v : values) {
            buffer.putDouble(v);
        }
    }

    void read(ByteBuffer buffer) {
        int capacity = buffer.getInt();
        if (capacity != values.length) {
            throw new IllegalStateException("stored ring holds " + capacity + " values, this one " + values.length
                    + " (the model configuration changed)");
        }
        head = buffer.getInt();
        count = buffer.getInt();
        if (head < 0 || head >= capacity || count < 0 || count > capacity) {
            throw new IllegalStateException("corrupt ring state: head " + head + ", count " + count);
        }
        for (int i = 0; i < capacity; i++) {
            values[i] = buffer.getDouble();
        }
    }
}
