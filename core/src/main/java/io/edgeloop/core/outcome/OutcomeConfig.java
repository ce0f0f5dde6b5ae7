package io.edgeloop.core.outcome;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;

/**
 * Thresholds of outcome judgement. Defaults ({@link #defaults()}) are the original model's
 * (MODEL_REFERENCE, "Predictions and outcomes") plus edgeloop's expiry rule.
 *
 * @param hitThresholdPct   a directional (UP/DOWN) prediction is a hit when its directional
 *                          close-to-close return is >= this, in percent (default 2)
 * @param neutralBandPct    a NEUTRAL prediction is a hit when |return| is strictly below this,
 *                          in percent (default 2: the same 2% that makes a directional hit)
 * @param smallBelowPct     |directional return| below this is {@link Magnitude#SMALL} (default 5)
 * @param mediumBelowPct    |directional return| below this is {@link Magnitude#MEDIUM}, else
 *                          {@link Magnitude#LARGE} (default 15)
 * @param graceTradingDays  how many trading days after the horizon to wait for missing bars
 *                          before expiring (default 5); converted to calendar days by
 *                          {@link TradingDates#calendarDays(int)}
 * @param tradeWindowBefore an unlinked trade counts when it entered no earlier than the
 *                          prediction time minus this (default 1 day)
 * @param tradeWindowAfter  ... and no later than the prediction time plus this (default 2 days)
 * @param exchangeZone      the exchange's time zone, used to find the trading date of a
 *                          prediction (default America/New_York; UTC for crypto)
 */
public record OutcomeConfig(
        double hitThresholdPct,
        double neutralBandPct,
        double smallBelowPct,
        double mediumBelowPct,
        int graceTradingDays,
        Duration tradeWindowBefore,
        Duration tradeWindowAfter,
        ZoneId exchangeZone) {

    public OutcomeConfig {
        requireNonNegative("hitThresholdPct", hitThresholdPct);
        requireNonNegative("neutralBandPct", neutralBandPct);
        requireNonNegative("smallBelowPct", smallBelowPct);
        if (!(mediumBelowPct > smallBelowPct)) {
            throw new IllegalArgumentException("mediumBelowPct (" + mediumBelowPct
                    + ") must be greater than smallBelowPct (" + smallBelowPct + ")");
        }
        if (graceTradingDays < 0) {
            throw new IllegalArgumentException("graceTradingDays must be >= 0, was " + graceTradingDays);
        }
        Objects.requireNonNull(tradeWindowBefore, "tradeWindowBefore");
        Objects.requireNonNull(tradeWindowAfter, "tradeWindowAfter");
        if (tradeWindowBefore.isNegative() || tradeWindowAfter.isNegative()) {
            throw new IllegalArgumentException("trade windows must not be negative");
        }
        Objects.requireNonNull(exchangeZone, "exchangeZone");
    }

    /** Original thresholds: hit >= 2%, neutral band 2%, magnitude 5/15, grace 5 trading days, trades [-1d, +2d], New York. */
    public static OutcomeConfig defaults() {
        return new OutcomeConfig(2.0, 2.0, 5.0, 15.0, 5,
                Duration.ofDays(1), Duration.ofDays(2), ZoneId.of("America/New_York"));
    }

    /** A copy with another hit threshold. */
    public OutcomeConfig withHitThresholdPct(double pct) {
        return new OutcomeConfig(pct, neutralBandPct, smallBelowPct, mediumBelowPct, graceTradingDays,
                tradeWindowBefore, tradeWindowAfter, exchangeZone);
    }

    /** A copy with another grace period. */
    public OutcomeConfig withGraceTradingDays(int days) {
        return new OutcomeConfig(hitThresholdPct, neutralBandPct, smallBelowPct, mediumBelowPct, days,
                tradeWindowBefore, tradeWindowAfter, exchangeZone);
    }

    /** A copy with another exchange time zone. */
    public OutcomeConfig withExchangeZone(ZoneId zone) {
        return new OutcomeConfig(hitThresholdPct, neutralBandPct, smallBelowPct, mediumBelowPct, graceTradingDays,
                tradeWindowBefore, tradeWindowAfter, zone);
    }

    /** The magnitude bucket of a return in percent (by its absolute value). */
    public Magnitude magnitudeOf(double returnPct) {
        double size = Math.abs(returnPct);
        if (size < smallBelowPct) {
            return Magnitude.SMALL;
        }
        return size < mediumBelowPct ? Magnitude.MEDIUM : Magnitude.LARGE;
    }

    private static void requireNonNegative(String name, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be a finite number >= 0, was " + value);
        }
    }
}
