package io.edgeloop.schemas.topics;

import java.util.List;
import java.util.Map;

/**
 * TEMP stub of the topic catalog with the topic names and cleanup policies of DESIGN.md. The
 * schemas module's real catalog (with serdes and retention) replaces this file.
 */
public final class Topics {

    private static final Map<String, String> DELETE = Map.of("cleanup.policy", "delete");
    private static final Map<String, String> COMPACT = Map.of("cleanup.policy", "compact");

    public static final Topic<String, byte[]> CANDLES = new Topic<>("candles", 6, DELETE);
    public static final Topic<String, byte[]> CANDLES_DLQ = new Topic<>("candles.dlq", 1, DELETE);
    public static final Topic<String, byte[]> REFERENCE_TICKERS = new Topic<>("reference.tickers", 1, COMPACT);
    public static final Topic<String, byte[]> SCORES = new Topic<>("scores", 6, DELETE);
    public static final Topic<String, byte[]> PREDICTIONS = new Topic<>("predictions", 6, DELETE);
    public static final Topic<String, byte[]> TRADES = new Topic<>("trades", 6, DELETE);
    public static final Topic<String, byte[]> OUTCOMES = new Topic<>("outcomes", 6, DELETE);
    public static final Topic<String, byte[]> SIGNALS = new Topic<>("signals", 6, COMPACT);
    public static final Topic<String, byte[]> PATTERN_LIBRARY = new Topic<>("pattern-library", 1, COMPACT);
    public static final Topic<String, byte[]> MODEL_CHANGELOG = new Topic<>("model-changelog", 1, COMPACT);
    public static final Topic<String, byte[]> APPROVALS = new Topic<>("approvals", 1, DELETE);

    private static final List<Topic<?, ?>> ALL = List.of(CANDLES, CANDLES_DLQ, REFERENCE_TICKERS, SCORES,
            PREDICTIONS, TRADES, OUTCOMES, SIGNALS, PATTERN_LIBRARY, MODEL_CHANGELOG, APPROVALS);

    private Topics() {
    }

    /** Every topic of the system, in catalog order. */
    public static List<Topic<?, ?>> all() {
        return ALL;
    }
}
