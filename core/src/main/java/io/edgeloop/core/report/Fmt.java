package io.edgeloop.core.report;

import java.util.Locale;

/**
 * Number formatting of the reports: fixed decimals, a dash for undefined values, in the US locale
 * (the same digits and separators as the root locale, and the only one for which the JDK's
 * Formatter does not build its locale's number symbols on every call).
 */
final class Fmt {

    static final String NONE = "\u2013";

    private Fmt() {
    }

    /** {@code 53969 -> 53,969}. */
    static String count(long n) {
        return String.format(Locale.US, "%,d", n);
    }

    /** One decimal with a percent sign: {@code 60.0%}; a dash for NaN. */
    static String pct(double v) {
        return Double.isNaN(v) ? NONE : String.format(Locale.US, "%.1f%%", v);
    }

    /** Signed, one decimal, percent: {@code +12.3%}. */
    static String signedPct(double v) {
        return Double.isNaN(v) ? NONE : String.format(Locale.US, "%+.1f%%", v);
    }

    /** Signed, one decimal, no unit: {@code +4.2}. */
    static String signed(double v) {
        return Double.isNaN(v) ? NONE : String.format(Locale.US, "%+.1f", v);
    }

    /** Fixed decimals: {@code num(1.23456, 2) -> 1.23}. */
    static String num(double v, int decimals) {
        return Double.isNaN(v) ? NONE : String.format(Locale.US, "%." + decimals + "f", v);
    }

    /** A Wilson interval in percent: {@code 35.9-91.8%}. */
    static String interval(double lowPct, double highPct) {
        return Double.isNaN(lowPct) ? NONE
                : String.format(Locale.US, "%.1f\u2013%.1f%%", lowPct, highPct);
    }
}
