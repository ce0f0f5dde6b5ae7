package io.edgeloop.core.rules;

/**
 * A three-valued truth (Kleene's strong logic, as SQL's): a condition on an absent field is
 * {@link #UNKNOWN}; a rule matches only when it is {@link #TRUE}.
 */
public enum Truth {
    TRUE, FALSE, UNKNOWN
}
