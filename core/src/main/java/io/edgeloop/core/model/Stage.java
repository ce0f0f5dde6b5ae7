package io.edgeloop.core.model;

import io.edgeloop.core.snapshot.Fields;

import java.util.Locale;

/**
 * Kanban stages (MODEL_REFERENCE "Kanban"), in lane order. Without a position a ticker is in
 * {@link #WATCH}, {@link #SETUP} or {@link #ENTER}; with a paper position its stage only moves
 * forward through {@link #HOLD}, {@link #DEFEND}, {@link #TRIM} to {@link #EXIT}, which closes
 * the position. Ordinals equal the category indices of {@link Fields#STAGE}.
 */
public enum Stage {
    WATCH, SETUP, ENTER, HOLD, DEFEND, TRIM, EXIT;

    private static final Stage[] VALUES = values();

    static {
        for (Stage s : VALUES) {
            if (!Fields.STAGES.get(s.ordinal()).equals(s.code())) {
                throw new IllegalStateException("Stage " + s + " does not match Fields.STAGES");
            }
        }
    }

    /** Lower-case name as used in snapshot fields and rules. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True for the stages that hold an open position after the bar (enter .. trim). */
    public boolean holdsPosition() {
        return this == ENTER || this == HOLD || this == DEFEND || this == TRIM;
    }

    /** The stage of a category index, as stored in a snapshot. */
    public static Stage ofIndex(int index) {
        return VALUES[index];
    }
}
