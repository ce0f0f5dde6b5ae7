package io.edgeloop.admin.view;

import java.util.Locale;

/**
 * Which predictions to list; null fields do not filter.
 *
 * @param ticker   exact ticker (case-insensitive)
 * @param trigger  trigger name (STAGE_ENTER, ...)
 * @param resolved true: only those with an outcome; false: only those still open
 * @param hit      true: only hits; false: only resolved misses
 * @param action   outcome action (TRADED, SKIPPED, MISSED_OPPORTUNITY)
 * @param limit    most rows returned, newest first (1..5000)
 */
public record PredictionFilter(String ticker, String trigger, Boolean resolved, Boolean hit, String action, int limit) {

    /** Most rows one answer may hold. */
    public static final int MAX_LIMIT = 5000;

    public PredictionFilter {
        ticker = blankToNull(ticker);
        trigger = upper(trigger);
        action = upper(action);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT + ", got " + limit);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String upper(String s) {
        String t = blankToNull(s);
        return t == null ? null : t.toUpperCase(Locale.ROOT);
    }
}
