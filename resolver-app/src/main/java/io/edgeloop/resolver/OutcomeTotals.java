package io.edgeloop.resolver;

import io.edgeloop.schemas.avro.Outcome;
import io.edgeloop.schemas.avro.OutcomeStatus;
import io.edgeloop.schemas.avro.Prediction;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * All-time counts of an outcome task, kept in {@link ResolverStores#TOTALS} next to the outcome
 * stores and written in the same transaction as the records they count, so the health figures
 * outlive the retention purge ({@link OutcomeRetention}) and are exact under exactly-once.
 *
 * <p>Keys: {@value #PREDICTIONS} (predictions accepted), {@value #EXPIRED} (outcomes that
 * expired), and for RESOLVED outcomes {@code resolved|GROUP|NAME} and {@code hits|GROUP|NAME}
 * with GROUP {@value #ALL} (name {@value #ALL}), {@value #TRIGGER} (the prediction's trigger) or
 * {@value #ACTION} (traded, skipped, missed opportunity). {@link ResolverQueries#health()} sums
 * them over the tasks.
 */
final class OutcomeTotals {

    static final String PREDICTIONS = "predictions";
    static final String EXPIRED = "expired";
    static final String RESOLVED = "resolved";
    static final String HITS = "hits";
    static final String ALL = "all";
    static final String TRIGGER = "trigger";
    static final String ACTION = "action";

    private final KeyValueStore<String, Long> store;

    OutcomeTotals(KeyValueStore<String, Long> store) {
        this.store = store;
    }

    /** Counts an accepted prediction. */
    void prediction() {
        add(PREDICTIONS);
    }

    /** Counts an emitted outcome; {@code prediction} gives the trigger (null when unknown). */
    void outcome(Outcome outcome, Prediction prediction) {
        if (outcome.getStatus() == OutcomeStatus.EXPIRED) {
            add(EXPIRED);
            return;
        }
        boolean hit = Boolean.TRUE.equals(outcome.getHit());
        String trigger = prediction == null ? "UNKNOWN" : prediction.getTrigger().name();
        resolved(ALL, ALL, hit);
        resolved(TRIGGER, trigger, hit);
        resolved(ACTION, outcome.getAction().name(), hit);
    }

    /**
     * Starts the counts of a task whose store predates them (an upgrade) from what its outcome
     * stores still remember; a no-op once the task has counted anything.
     */
    void startFrom(KeyValueStore<String, Prediction> predictions, KeyValueStore<String, Outcome> outcomes) {
        if (store.get(PREDICTIONS) != null) {
            return;
        }
        long seen = 0;
        try (KeyValueIterator<String, Prediction> it = predictions.all()) {
            while (it.hasNext()) {
                it.next();
                seen++;
            }
        }
        store.put(PREDICTIONS, seen);
        try (KeyValueIterator<String, Outcome> it = outcomes.all()) {
            it.forEachRemaining(kv -> outcome(kv.value, predictions.get(kv.key)));
        }
    }

    static String key(String counter, String group, String name) {
        return counter + '|' + group + '|' + name;
    }

    private void resolved(String group, String name, boolean hit) {
        add(key(RESOLVED, group, name));
        if (hit) {
            add(key(HITS, group, name));
        }
    }

    private void add(String key) {
        Long now = store.get(key);
        store.put(key, now == null ? 1L : now + 1);
    }
}
