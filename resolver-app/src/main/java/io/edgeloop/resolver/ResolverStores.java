package io.edgeloop.resolver;

import io.edgeloop.schemas.avro.ModelChange;
import io.edgeloop.schemas.avro.Outcome;
import io.edgeloop.schemas.avro.PatternDefinition;
import io.edgeloop.schemas.avro.Prediction;
import io.edgeloop.schemas.serde.EdgeloopSerdes;
import org.apache.kafka.common.serialization.Serdes;

import java.util.List;

/**
 * Every state store of the resolver. The outcome stores live in the ticker-partitioned outcome
 * tasks; the keeper stores in the single governance task.
 */
final class ResolverStores {

    /** Prediction id -> the prediction as first received (duplicates are dropped). */
    static final StoreSpec<String, Prediction> PREDICTIONS = new StoreSpec<>("resolver-predictions",
            EdgeloopSerdes.string(), EdgeloopSerdes.of(Prediction.class),
            "every prediction seen, by id; the first of duplicates wins");

    /** {@code ticker|predictionId} -> core PendingOutcome bytes, while the outcome is open. */
    static final StoreSpec<String, byte[]> PENDING = new StoreSpec<>("resolver-pending",
            EdgeloopSerdes.string(), Serdes.ByteArray(),
            "open outcomes by ticker|prediction id, as core PendingOutcome bytes").deferredWrites();

    /** Prediction id -> its one outcome; a prediction with an entry here is never resolved again. */
    static final StoreSpec<String, Outcome> OUTCOMES = new StoreSpec<>("resolver-outcomes",
            EdgeloopSerdes.string(), EdgeloopSerdes.of(Outcome.class),
            "the one outcome of each resolved prediction, by prediction id (the exactly-once guard)");

    /** Ticker -> recent closed daily bars ({@link TickerDays}); written at the commit after a daily bar is added. */
    static final StoreSpec<String, byte[]> TICKER_DAYS = new StoreSpec<>("resolver-ticker-days",
            EdgeloopSerdes.string(), Serdes.ByteArray(),
            "recent closed daily bars per ticker").deferredWrites();

    /** Ticker -> the daily bar forming from its intraday bars ({@link FormingDay}), written at the commit after an intraday bar. */
    static final StoreSpec<String, byte[]> FORMING_DAYS = new StoreSpec<>("resolver-forming-days",
            EdgeloopSerdes.string(), Serdes.ByteArray(),
            "the daily bar forming from each ticker's intraday bars").deferredWrites();

    /** Prediction id -> id of the first trade linked to it. */
    static final StoreSpec<String, String> TRADE_LINKS = new StoreSpec<>("resolver-trade-links",
            EdgeloopSerdes.string(), EdgeloopSerdes.string(),
            "first trade that acted on each prediction, by prediction id");

    /**
     * Ticker -> its recent unlinked OPEN trades ({@link RecentTrades}), so a prediction that
     * arrives after such a trade in its window counts it; purged by stream time.
     */
    static final StoreSpec<String, byte[]> RECENT_TRADES = new StoreSpec<>("resolver-recent-trades",
            EdgeloopSerdes.string(), Serdes.ByteArray(),
            "recent unlinked OPEN trades per ticker, offered to predictions that arrive after them");

    /**
     * {@value #CLOCK_KEY} -> the task's stream time, for the operator's resolve-due request;
     * {@value #REQUEST_KEY} -> the latest resolve-due time the task has handled;
     * {@value #MARK_KEY} -> the task's last progress mark.
     */
    static final StoreSpec<String, Long> CLOCK = new StoreSpec<>("resolver-clock",
            EdgeloopSerdes.string(), Serdes.Long(),
            "stream time of each outcome task and the latest resolve-due request it handled").deferredWrites();

    /** All-time counts of predictions and outcomes ({@link OutcomeTotals}); not purged by the retention. */
    static final StoreSpec<String, Long> TOTALS = new StoreSpec<>("resolver-totals",
            EdgeloopSerdes.string(), Serdes.Long(),
            "all-time counts of each outcome task: predictions, outcomes, hits by trigger and action");

