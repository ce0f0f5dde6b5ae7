package io.edgeloop.admin.cli;

import io.edgeloop.admin.view.Rate;

import java.util.Locale;

/** Number formats of the command line tables. */
final class Formats {

    private Formats() {
    }

    /** A rate as {@code 61.5% [55.1-67.5]}, or "-" when there is none. */
    static String rate(Double rate, double lower, double upper) {
        if (rate == null) {
            return "-";
        }
        return String.format(Locale.ROOT, "%.1f%% [%.1f-%.1f]", rate * 100, lower * 100, upper * 100);
    }

    static String rate(Rate rate) {
        return rate(rate.rate(), rate.lower(), rate.upper());
    }

    /** A number with {@code decimals} decimals, or "-" for null. */
    static String number(Double value, int decimals) {
        return value == null ? "-" : String.format(Locale.ROOT, "%." + decimals + "f", value);
    }
}
