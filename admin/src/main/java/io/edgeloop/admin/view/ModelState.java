package io.edgeloop.admin.view;

import io.edgeloop.schemas.avro.ApprovalDecision;
import io.edgeloop.schemas.avro.MarketSignal;
import io.edgeloop.schemas.avro.ModelChange;
import io.edgeloop.schemas.avro.Outcome;
import io.edgeloop.schemas.avro.PatternDefinition;
import io.edgeloop.schemas.avro.Prediction;
import io.edgeloop.schemas.topics.Topic;
import io.edgeloop.schemas.topics.Topics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;

/**
 * The admin's in-memory view of the model, built from the topics: the latest value of each
 * compacted table (model-changelog, pattern-library, signals), every revision of each pattern
 * seen, every prediction (as a {@link PredictionRow}) with its outcome, and every operator
 * decision in {@code approvals}. One writer (the reader thread) and many readers (HTTP
 * requests), under a read-write lock; queries run inside {@link #read}.
 */
public final class ModelState {

    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<String, ModelChange> changes = new LinkedHashMap<>();
    private final Map<String, PatternDefinition> patterns = new TreeMap<>();
    private final Map<String, List<PatternDefinition>> revisions = new HashMap<>();
    private final Map<String, MarketSignal> signals = new TreeMap<>();
    private final Map<String, PredictionRow> predictions = new HashMap<>();
    private final Map<String, Prediction> latestPrediction = new HashMap<>();
    private final Map<String, Outcome> outcomes = new HashMap<>();
    private final Map<String, List<ApprovalDecision>> approvals = new LinkedHashMap<>();
    private long updates;
    private long lastRecordTimestamp;

    /** Applies one record of a catalog topic; a null value is a tombstone. Other topics are ignored. */
    public void apply(String topic, String key, Object value, long timestamp) {
        lock.writeLock().lock();
        try {
            boolean changed = switch (topic) {
                case "model-changelog" -> applyChange(key, (ModelChange) value);
                case "pattern-library" -> applyPattern(key, (PatternDefinition) value);
                case "signals" -> value == null ? signals.remove(key) != null
                        : !value.equals(signals.put(key, (MarketSignal) value));
                case "predictions" -> applyPrediction((Prediction) value);
                case "outcomes" -> value != null && outcomes.put(((Outcome) value).getPredictionId(), (Outcome) value) == null;
                case "approvals" -> applyApproval((ApprovalDecision) value);
                default -> false;
            };
            if (changed) {
                updates++;
            }
            lastRecordTimestamp = Math.max(lastRecordTimestamp, timestamp);
        } finally {
            lock.writeLock().unlock();
        }
    }

    private boolean applyChange(String key, ModelChange change) {
        if (change == null) {
            return changes.remove(key) != null;
        }
        changes.remove(change.getId());
        changes.put(change.getId(), change);
        return true;
    }

    private boolean applyPattern(String key, PatternDefinition pattern) {
        if (pattern == null) {
            return patterns.remove(key) != null;
        }
        PatternDefinition previous = patterns.put(pattern.getId(), pattern);
        if (pattern.equals(previous)) {
            return false;
        }
        List<PatternDefinition> seen = revisions.computeIfAbsent(pattern.getId(), k -> new ArrayList<>());
        if (!seen.contains(pattern)) {
            seen.add(pattern);
        }
        return true;
    }

    private boolean applyPrediction(Prediction prediction) {
        if (prediction == null) {
            return false;
        }
        predictions.put(prediction.getId(), PredictionRow.of(prediction));
        Prediction latest = latestPrediction.get(prediction.getTicker());
        if (latest == null || !latest.getBarTime().isAfter(prediction.getBarTime())) {
            latestPrediction.put(prediction.getTicker(), prediction);
        }
        return true;
    }

    private boolean applyApproval(ApprovalDecision decision) {
        if (decision == null) {
            return false;
        }
        List<ApprovalDecision> list = approvals.computeIfAbsent(decision.getChangeId(), k -> new ArrayList<>());
        if (list.contains(decision)) {
            return false;
        }
        list.add(decision);
        return true;
    }

    /**
     * Runs a query under the read lock. The accessors below return live read-only views: call
     * them only inside a query, and do not let the views escape it.
     */
    public <T> T read(Function<ModelState, T> query) {
        lock.readLock().lock();
        try {
            return query.apply(this);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** A counter that grows with every change of the view; the dashboard polls it to know when to refresh. */
    public long updates() {
        return read(s -> s.updates);
    }

    /** Largest record timestamp seen, epoch ms (0 before any record). */
    public long lastRecordTimestamp() {
        return read(s -> s.lastRecordTimestamp);
    }

    /**
     * The library's current version: the largest of the patterns' {@code libraryVersion} and the
     * changelog's {@code libraryVersionAfter}; 0 for an empty library.
     */
    public long libraryVersion() {
        long version = 0;
        for (PatternDefinition p : patterns.values()) {
            version = Math.max(version, p.getLibraryVersion());
        }
        for (ModelChange c : changes.values()) {
            if (c.getLibraryVersionAfter() != null) {
                version = Math.max(version, c.getLibraryVersionAfter());
            }
        }
        return version;
    }

    public Map<String, ModelChange> changes() {
        return Collections.unmodifiableMap(changes);
    }

    public Map<String, PatternDefinition> patterns() {
        return Collections.unmodifiableMap(patterns);
    }

    public List<PatternDefinition> revisions(String patternId) {
        return Collections.unmodifiableList(revisions.getOrDefault(patternId, List.of()));
    }

    public Map<String, MarketSignal> signals() {
        return Collections.unmodifiableMap(signals);
    }

    public Map<String, PredictionRow> predictions() {
        return Collections.unmodifiableMap(predictions);
    }

    public Prediction latestPrediction(String ticker) {
        return latestPrediction.get(ticker);
    }

    public Map<String, Outcome> outcomes() {
        return Collections.unmodifiableMap(outcomes);
    }

    public List<ApprovalDecision> approvals(String changeId) {
        return Collections.unmodifiableList(approvals.getOrDefault(changeId, List.of()));
    }

    public Map<String, List<ApprovalDecision>> allApprovals() {
        return Collections.unmodifiableMap(approvals);
    }

    /** The topics this view is built from. */
    public static List<Topic<String, ?>> topics() {
        return List.of(Topics.MODEL_CHANGELOG, Topics.PATTERN_LIBRARY, Topics.SIGNALS, Topics.PREDICTIONS,
                Topics.OUTCOMES, Topics.APPROVALS);
    }
}
