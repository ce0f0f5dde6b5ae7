package io.edgeloop.core.model;

import io.edgeloop.core.snapshot.Fields;

/**
 * State quadrant (MODEL_REFERENCE "State quadrant"):
 * <pre>{@code
 *   HTF >= 0 and LTF >= 0 -> HTF_BULL_LTF_BULL
 *   HTF >= 0 and LTF <  0 -> HTF_BULL_LTF_PULLBACK
 *   HTF <  0 and LTF <  0 -> HTF_BEAR_LTF_BEAR
 *   HTF <  0 and LTF >= 0 -> HTF_BEAR_LTF_PULLBACK
 * }</pre>
 * Ordinals equal the category indices of {@link Fields#STATE}.
 */
public enum StateQuadrant {
    HTF_BULL_LTF_BULL, HTF_BULL_LTF_PULLBACK, HTF_BEAR_LTF_BEAR, HTF_BEAR_LTF_PULLBACK;

    private static final StateQuadrant[] VALUES = values();

    static {
        for (StateQuadrant s : VALUES) {
            if (!Fields.STATES.get(s.ordinal()).equals(s.name())) {
                throw new IllegalStateException("StateQuadrant " + s + " does not match Fields.STATES");
            }
        }
    }

    /** The quadrant of two scores, or null when either is NaN (not warmed up). */
    public static StateQuadrant of(double htf, double ltf) {
        if (Double.isNaN(htf) || Double.isNaN(ltf)) {
            return null;
        }
        if (htf >= 0) {
            return ltf >= 0 ? HTF_BULL_LTF_BULL : HTF_BULL_LTF_PULLBACK;
        }
        return ltf < 0 ? HTF_BEAR_LTF_BEAR : HTF_BEAR_LTF_PULLBACK;
    }

    /** +1 when the HTF side is bull, -1 when bear. */
    public int htfSign() {
        return this == HTF_BULL_LTF_BULL || this == HTF_BULL_LTF_PULLBACK ? 1 : -1;
    }

    /** True when both sides agree (BULL/BULL or BEAR/BEAR). */
    public boolean aligned() {
        return this == HTF_BULL_LTF_BULL || this == HTF_BEAR_LTF_BEAR;
    }

    /** True in a pullback (the LTF side opposes the HTF side). */
    public boolean pullback() {
        return !aligned();
    }

    /** The quadrant of a category index, as stored in a snapshot. */
    public static StateQuadrant ofIndex(int index) {
        return VALUES[index];
    }
}
