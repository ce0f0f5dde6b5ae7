package io.edgeloop.core.snapshot;

import java.util.Arrays;

/**
 * The model's view of one ticker at one bar: one double per {@link Field}, NaN when absent.
 * Booleans are 0/1, directions -1/0/+1, categories their index. Mutable and reusable so that
 * the engine's steady state allocates nothing; {@link #copy()} when a value must be kept.
 */
public final class Snapshot {

    private final double[] values = new double[Fields.count()];

    public Snapshot() {
        clear();
    }

    /** Marks every field absent. */
    public void clear() {
        Arrays.fill(values, Double.NaN);
    }

    public double get(Field field) {
        return values[field.index()];
    }

    /** The value at a field's {@link Field#index()}, for readers that resolved their fields once. */
    public double get(int index) {
        return values[index];
    }

    /** Sets the value at a field's {@link Field#index()}, for writers that resolved their fields once. */
    public void set(int index, double value) {
        values[index] = value;
    }

    public boolean present(Field field) {
        return !Double.isNaN(values[field.index()]);
    }

    public void set(Field field, double value) {
        values[field.index()] = value;
    }

    public void set(Field field, boolean value) {
        values[field.index()] = value ? 1 : 0;
    }

    /** Sets a category field by name; fails on a name the field does not allow. */
    public void setCategory(Field field, String category) {
        int index = field.categoryIndex(category);
        if (index < 0) {
            throw new IllegalArgumentException(field.name() + " has no category " + category);
        }
        values[field.index()] = index;
    }

    /** The category name of a category field, or null when absent. */
    public String category(Field field) {
        double v = values[field.index()];
        return Double.isNaN(v) ? null : field.categories().get((int) v);
    }

    public Snapshot copy() {
        Snapshot copy = new Snapshot();
        System.arraycopy(values, 0, copy.values, 0, values.length);
        return copy;
    }

    public void copyFrom(Snapshot other) {
        System.arraycopy(other.values, 0, values, 0, values.length);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Snapshot s && Arrays.equals(values, s.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }
}
