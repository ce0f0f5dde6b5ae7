package io.edgeloop.connectors;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How fast the candle source replays bars: see {@link Pacer} for the schedule of each mode. */
public enum PacingMode {
    /** As fast as the worker can produce. */
    NONE("none"),
    /** A fixed rate of N bars per second per task ({@code pacing.bars.per.second}). */
    BARS_PER_SECOND("bars-per-second"),
    /** Event time runs F times faster than the wall clock ({@code pacing.realtime.factor}). */
    REALTIME_FACTOR("realtime-factor");

    private final String code;

    PacingMode(String code) {
        this.code = code;
    }

    /** The spelling used in the connector configuration. */
    public String code() {
        return code;
    }

    /** The mode with this spelling, ignoring case and surrounding blanks. */
    public static Optional<PacingMode> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(m -> m.code.equals(t)).findFirst();
    }

    /** Every spelling, for docs and error messages. */
    static String[] codes() {
        return Arrays.stream(values()).map(PacingMode::code).toArray(String[]::new);
    }
}
