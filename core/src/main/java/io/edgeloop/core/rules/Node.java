package io.edgeloop.core.rules;

import io.edgeloop.core.snapshot.Field;
import io.edgeloop.core.snapshot.Snapshot;

/**
 * A compiled predicate over a snapshot in Kleene's three-valued logic, as two two-valued tests:
 * {@link #isTrue} (definitely true) and {@link #isFalse} (definitely false); neither means
 * unknown. Comparisons with NaN are false in Java, which makes an absent field neither true nor
 * false without a separate presence test. No allocation, no boxing, no name lookups.
 */
abstract class Node {

    // Junctions test "c instanceof Leaf" before calling: most children are leaves, and a direct
    // call to the final Leaf class is inlined where a call through Node would be megamorphic.

    abstract boolean isTrue(Snapshot s);

    abstract boolean isFalse(Snapshot s);

    /**
     * One condition on one field, in one class so that the junctions' call sites stay
     * monomorphic or bimorphic (and inlined) rather than megamorphic. Kinds:
     * <ul>
     *   <li>{@link #RANGE}: {@code lo <= x <= hi}; strict bounds are compiled to the adjacent
     *       double (Math.nextUp / Math.nextDown), which is exact;</li>
     *   <li>{@link #MASK}: {@code x} is one of a small integer domain's admitted values
     *       ({@code offset + i} for every set bit {@code i}); a non-integral or out-of-domain
     *       value is unknown, like an absent one;</li>
     *   <li>{@link #NOT_EQUAL}: {@code x != value} for a present number;</li>
     *   <li>{@link #POINTS}: {@code x} equals one of a list of numbers.</li>
     * </ul>
     */
    static final class Leaf extends Node {
        static final int RANGE = 0;
        static final int MASK = 1;
        static final int NOT_EQUAL = 2;
        static final int POINTS = 3;

        final int kind;
        final int index;
        final double lo;
        final double hi;
        final int offset;
        final int size;
        final long mask;
        private final double[] points;

        private Leaf(int kind, Field field, double lo, double hi, int offset, int size, long mask, double[] points) {
            this.kind = kind;
            this.index = field.index();
            this.lo = lo;
            this.hi = hi;
            this.offset = offset;
            this.size = size;
            this.mask = mask;
            this.points = points;
        }

        static Leaf range(Field field, double lo, double hi) {
            return new Leaf(RANGE, field, lo, hi, 0, 0, 0, null);
        }

        static Leaf mask(Field field, ValueSet.Discrete set) {
            return new Leaf(MASK, field, 0, 0, set.offset(), set.size(), set.mask(), null);
        }

        static Leaf notEqual(Field field, double value) {
            return new Leaf(NOT_EQUAL, field, value, value, 0, 0, 0, null);
        }

        static Leaf points(Field field, double[] points) {
            return new Leaf(POINTS, field, 0, 0, 0, 0, 0, points.clone());
        }

        @Override
        boolean isTrue(Snapshot s) {
            double x = s.get(index);
            switch (kind) {
                case RANGE:
                    return x >= lo & x <= hi;
                case MASK: {
                    double d = x - offset;
                    int i = (int) d;
                    return i == d & i >= 0 & i < size & (mask >>> i & 1L) != 0;
                }
                case NOT_EQUAL:
                    return x == x && x != lo;
                default:
                    return inPoints(x);
            }
        }

        @Override
        boolean isFalse(Snapshot s) {
            double x = s.get(index);
            switch (kind) {
                case RANGE:
                    return x < lo || x > hi;
                case MASK: {
                    double d = x - offset;
                    int i = (int) d;
                    return i == d && i >= 0 && i < size && (mask >>> i & 1L) == 0;
                }
                case NOT_EQUAL:
                    return x == lo;
                default:
                    return x == x && !inPoints(x);
            }
        }

        /** A key equal for two leaves that test the same condition (same kind, field and bounds). */
        String key() {
            StringBuilder sb = new StringBuilder().append(kind).append(':').append(index).append(':')
                    .append(Double.doubleToRawLongBits(lo)).append(':').append(Double.doubleToRawLongBits(hi))
                    .append(':').append(offset).append(':').append(size).append(':').append(mask);
            if (points != null) {
                for (double p : points) {
                    sb.append(':').append(Double.doubleToRawLongBits(p));
                }
            }
            return sb.toString();
        }

        private boolean inPoints(double x) {
            for (double p : points) {
                if (x == p) {
                    return true;
                }
            }
            return false;
        }
    }

    /** Kleene conjunction: true when all are true, false when any is false. */
    static final class And extends Node {
        private final Node[] children;

        And(Node[] children) {
            this.children = children.clone();
        }

        Node[] children() {
            return children.clone();
        }

        @Override
        boolean isTrue(Snapshot s) {
            for (Node c : children) {
                if (!(c instanceof Leaf leaf ? leaf.isTrue(s) : c.isTrue(s))) {
                    return false;
                }
            }
            return true;
        }

        @Override
        boolean isFalse(Snapshot s) {
            for (Node c : children) {
                if (c.isFalse(s)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** Kleene disjunction: true when any is true, false when all are false. */
    static final class Or extends Node {
        private final Node[] children;

        Or(Node[] children) {
            this.children = children.clone();
        }

        Node[] children() {
            return children.clone();
        }

        @Override
        boolean isTrue(Snapshot s) {
            for (Node c : children) {
                if (c instanceof Leaf leaf ? leaf.isTrue(s) : c.isTrue(s)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        boolean isFalse(Snapshot s) {
            for (Node c : children) {
                if (!c.isFalse(s)) {
                    return false;
                }
            }
            return true;
        }
    }

    /** Kleene negation: swaps true and false, keeps unknown. */
    static final class Negation extends Node {
        private final Node child;

        Negation(Node child) {
            this.child = child;
        }

        Node child() {
            return child;
        }

        @Override
        boolean isTrue(Snapshot s) {
            return child.isFalse(s);
        }

        @Override
        boolean isFalse(Snapshot s) {
            return child.isTrue(s);
        }
    }
}
