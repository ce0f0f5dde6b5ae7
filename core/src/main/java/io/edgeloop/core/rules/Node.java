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

    abstract boolean isTrue(Snapshot s);

    abstract boolean isFalse(Snapshot s);

    /** {@code lo <= x <= hi}; strict bounds are compiled to the adjacent double (Math.nextUp/nextDown). */
    static final class Range extends Node {
        private final Field field;
        private final double lo;
        private final double hi;

        Range(Field field, double lo, double hi) {
            this.field = field;
            this.lo = lo;
            this.hi = hi;
        }

        @Override
        boolean isTrue(Snapshot s) {
            double x = s.get(field);
            return x >= lo && x <= hi;
        }

        @Override
        boolean isFalse(Snapshot s) {
            double x = s.get(field);
            return x < lo || x > hi;
        }
    }

    /**
     * {@code x} is one of a small integer domain's admitted values ({@code offset + i} for every
     * set bit {@code i}); a non-integral or out-of-domain value is unknown, like an absent one.
     */
    static final class Mask extends Node {
        private final Field field;
        private final int offset;
        private final int size;
        private final long mask;

        Mask(Field field, ValueSet.Discrete set) {
            this.field = field;
            this.offset = set.offset();
            this.size = set.size();
            this.mask = set.mask();
        }

        @Override
        boolean isTrue(Snapshot s) {
            double d = s.get(field) - offset;
            int i = (int) d;
            return i == d && i >= 0 && i < size && (mask >>> i & 1L) != 0;
        }

        @Override
        boolean isFalse(Snapshot s) {
            double d = s.get(field) - offset;
            int i = (int) d;
            return i == d && i >= 0 && i < size && (mask >>> i & 1L) == 0;
        }
    }

    /** {@code x != v} for a present number. */
    static final class NotEqual extends Node {
        private final Field field;
        private final double value;

        NotEqual(Field field, double value) {
            this.field = field;
            this.value = value;
        }

        @Override
        boolean isTrue(Snapshot s) {
            double x = s.get(field);
            return x == x && x != value;
        }

        @Override
        boolean isFalse(Snapshot s) {
            return s.get(field) == value;
        }
    }

    /** {@code x} equals one of a list of numbers. */
    static final class Points extends Node {
        private final Field field;
        private final double[] points;

        Points(Field field, double[] points) {
            this.field = field;
            this.points = points.clone();
        }

        @Override
        boolean isTrue(Snapshot s) {
            double x = s.get(field);
            for (double p : points) {
                if (x == p) {
                    return true;
                }
            }
            return false;
        }

        @Override
        boolean isFalse(Snapshot s) {
            double x = s.get(field);
            return x == x && !isTrue(s);
        }
    }

    /** Kleene conjunction: true when all are true, false when any is false. */
    static final class And extends Node {
        private final Node[] children;

        And(Node[] children) {
            this.children = children.clone();
        }

        @Override
        boolean isTrue(Snapshot s) {
            for (Node c : children) {
                if (!c.isTrue(s)) {
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

        @Override
        boolean isTrue(Snapshot s) {
            for (Node c : children) {
                if (c.isTrue(s)) {
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
