package io.edgeloop.core.model;

import io.edgeloop.core.snapshot.Fields;

/**
 * Zone of the phase oscillator (MODEL_REFERENCE "Phase, completion, rank"), on |phase| so that
 * a stretched down move is as extreme as a stretched up move:
 * <pre>{@code
 *   |phase| > 100  EXTREME;  > 61.8  HIGH;  > 38.2  MEDIUM;  else LOW
 *   phase_pct = clamp(|phase| / 100, 0, 1)
 * }</pre>
 * The bounds are Fibonacci ratios x 100, as in the original. Ordinals equal the category
 * indices of {@link Fields#PHASE_ZONE}.
 */
public enum PhaseZone {
    LOW, MEDIUM, HIGH, EXTREME;

    static {
        for (PhaseZone z : values()) {
            if (!Fields.PHASE_ZONES.get(z.ordinal()).equals(z.name())) {
                throw new IllegalStateException("PhaseZone " + z + " does not match Fields.PHASE_ZONES");
            }
        }
    }

    /** The zone of a phase value, or null for NaN. */
    public static PhaseZone of(double phase) {
        if (Double.isNaN(phase)) {
            return null;
        }
        double a = Math.abs(phase);
        if (a > 100) {
            return EXTREME;
        }
        if (a > 61.8) {
            return HIGH;
        }
        return a > 38.2 ? MEDIUM : LOW;
    }

    /** {@code clamp(|phase| / 100, 0, 1)}; NaN for NaN. */
    public static double pct(double phase) {
        return Math.min(1, Math.abs(phase) / 100);
    }
}
