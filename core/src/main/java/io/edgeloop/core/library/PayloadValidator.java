package io.edgeloop.core.library;

import java.util.Optional;

/**
 * Checks a pattern value before it enters the library (for pattern rules: unknown field, wrong
 * type, impossible range). Injected into the {@link Keeper}, so the library stays independent
 * of the rule language.
 *
 * @param <P> the pattern value type
 */
@FunctionalInterface
public interface PayloadValidator<P> {

    /** Empty when the value is valid, else a clear reason. */
    Optional<String> problem(P pattern);

    /** A validator that accepts every value. */
    static <P> PayloadValidator<P> acceptAll() {
        return pattern -> Optional.empty();
    }
}
