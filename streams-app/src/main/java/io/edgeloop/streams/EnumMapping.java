package io.edgeloop.streams;

import java.util.List;
import java.util.Locale;

/**
 * Conversions between enums of the same constants (core's and the Avro contract's) and from
 * core's category names, resolved by name once into arrays: the per-candle paths index an array
 * by ordinal or category index instead of {@code valueOf(name())}, which hashes the name on every
 * call.
 */
final class EnumMapping {

    private EnumMapping() {
    }

    /**
     * For each constant of {@code from}, by ordinal, the constant of {@code to} with the same name,
     * or null where {@code to} has none (the Avro {@code SignalLabel} MIXED is a sector's label only).
     */
    static <F extends Enum<F>, T extends Enum<T>> T[] byOrdinal(Class<F> from, Class<T> to) {
        F[] constants = from.getEnumConstants();
        @SuppressWarnings("unchecked")
        T[] out = (T[]) java.lang.reflect.Array.newInstance(to, constants.length);
        for (T t : to.getEnumConstants()) {
            for (F f : constants) {
                if (f.name().equals(t.name())) {
                    out[f.ordinal()] = t;
                }
            }
        }
        return out;
    }

    /**
     * For each category name, by index, the constant of {@code to} named as it is in upper case
     * (core's {@code Fields.STAGES} are lower case, the Avro symbols upper case).
     *
     * @throws IllegalArgumentException when {@code to} lacks one of the names
     */
    static <T extends Enum<T>> T[] byCategory(List<String> categories, Class<T> to) {
        @SuppressWarnings("unchecked")
        T[] out = (T[]) java.lang.reflect.Array.newInstance(to, categories.size());
        for (int i = 0; i < out.length; i++) {
            out[i] = Enum.valueOf(to, categories.get(i).toUpperCase(Locale.ROOT));
        }
        return out;
    }

    /** For each constant, by ordinal, its name in lower case. */
    static String[] lowerCaseNames(Class<? extends Enum<?>> type) {
        Enum<?>[] constants = type.getEnumConstants();
        String[] out = new String[constants.length];
        for (Enum<?> c : constants) {
            out[c.ordinal()] = c.name().toLowerCase(Locale.ROOT);
        }
        return out;
    }
}
