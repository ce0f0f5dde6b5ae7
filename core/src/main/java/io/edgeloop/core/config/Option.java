package io.edgeloop.core.config;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;

/**
 * One declared application option: a dotted name ({@code horizon.days}), its type, default and
 * doc. The same option is set by a properties file ({@code horizon.days=5}), an environment
 * variable ({@code APP_HORIZON_DAYS=5}) or a flag ({@code --set horizon.days=5}).
 *
 * @param name         dotted lower-case name
 * @param doc          what it does, shown by {@code --help} and in the README
 * @param defaultValue default as text, parsed like any other source
 * @param parser       text to value; throws {@link IllegalArgumentException} with a reason
 * @param <T>          value type
 */
public record Option<T>(String name, String doc, String defaultValue, Function<String, T> parser) {

    public Option {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(doc, "doc");
        Objects.requireNonNull(parser, "parser");
        if (!name.matches("[a-z][a-z0-9]*(\\.[a-z][a-z0-9]*)*")) {
            throw new IllegalArgumentException("option name must be dotted lower-case words: " + name);
        }
    }

    public static Option<String> string(String name, String defaultValue, String doc) {
        return new Option<>(name, doc, defaultValue, s -> s);
    }

    public static Option<Integer> integer(String name, int defaultValue, String doc) {
        return new Option<>(name, doc, Integer.toString(defaultValue), Option::parseInt);
    }

    public static Option<Double> decimal(String name, double defaultValue, String doc) {
        return new Option<>(name, doc, Double.toString(defaultValue), Option::parseDouble);
    }

    public static Option<Boolean> bool(String name, boolean defaultValue, String doc) {
        return new Option<>(name, doc, Boolean.toString(defaultValue), Option::parseBoolean);
    }

    /** A duration written as ISO-8601 ({@code PT5M}) or a number with a unit: {@code 500ms, 30s, 5m, 2h, 7d}. */
    public static Option<Duration> duration(String name, Duration defaultValue, String doc) {
        return new Option<>(name, doc, defaultValue.toString(), Option::parseDuration);
    }

    /** The environment variable that sets this option: {@code APP_} + upper-case name, dots to underscores. */
    public String envName() {
        return "APP_" + name.replace('.', '_').toUpperCase(java.util.Locale.ROOT);
    }

    private static int parseInt(String s) {
        try {
            return Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not an integer: '" + s + "'", e);
        }
    }

    private static double parseDouble(String s) {
        try {
            double d = Double.parseDouble(s.trim());
            if (!Double.isFinite(d)) {
                throw new IllegalArgumentException("not a finite number: '" + s + "'");
            }
            return d;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a number: '" + s + "'", e);
        }
    }

    private static boolean parseBoolean(String s) {
        return switch (s.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0" -> false;
            default -> throw new IllegalArgumentException("not a boolean (true/false): '" + s + "'");
        };
    }

    static Duration parseDuration(String s) {
        String t = s.trim();
        try {
            if (t.startsWith("P") || t.startsWith("p")) {
                return Duration.parse(t);
            }
            if (t.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
            }
            long n = Long.parseLong(t.substring(0, t.length() - 1));
            return switch (t.charAt(t.length() - 1)) {
                case 's' -> Duration.ofSeconds(n);
                case 'm' -> Duration.ofMinutes(n);
                case 'h' -> Duration.ofHours(n);
                case 'd' -> Duration.ofDays(n);
                default -> throw new IllegalArgumentException("unknown duration unit in '" + s + "'");
            };
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(
                    "not a duration (e.g. PT5M, 500ms, 30s, 5m, 2h, 7d): '" + s + "'", e);
        }
    }
}
