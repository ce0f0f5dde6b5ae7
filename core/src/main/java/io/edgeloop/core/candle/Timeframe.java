package io.edgeloop.core.candle;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * A bar period the model knows. Intraday frames have a fixed length; {@link #D1} is one session
 * (an exchange date for equities, a UTC day for crypto), {@link #W1} a calendar week of sessions
 * (Monday start) and {@link #MN1} a calendar month.
 *
 * <p>The {@link #code()} is the public spelling used in topics, snapshot field names and files.
 */
public enum Timeframe {
    M5("5m", Duration.ofMinutes(5)),
    M10("10m", Duration.ofMinutes(10)),
    M15("15m", Duration.ofMinutes(15)),
    M30("30m", Duration.ofMinutes(30)),
    H1("1h", Duration.ofHours(1)),
    H4("4h", Duration.ofHours(4)),
    D1("D", Duration.ofDays(1)),
    W1("W", Duration.ofDays(7)),
    MN1("M", Duration.ofDays(30));

    private final String code;
    private final Duration nominal;

    Timeframe(String code, Duration nominal) {
        this.code = code;
        this.nominal = nominal;
    }

    /** Public spelling: {@code 5m, 10m, 15m, 30m, 1h, 4h, D, W, M}. */
    public String code() {
        return code;
    }

    /** Nominal length; exact for intraday frames, approximate for W and M (calendar based). */
    public Duration nominal() {
        return nominal;
    }

    /**
     * Length in milliseconds of an intraday frame's bar.
     *
     * @throws IllegalStateException for D, W and M, whose bars are calendar periods
     */
    public long lengthMillis() {
        if (!intraday()) {
            throw new IllegalStateException(code + " bars are calendar periods, not a fixed length");
        }
        return nominal.toMillis();
    }

    /** True for frames shorter than a day, whose bars have a fixed length. */
    public boolean intraday() {
        return compareTo(D1) < 0;
    }

    /**
     * Parses a code as written by vendors and users: {@code 1h}, {@code 60}, {@code 1D},
     * {@code D}, {@code PT1H}, {@code PT4H}, {@code P1D}, {@code W}, {@code 1W} ...
     */
    public static Optional<Timeframe> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.trim();
        for (Timeframe tf : values()) {
            if (tf.code.equals(t)) {
                return Optional.of(tf);
            }
        }
        switch (t.toUpperCase(Locale.ROOT)) {
            case "5", "5M", "PT5M": return Optional.of(M5);
            case "10", "10M", "PT10M": return Optional.of(M10);
            case "15", "15M", "PT15M": return Optional.of(M15);
            case "30", "30M", "PT30M": return Optional.of(M30);
            case "60", "1H", "H", "PT1H", "PT60M": return Optional.of(H1);
            case "240", "4H", "PT4H": return Optional.of(H4);
            case "D", "1D", "P1D", "PT1D", "PT24H", "DAY", "DAILY": return Optional.of(D1);
            case "W", "1W", "P1W", "P7D", "PT1W", "WEEK", "WEEKLY": return Optional.of(W1);
            case "MN", "1MN", "P1M", "PT1MO", "MONTH", "MONTHLY": return Optional.of(MN1);
            default: return Optional.empty();
        }
    }
}
