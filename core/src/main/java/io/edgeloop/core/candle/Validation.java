package io.edgeloop.core.candle;

/**
 * Outcome of {@link CandleValidator}: {@link #VALID} or a {@link Rejection} that says why.
 */
public sealed interface Validation permits Validation.Valid, Validation.Rejection {

    /** The single accepted outcome. */
    Valid VALID = new Valid();

    /** True when the candle may be used. */
    boolean isValid();

    /** The candle meets every rule. */
    record Valid() implements Validation {
        @Override
        public boolean isValid() {
            return true;
        }
    }

    /**
     * The candle breaks at least one rule.
     *
     * @param reason every broken rule with the offending values, separated by {@code "; "}
     */
    record Rejection(String reason) implements Validation {
        @Override
        public boolean isValid() {
            return false;
        }
    }
}
