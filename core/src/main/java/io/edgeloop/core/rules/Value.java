package io.edgeloop.core.rules;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The operand of a {@link Rule.Condition}: nothing (truthy, falsy), a scalar (number, boolean,
 * category name), a closed range {@code [lo, hi]} (between) or a list of scalars (in). Whether a
 * value fits its field and op is checked by {@link RuleValidator}, not here.
 */
public sealed interface Value permits Value.None, Value.Num, Value.Bool, Value.Text, Value.Range, Value.Items {

    /** The absent operand of truthy and falsy. */
    record None() implements Value {
        @Override
        public String describe() {
            return "";
        }
    }

    /** A number (also a direction -1, 0, +1). */
    record Num(double value) implements Value {
        @Override
        public String describe() {
            return formatNumber(value);
        }
    }

    /** A boolean, for boolean fields. */
    record Bool(boolean value) implements Value {
        @Override
        public String describe() {
            return Boolean.toString(value);
        }
    }

    /** A category name, for category fields. */
    record Text(String value) implements Value {
        public Text {
            Objects.requireNonNull(value, "text value");
        }

        @Override
        public String describe() {
            return value;
        }
    }

    /** The closed range of {@link Op#BETWEEN}. */
    record Range(double lo, double hi) implements Value {
        @Override
        public String describe() {
            return "[" + formatNumber(lo) + ", " + formatNumber(hi) + "]";
        }
    }

    /** The list of {@link Op#IN}: scalars only ({@link Num}, {@link Bool}, {@link Text}). */
    record Items(List<Value> items) implements Value {
        public Items {
            items = List.copyOf(items);
            for (Value item : items) {
                if (!(item instanceof Num || item instanceof Bool || item instanceof Text)) {
                    throw new IllegalArgumentException("an 'in' list holds scalars only, not " + item);
                }
            }
        }

        @Override
        public String describe() {
            return items.stream().map(Value::describe).collect(Collectors.joining(", ", "[", "]"));
        }
    }

    /** Human spelling of the value, as in error messages. */
    String describe();

    static Value none() {
        return new None();
    }

    static Value of(double value) {
        return new Num(value);
    }

    static Value of(boolean value) {
        return new Bool(value);
    }

    static Value of(String category) {
        return new Text(category);
    }

    static Value range(double lo, double hi) {
        return new Range(lo, hi);
    }

    static Value numbers(double... values) {
        return new Items(Arrays.stream(values).mapToObj(Num::new).map(Value.class::cast).toList());
    }

    static Value names(String... categories) {
        return new Items(Arrays.stream(categories).map(Text::new).map(Value.class::cast).toList());
    }

    /** Integral numbers without a decimal point (25, not 25.0); others as Java prints them. */
    static String formatNumber(double v) {
        if (v == Math.rint(v) && !Double.isInfinite(v) && Math.abs(v) < 1e15
                && !(v == 0 && 1 / v < 0)) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }
}
