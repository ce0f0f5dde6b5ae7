package io.edgeloop.core.rules;

import io.edgeloop.core.snapshot.Field;
import io.edgeloop.core.snapshot.FieldType;

import java.util.Arrays;
import java.util.List;

/**
 * The set of values of a field's range that a type-valid condition admits. Used to find
 * conditions that can never hold or always hold, and conjunctions that contradict themselves.
 * Booleans, directions, categories and counts are small integer domains held as a bit mask; other
 * numbers are an interval with optional allowed points ({@code eq}, {@code in}) and excluded points
 * ({@code neq}).
 */
sealed interface ValueSet permits ValueSet.Discrete, ValueSet.Numeric {

    boolean isEmpty();

    /** True when the set holds every value of the field's range. */
    boolean isFull();

    ValueSet intersect(ValueSet other);

    /** The values a type-valid condition admits within the field's range. */
    static ValueSet of(Field field, Rule.Condition c) {
        return continuous(field) ? Numeric.of(field, c, false) : Discrete.of(field, c, false);
    }

    /** Numbers that take any value of their range; counts go to {@link Discrete} like the small domains. */
    private static boolean continuous(Field field) {
        return field.type() == FieldType.NUMBER && !field.integral();
    }

    /**
     * The values for which the condition is false, within the field's range (so the field is
     * present), as a union of sets: one set, or for a number outside a between range the two
     * sides below and above it.
     */
    static List<ValueSet> ofNegated(Field field, Rule.Condition c) {
        if (!continuous(field)) {
            return List.of(Discrete.of(field, c, true));
        }
        if (c.op() == Op.BETWEEN) {
            Value.Range r = (Value.Range) c.value();
            return List.of(Numeric.of(field, new Rule.Condition(c.field(), Op.LT, Value.of(r.lo())), false),
                    Numeric.of(field, new Rule.Condition(c.field(), Op.GT, Value.of(r.hi())), false));
        }
        return List.of(Numeric.of(field, c, true));
    }

    /** The number a scalar stands for on a field: the number, 1/0 for booleans, the category's index. */
    static double code(Field field, Value v) {
        if (v instanceof Value.Num n) {
            return n.value();
        }
        if (v instanceof Value.Bool b) {
            return b.value() ? 1 : 0;
        }
        if (v instanceof Value.Text t) {
            return field.categoryIndex(t.value());
        }
        throw new IllegalArgumentException("not a scalar: " + v);
    }

    /** A subset of the integers {@code offset .. offset + size - 1}, as a bit mask. */
    record Discrete(int offset, int size, long mask) implements ValueSet {

        static Discrete of(Field field, Rule.Condition c, boolean negated) {
            int offset = (int) field.min();
            int size = (int) field.max() - offset + 1;
            if (size > 63) {
                throw new IllegalArgumentException(field.name() + " has too many values for a mask: " + size);
            }
            long mask = 0;
            for (int i = 0; i < size; i++) {
                if (admits(field, c, offset + i)) {
                    mask |= 1L << i;
                }
            }
            long full = (1L << size) - 1;
            return new Discrete(offset, size, negated ? ~mask & full : mask);
        }

        private static boolean admits(Field field, Rule.Condition c, double x) {
            Value v = c.value();
            return switch (c.op()) {
                case EQ -> x == code(field, v);
                case NEQ -> x != code(field, v);
                case GT -> x > code(field, v);
                case GTE -> x >= code(field, v);
                case LT -> x < code(field, v);
                case LTE -> x <= code(field, v);
                case BETWEEN -> x >= ((Value.Range) v).lo() && x <= ((Value.Range) v).hi();
                case IN -> ((Value.Items) v).items().stream().anyMatch(item -> code(field, item) == x);
                case TRUTHY -> x != 0;
                case FALSY -> x == 0;
            };
        }

        @Override
        public boolean isEmpty() {
            return mask == 0;
        }

        @Override
        public boolean isFull() {
            return mask == (1L << size) - 1;
        }

        @Override
        public ValueSet intersect(ValueSet other) {
            return new Discrete(offset, size, mask & ((Discrete) other).mask);
        }
    }

