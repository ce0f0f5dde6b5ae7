package io.edgeloop.core.candle;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/**
 * The value rules a candle must meet before the model uses it. A rejection names every broken
 * rule with the offending values:
 * <ul>
 *   <li>open, high, low, close and volume are finite numbers (not NaN, not infinite);</li>
 *   <li>prices are positive;</li>
 *   <li>{@code low <= min(open, close)}, {@code high >= max(open, close)}, {@code high >= low};</li>
 *   <li>volume is not negative (zero is allowed: indices and some vendors report none);</li>
 *   <li>the open time lies in [1970-01-02T00:00Z, now + 2 days], "now" read from the injected
 *       {@link Clock} (a replay injects a fixed clock, so validation stays deterministic).</li>
 * </ul>
 * Extreme but consistent moves (BMNR 4.27 to 161 in five sessions) are data, not errors.
 */
public final class CandleValidator {

    /** Earliest accepted open time: 1970-01-02T00:00Z, so an epoch-0 placeholder is rejected. */
    public static final long MIN_OPEN_TIME = EpochDays.DAY_MS;
    /** How far past the clock an open time may lie (vendors stamp a day's bar ahead of UTC). */
    public static final long MAX_FUTURE_MS = 2 * EpochDays.DAY_MS;

    private final Clock clock;

    public CandleValidator(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A validator whose "now" is the system UTC clock; for tools, not for replays. */
    public static CandleValidator systemClock() {
        return new CandleValidator(Clock.systemUTC());
    }

    public Validation validate(BarView bar) {
        return validate(bar.openTime(), bar.open(), bar.high(), bar.low(), bar.close(), bar.volume());
    }

    /** Checks raw values; allocates only when it rejects. */
    public Validation validate(long openTime, double open, double high, double low, double close, double volume) {
        long now = clock.millis();
        boolean finite = Double.isFinite(open) && Double.isFinite(high) && Double.isFinite(low)
                && Double.isFinite(close) && Double.isFinite(volume);
        boolean ok = finite
                && open > 0 && high > 0 && low > 0 && close > 0
                && low <= Math.min(open, close) && high >= Math.max(open, close) && high >= low
                && volume >= 0
                && openTime >= MIN_OPEN_TIME && openTime <= now + MAX_FUTURE_MS;
        if (ok) {
            return Validation.VALID;
        }
        return new Validation.Rejection(reasons(openTime, open, high, low, close, volume, now));
    }

    private static String reasons(long openTime, double open, double high, double low, double close,
                                  double volume, long now) {
        StringBuilder b = new StringBuilder();
        check(b, Double.isFinite(open), "open is not a finite number (" + open + ")");
        check(b, Double.isFinite(high), "high is not a finite number (" + high + ")");
        check(b, Double.isFinite(low), "low is not a finite number (" + low + ")");
        check(b, Double.isFinite(close), "close is not a finite number (" + close + ")");
        check(b, Double.isFinite(volume), "volume is not a finite number (" + volume + ")");
        check(b, !(open <= 0), "open is not positive (" + open + ")");
        check(b, !(high <= 0), "high is not positive (" + high + ")");
        check(b, !(low <= 0), "low is not positive (" + low + ")");
        check(b, !(close <= 0), "close is not positive (" + close + ")");
        check(b, !(high < low), "high " + high + " is below low " + low);
        check(b, !(low > Math.min(open, close)), "low " + low + " is above min(open, close) " + Math.min(open, close));
        check(b, !(high < Math.max(open, close)), "high " + high + " is below max(open, close) " + Math.max(open, close));
        check(b, !(volume < 0), "volume is negative (" + volume + ")");
        check(b, openTime >= MIN_OPEN_TIME, "open time " + openTime + " is before 1970-01-02T00:00:00Z");
        check(b, openTime <= now + MAX_FUTURE_MS, "open time " + Instant.ofEpochMilli(openTime)
                + " is more than 2 days after now (" + Instant.ofEpochMilli(now) + ")");
        return b.toString();
    }

    private static void check(StringBuilder b, boolean holds, String reason) {
        if (!holds) {
            if (b.length() > 0) {
                b.append("; ");
            }
            b.append(reason);
        }
    }
}
