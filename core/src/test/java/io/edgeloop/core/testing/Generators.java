package io.edgeloop.core.testing;

import org.junit.jupiter.api.function.Executable;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Minimal property-testing support for plain JUnit 5: seeded generators and deterministic case
 * seeds. A property is a {@code @ParameterizedTest} whose {@code @MethodSource} returns
 * {@link #seeds(long, int)}; each case builds its input from {@code new SplittableRandom(seed)}
 * and runs its assertions inside {@link #check(long, Object, Executable)}, so a failure names
 * the seed and prints the generated case. There is no shrinking.
 *
 * <p>Integer ranges and list sizes mix in their bounds more often than uniform sampling would
 * (each bound with probability 1/{@value #EDGE_ONE_IN}), much as jqwik's default
 * edge-case mixin does, so empty and maximal inputs are reliably covered.
 */
public final class Generators {

    /** One in this many draws of {@link #between(int, int)} returns the lower bound, as many the upper. */
    public static final int EDGE_ONE_IN = 32;

    private Generators() {
    }

    /** A generator of values drawn from a seeded random source; equal seeds give equal values. */
    @FunctionalInterface
    public interface Gen<T> {

        T next(SplittableRandom random);

        default <R> Gen<R> map(Function<? super T, ? extends R> mapper) {
            Objects.requireNonNull(mapper, "mapper");
            return random -> mapper.apply(next(random));
        }
    }

    /** A generator with its relative weight, for {@link #frequencyOf(Weighted[])}. */
    public record Weighted<T>(int weight, Gen<? extends T> gen) {

        public Weighted {
            if (weight <= 0) {
                throw new IllegalArgumentException("weight must be positive, was " + weight);
            }
            Objects.requireNonNull(gen, "gen");
        }
    }

    /**
     * The seeds of {@code tries} cases, drawn in order from {@code new SplittableRandom(baseSeed)},
     * so the same base seed always yields the same cases.
     */
    public static Stream<Long> seeds(long baseSeed, int tries) {
        if (tries < 1) {
            throw new IllegalArgumentException("tries must be at least 1, was " + tries);
        }
        SplittableRandom base = new SplittableRandom(baseSeed);
        long[] seeds = new long[tries];
        for (int i = 0; i < tries; i++) {
            seeds[i] = base.nextLong();
        }
        return Arrays.stream(seeds).boxed();
    }

    /**
     * Runs one case's assertions; any failure is rethrown as an {@link AssertionError} that
     * names the case seed and shows the generated case, with the original failure as cause.
     */
    public static void check(long seed, Object generatedCase, Executable assertions) {
        try {
            assertions.execute();
        } catch (Throwable failure) {
            String why = failure.getMessage() == null ? failure.toString() : failure.getMessage();
            throw new AssertionError("property falsified by case seed " + seed + ": " + why
                    + "\ngenerated case: " + generatedCase, failure);
        }
    }

    /** The elements one per line, prefixed by their index: readable failure output for long cases. */
    public static String numbered(List<?> elements) {
        StringBuilder text = new StringBuilder("[").append(elements.size()).append(" elements]");
        for (int i = 0; i < elements.size(); i++) {
            text.append("\n  ").append(i).append(": ").append(elements.get(i));
        }
        return text.toString();
    }

    /** Always {@code value}. */
    public static <T> Gen<T> constant(T value) {
        return random -> value;
    }

    /** An int in {@code [lo, hi]}: a bound with probability 1/{@value #EDGE_ONE_IN} each, else uniform. */
    public static Gen<Integer> between(int lo, int hi) {
        if (lo > hi) {
            throw new IllegalArgumentException("empty range [" + lo + ", " + hi + "]");
        }
        long span = (long) hi - lo + 1;
        return random -> {
            int roll = random.nextInt(EDGE_ONE_IN);
            if (roll == 0) {
                return lo;
            }
            if (roll == 1) {
                return hi;
            }
            return (int) (lo + random.nextLong(span));
        };
    }

    /**
     * A double in {@code [min, max]} with at most {@code scale} decimal places, like jqwik's
     * {@code doubles().between(min, max).ofScale(scale)}: the grid of multiples of
     * 10<sup>-scale</sup> inside the range is sampled by {@link #between(int, int)}, so each end
     * of the grid comes with probability 1/{@value #EDGE_ONE_IN}, else every grid point equally.
     * A value is the double nearest to its decimal (e.g. {@code 0.37}, not 37 * 0.01).
     */
    public static Gen<Double> decimals(double min, double max, int scale) {
        if (!Double.isFinite(min) || !Double.isFinite(max)) {
            throw new IllegalArgumentException("decimal range must be finite, was [" + min + ", " + max + "]");
        }
        if (scale < 0) {
            throw new IllegalArgumentException("scale must not be negative, was " + scale);
        }
        BigDecimal lo = BigDecimal.valueOf(min).setScale(scale, RoundingMode.CEILING);
        BigDecimal hi = BigDecimal.valueOf(max).setScale(scale, RoundingMode.FLOOR);
        if (lo.compareTo(hi) > 0) {
            throw new IllegalArgumentException("no value with scale " + scale + " in [" + min + ", " + max + "]");
        }
        int loUnits;
        int hiUnits;
        try {
            loUnits = lo.unscaledValue().intValueExact();
            hiUnits = hi.unscaledValue().intValueExact();
        } catch (ArithmeticException tooFine) {
            throw new IllegalArgumentException("[" + min + ", " + max + "] at scale " + scale
                    + " needs grid units beyond the int range", tooFine);
        }
        return between(loUnits, hiUnits).map(units -> BigDecimal.valueOf(units, scale).doubleValue());
    }

    /** One of {@code values}, uniformly; repeat a value to weight it. */
    @SafeVarargs
    public static <T> Gen<T> oneOf(T... values) {
        return oneOf(List.of(values));
    }

    /** One of {@code values}, uniformly. */
    public static <T> Gen<T> oneOf(List<T> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("oneOf needs at least one value");
        }
        List<T> copy = List.copyOf(values);
        return random -> copy.get(random.nextInt(copy.size()));
    }

    /** One constant of {@code type}, uniformly. */
    public static <E extends Enum<E>> Gen<E> enumOf(Class<E> type) {
        return oneOf(type.getEnumConstants());
    }

    /** {@code gen} with relative weight {@code weight}. */
    public static <T> Weighted<T> weighted(int weight, Gen<? extends T> gen) {
        return new Weighted<>(weight, gen);
    }

    /** Draws from one of the generators, each chosen with probability weight / total weight. */
    @SafeVarargs
    public static <T> Gen<T> frequencyOf(Weighted<? extends T>... choices) {
        if (choices.length == 0) {
            throw new IllegalArgumentException("frequencyOf needs at least one choice");
        }
        List<Weighted<? extends T>> copy = List.of(choices);
        int total = copy.stream().mapToInt(Weighted::weight).sum();
        return random -> {
            int roll = random.nextInt(total);
            for (Weighted<? extends T> choice : copy) {
                roll -= choice.weight();
                if (roll < 0) {
                    return choice.gen().next(random);
                }
            }
            throw new IllegalStateException("weights changed during draw");
        };
    }

    /** An unmodifiable list of {@code min..max} elements; its size is drawn by {@link #between(int, int)}. */
    public static <T> Gen<List<T>> listOf(Gen<? extends T> element, int min, int max) {
        if (min < 0) {
            throw new IllegalArgumentException("min size must not be negative, was " + min);
        }
        Gen<Integer> size = between(min, max);
        return random -> {
            int n = size.next(random);
            List<T> list = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                list.add(element.next(random));
            }
            return List.copyOf(list);
        };
    }
}