    /**
     * Numbers {@code x} with {@code lo <(=) x <(=) hi}, in {@code points} when it is not null, and
     * not in {@code excluded}.
     */
    record Numeric(double lo, boolean loOpen, double hi, boolean hiOpen, double[] points, double[] excluded,
                   double min, double max) implements ValueSet {

        static ValueSet of(Field field, Rule.Condition c, boolean negated) {
            double min = field.min();
            double max = field.max();
            Numeric domain = new Numeric(min, false, max, false, null, new double[0], min, max);
            return domain.intersect(negated ? negatedSet(c, min, max) : set(c, min, max));
        }

        private static Numeric set(Rule.Condition c, double min, double max) {
            double inf = Double.POSITIVE_INFINITY;
            Value v = c.value();
            return switch (c.op()) {
                case EQ -> new Numeric(-inf, false, inf, false, new double[] {num(v)}, new double[0], min, max);
                case NEQ -> new Numeric(-inf, false, inf, false, null, new double[] {num(v)}, min, max);
                case GT -> new Numeric(num(v), true, inf, false, null, new double[0], min, max);
                case GTE -> new Numeric(num(v), false, inf, false, null, new double[0], min, max);
                case LT -> new Numeric(-inf, false, num(v), true, null, new double[0], min, max);
                case LTE -> new Numeric(-inf, false, num(v), false, null, new double[0], min, max);
                case BETWEEN -> new Numeric(((Value.Range) v).lo(), false, ((Value.Range) v).hi(), false,
                        null, new double[0], min, max);
                case IN -> new Numeric(-inf, false, inf, false, nums(v), new double[0], min, max);
                case TRUTHY, FALSY -> throw new IllegalArgumentException(c.op().json() + " on a number");
            };
        }

        private static Numeric negatedSet(Rule.Condition c, double min, double max) {
            double inf = Double.POSITIVE_INFINITY;
            Value v = c.value();
            return switch (c.op()) {
                case EQ -> new Numeric(-inf, false, inf, false, null, new double[] {num(v)}, min, max);
                case NEQ -> new Numeric(-inf, false, inf, false, new double[] {num(v)}, new double[0], min, max);
                case GT -> new Numeric(-inf, false, num(v), false, null, new double[0], min, max);
                case GTE -> new Numeric(-inf, false, num(v), true, null, new double[0], min, max);
                case LT -> new Numeric(num(v), false, inf, false, null, new double[0], min, max);
                case LTE -> new Numeric(num(v), true, inf, false, null, new double[0], min, max);
                case IN -> new Numeric(-inf, false, inf, false, null, nums(v), min, max);
                case BETWEEN -> throw new IllegalArgumentException("the outside of a range is two sets: see ofNegated");
                case TRUTHY, FALSY -> throw new IllegalArgumentException(c.op().json() + " on a number");
            };
        }

        private static double num(Value v) {
            return ((Value.Num) v).value();
        }

        private static double[] nums(Value v) {
            return ((Value.Items) v).items().stream().mapToDouble(i -> ((Value.Num) i).value()).toArray();
        }

        @Override
        public ValueSet intersect(ValueSet o) {
            Numeric other = (Numeric) o;
            double newLo;
            boolean newLoOpen;
            if (lo > other.lo) {
                newLo = lo;
                newLoOpen = loOpen;
            } else if (lo < other.lo) {
                newLo = other.lo;
                newLoOpen = other.loOpen;
            } else {
                newLo = lo;
                newLoOpen = loOpen || other.loOpen;
            }
            double newHi;
            boolean newHiOpen;
            if (hi < other.hi) {
                newHi = hi;
                newHiOpen = hiOpen;
            } else if (hi > other.hi) {
                newHi = other.hi;
                newHiOpen = other.hiOpen;
            } else {
                newHi = hi;
                newHiOpen = hiOpen || other.hiOpen;
            }
            double[] newPoints;
            if (points == null) {
                newPoints = other.points;
            } else if (other.points == null) {
                newPoints = points;
            } else {
                newPoints = Arrays.stream(points).filter(p -> contains(other.points, p)).toArray();
            }
            double[] newExcluded = new double[excluded.length + other.excluded.length];
            System.arraycopy(excluded, 0, newExcluded, 0, excluded.length);
            System.arraycopy(other.excluded, 0, newExcluded, excluded.length, other.excluded.length);
            return new Numeric(newLo, newLoOpen, newHi, newHiOpen, newPoints, newExcluded, min, max);
        }

        private boolean inInterval(double x) {
            boolean aboveLo = loOpen ? x > lo : x >= lo;
            boolean belowHi = hiOpen ? x < hi : x <= hi;
            return aboveLo && belowHi;
        }

        private static boolean contains(double[] values, double x) {
            for (double v : values) {
                if (v == x) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public boolean isEmpty() {
            if (points != null) {
                return Arrays.stream(points).noneMatch(p -> inInterval(p) && !contains(excluded, p));
            }
            if (lo > hi || (lo == hi && (loOpen || hiOpen))) {
                return true;
            }
            return lo == hi && contains(excluded, lo);
        }

        @Override
        public boolean isFull() {
            if (points != null) {
                return min == max && Arrays.stream(points).anyMatch(p -> p == min) && !contains(excluded, min);
            }
            boolean coversMin = lo < min || (lo == min && !loOpen);
            boolean coversMax = hi > max || (hi == max && !hiOpen);
            boolean noHole = Arrays.stream(excluded).noneMatch(x -> x >= min && x <= max);
            return coversMin && coversMax && noHole;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Numeric n && lo == n.lo && loOpen == n.loOpen && hi == n.hi && hiOpen == n.hiOpen
                    && Arrays.equals(points, n.points) && Arrays.equals(excluded, n.excluded);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(new double[] {lo, hi}) * 31 + Arrays.hashCode(points);
        }

        @Override
        public String toString() {
            return (loOpen ? "(" : "[") + lo + ", " + hi + (hiOpen ? ")" : "]")
                    + (points == null ? "" : " in " + Arrays.toString(points))
                    + (excluded.length == 0 ? "" : " except " + Arrays.toString(excluded));
        }
    }
}