    /** The key of {@link #CLOCK} that holds the task's stream time. */
    static final String CLOCK_KEY = "stream-time";

    /** The key of {@link #CLOCK} that holds the {@code asOf} of the latest resolve-due request the task handled. */
    static final String REQUEST_KEY = "resolve-due";

    /** The key of {@link #CLOCK} that holds the task's last progress mark sent to the keeper ({@link LearningRecord}). */
    static final String MARK_KEY = "learning-mark";

    /** The keeper's state: {@code v/<version>} library versions, {@code c/<change id>} change records, {@code meta}. */
    static final StoreSpec<String, byte[]> KEEPER_STATE = new StoreSpec<>("keeper-state",
            EdgeloopSerdes.string(), Serdes.ByteArray(),
            "the keeper's library versions and change records, one store record each, its meta record, and the"
                    + " decisions that came before their proposals");

    /** Change id -> the change as the keeper last saw or wrote it. */
    static final StoreSpec<String, ModelChange> KEEPER_CHANGELOG = new StoreSpec<>("keeper-changelog",
            EdgeloopSerdes.string(), EdgeloopSerdes.of(ModelChange.class),
            "every change by id, as last proposed or answered");

    /** Pattern id -> the pattern as last published on pattern-library. */
    static final StoreSpec<String, PatternDefinition> KEEPER_LIBRARY = new StoreSpec<>("keeper-library",
            EdgeloopSerdes.string(), EdgeloopSerdes.of(PatternDefinition.class),
            "every pattern by id, as last published (the current library)");

    /** Pattern id -> running statistics of its current rule (core PatternStats sums). */
    static final StoreSpec<String, byte[]> PATTERN_STATS = new StoreSpec<>("keeper-pattern-stats",
            EdgeloopSerdes.string(), Serdes.ByteArray(),
            "running outcome statistics of each pattern's current rule");

    /**
     * The keeper's learning buffer: {@code o/<order time>/<prediction id>} -> a RESOLVED outcome not
     * yet learnt ({@link LearningRecord} bytes), {@code m/<partition>} -> each outcome task's last
     * progress mark, {@value #LEARNT_BELOW_KEY} -> the order time below which every outcome was
     * learnt (an older keeper's {@value #APPLIED_KEY}, the order time learnt up to inclusive, is
     * moved there at its first read).
     */
    static final StoreSpec<String, byte[]> KEEPER_LEARNING = new StoreSpec<>("keeper-learning",
            EdgeloopSerdes.string(), Serdes.ByteArray(),
            "resolved outcomes waiting to be learnt in order, and each outcome task's progress mark");

    /** The key of {@link #KEEPER_LEARNING} that holds the order time below which the keeper has learnt every outcome. */
    static final String LEARNT_BELOW_KEY = "learnt-below";

    /**
     * The key of {@link #KEEPER_LEARNING} under which a keeper before {@link #LEARNT_BELOW_KEY}
     * kept the order time it had learnt up to, inclusive; read once and moved to the new key.
     */
    static final String APPLIED_KEY = "applied";

    /** Stores of the keeper task. */
    static final List<StoreSpec<?, ?>> KEEPER_STORES = List.of(KEEPER_STATE, KEEPER_CHANGELOG, KEEPER_LIBRARY,
            PATTERN_STATS, KEEPER_LEARNING);

    /** Stores of the outcome tasks. */
    static final List<StoreSpec<?, ?>> OUTCOME_STORES = List.of(PREDICTIONS, PENDING, OUTCOMES, TICKER_DAYS,
            FORMING_DAYS, TRADE_LINKS, RECENT_TRADES, CLOCK, TOTALS);

    /** Every store. */
    static final List<StoreSpec<?, ?>> ALL = java.util.stream.Stream.concat(OUTCOME_STORES.stream(),
            KEEPER_STORES.stream()).toList();

    private ResolverStores() {
    }

    static String pendingKey(String ticker, String predictionId) {
        return ticker + "|" + predictionId;
    }

    /** The key prefix of a ticker's open outcomes. */
    static String pendingPrefix(String ticker) {
        return ticker + "|";
    }
}
