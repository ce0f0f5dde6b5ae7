package io.edgeloop.core.model;

import java.util.Arrays;

/**
 * The patterns that matched one snapshot, as the kanban needs them: for each match the
 * pattern's position in the matcher's set, its expected direction (+1 up, -1 down, 0 neutral),
 * its confidence (posterior hit rate 0..1, NaN when the library has no statistics) and whether
 * it may boost (ACTIVE patterns do; DEGRADED ones match but do not raise confidence or promote
 * a stage). Keeps the kanban independent of the pattern library. Reusable: {@link #clear()} and
 * refill per bar; no allocation once the capacity suffices.
 */
public final class PatternMatches {

    private int[] positions;
    private int[] directions;
    private double[] confidences;
    private boolean[] boosts;
    private int size;

    /** An empty list with room for {@code capacity} matches (it grows if needed). */
    public PatternMatches(int capacity) {
        int c = Math.max(1, capacity);
        positions = new int[c];
        directions = new int[c];
        confidences = new double[c];
        boosts = new boolean[c];
    }

    public void clear() {
        size = 0;
    }

    /**
     * Appends a match.
     *
     * @param position   the pattern's position in the matcher's set
     * @param direction  +1 up, -1 down, 0 neutral
     * @param confidence posterior hit rate in 0..1, NaN when unknown
     * @param boost      true when the pattern may raise confidence and promote a stage
     */
    public void add(int position, int direction, double confidence, boolean boost) {
        if (direction < -1 || direction > 1) {
            throw new IllegalArgumentException("pattern direction must be -1, 0 or +1, was " + direction);
        }
        if (size == positions.length) {
            int c = size * 2;
            positions = Arrays.copyOf(positions, c);
            directions = Arrays.copyOf(directions, c);
            confidences = Arrays.copyOf(confidences, c);
            boosts = Arrays.copyOf(boosts, c);
        }
        positions[size] = position;
        directions[size] = direction;
        confidences[size] = confidence;
        boosts[size] = boost;
        size++;
    }

    public int size() {
        return size;
    }

    public int position(int i) {
        check(i);
        return positions[i];
    }

    public int direction(int i) {
        check(i);
        return directions[i];
    }

    public double confidence(int i) {
        check(i);
        return confidences[i];
    }

    public boolean boosts(int i) {
        check(i);
        return boosts[i];
    }

    /** How many boosting matches expect {@code direction} with confidence above {@code threshold}. */
    public int confidentCount(int direction, double threshold) {
        int n = 0;
        for (int i = 0; i < size; i++) {
            if (boosts[i] && directions[i] == direction && confidences[i] > threshold) {
                n++;
            }
        }
        return n;
    }

    /** Makes this list equal to {@code other}. */
    public void copyFrom(PatternMatches other) {
        clear();
        for (int i = 0; i < other.size; i++) {
            add(other.positions[i], other.directions[i], other.confidences[i], other.boosts[i]);
        }
    }

    private void check(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException("match " + i + " of " + size);
        }
    }
}
