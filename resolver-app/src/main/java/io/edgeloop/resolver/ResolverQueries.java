package io.edgeloop.resolver;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgeloop.schemas.avro.ChangeStatus;
import io.edgeloop.schemas.avro.ModelChange;
import io.edgeloop.schemas.avro.Outcome;
import io.edgeloop.schemas.avro.OutcomeStatus;
import io.edgeloop.schemas.avro.PatternDefinition;
import io.edgeloop.schemas.avro.PatternStatus;
import io.edgeloop.schemas.avro.Prediction;
import io.edgeloop.schemas.json.AvroJson;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The resolver's read model, answered from its state stores (interactive queries): the records
 * as JSON with their Avro field names ({@link AvroJson}), newest first. Read-only: nothing here
 * writes to a store or a topic.
 *
 * <p>Stores are found through a {@link StoreLookup}, so the same queries run on a Kafka Streams
 * client (every local partition) and on a test driver. The keeper's stores are in one task, so
 * one instance answers governance queries completely; outcome queries cover the partitions
 * this instance holds (all of them with one instance).
 */
public final class ResolverQueries {

    /** Finds a key-value store by name. */
    public interface StoreLookup {
        <K, V> ReadOnlyKeyValueStore<K, V> store(String name);
    }

    /** The stores of a running Kafka Streams client (all its local partitions). */
    public static StoreLookup of(KafkaStreams streams) {
        Objects.requireNonNull(streams, "streams");
        return new StoreLookup() {
            @Override
            public <K, V> ReadOnlyKeyValueStore<K, V> store(String name) {
                return streams.store(StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.<K, V>keyValueStore()));
            }
        };
    }

    /** Largest page a list query returns. */
    public static final int MAX_LIMIT = 1000;

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final StoreLookup stores;

    public ResolverQueries(StoreLookup stores) {
        this.stores = Objects.requireNonNull(stores, "stores");
    }

    /**
     * Counts of the loop: predictions seen, open outcomes, outcomes with hit rate overall, by
     * trigger and by action (hit rate = hits / RESOLVED outcomes; EXPIRED ones have no hit),
     * patterns by status, proposals waiting for an operator, the library version and the latest
     * stream time. The counts are all-time ({@link OutcomeTotals}); {@code retentionWindow} says
     * how many predictions and outcomes the stores still hold, which is what the list queries
     * can show ({@link OutcomeRetention}).
     */
    public ObjectNode health() {
        Map<String, Long> totals = new TreeMap<>();
        each(ResolverStores.TOTALS, kv -> totals.merge(kv.key, kv.value, Long::sum));
        int[] held = {0, 0};
        each(ResolverStores.PREDICTIONS, kv -> held[0]++);
        each(ResolverStores.OUTCOMES, kv -> held[1]++);
        int[] open = {0};
        each(ResolverStores.PENDING, kv -> open[0]++);
        Map<PatternStatus, Integer> patterns = new EnumMap<>(PatternStatus.class);
        each(ResolverStores.KEEPER_LIBRARY, kv -> patterns.merge(kv.value.getStatus(), 1, Integer::sum));
        int[] proposals = {0};
        each(ResolverStores.KEEPER_CHANGELOG, kv -> {
            if (kv.value.getStatus() == ChangeStatus.PROPOSED) {
                proposals[0]++;
            }
        });

        ObjectNode out = JSON.objectNode();
        out.put("libraryVersion", libraryVersion());
        streamTime().ifPresentOrElse(t -> out.put("streamTime", t.toString()), () -> out.putNull("streamTime"));
        out.put("predictions", totals.getOrDefault(OutcomeTotals.PREDICTIONS, 0L));
        out.put("pendingOutcomes", open[0]);
        ObjectNode outcomes = out.putObject("outcomes");
        long expired = totals.getOrDefault(OutcomeTotals.EXPIRED, 0L);
        long resolved = totals.getOrDefault(OutcomeTotals.key(OutcomeTotals.RESOLVED, OutcomeTotals.ALL, OutcomeTotals.ALL), 0L);
        outcomes.put("total", resolved + expired);
        outcomes.put("expired", expired);
        writeTally(outcomes, totals, OutcomeTotals.ALL, OutcomeTotals.ALL);
        writeGroup(outcomes.putObject("byTrigger"), totals, OutcomeTotals.TRIGGER);
        writeGroup(outcomes.putObject("byAction"), totals, OutcomeTotals.ACTION);
        ObjectNode byStatus = out.putObject("patterns");
        for (PatternStatus status : PatternStatus.values()) {
            byStatus.put(status.name(), patterns.getOrDefault(status, 0));
        }
        out.put("pendingProposals", proposals[0]);
        ObjectNode window = out.putObject("retentionWindow");
        window.put("predictions", held[0]);
        window.put("outcomes", held[1]);
        return out;
    }

    /** One entry per name of the group that has resolved outcomes. */
    private static void writeGroup(ObjectNode node, Map<String, Long> totals, String group) {
        String prefix = OutcomeTotals.RESOLVED + '|' + group + '|';
        totals.keySet().stream().filter(k -> k.startsWith(prefix))
                .forEach(k -> writeTally(node.putObject(k.substring(prefix.length())), totals, group, k.substring(prefix.length())));
    }

    private static void writeTally(ObjectNode node, Map<String, Long> totals, String group, String name) {
        long n = totals.getOrDefault(OutcomeTotals.key(OutcomeTotals.RESOLVED, group, name), 0L);
        long hits = totals.getOrDefault(OutcomeTotals.key(OutcomeTotals.HITS, group, name), 0L);
        node.put("resolved", n);
        node.put("hits", hits);
        if (n == 0) {
            node.putNull("hitRate");
        } else {
            node.put("hitRate", (double) hits / n);
        }
    }

    /**
     * Predictions, newest bar first, each with {@code resolved} (its outcome is out).
     *
     * @param ticker   only this ticker; null for all
     * @param resolved only resolved (true) or open (false) ones; null for both
     */
    public ArrayNode predictions(String ticker, Boolean resolved, int limit) {
        List<Prediction> found = new ArrayList<>();
        ReadOnlyKeyValueStore<String, Outcome> outcomes = stores.store(ResolverStores.OUTCOMES.name());
        each(ResolverStores.PREDICTIONS, kv -> {
            Prediction p = kv.value;
            if ((ticker == null || ticker.equals(p.getTicker()))
                    && (resolved == null || resolved == (outcomes.get(p.getId()) != null))) {
                found.add(p);
            }
        });
        found.sort(Comparator.comparing(Prediction::getBarTime).reversed().thenComparing(Prediction::getId));
        ArrayNode out = JSON.arrayNode();
        for (Prediction p : found.subList(0, Math.min(limit(limit), found.size()))) {
            out.add(AvroJson.toJson(p).put("resolved", outcomes.get(p.getId()) != null));
        }
        return out;
    }

    /** Outcomes, latest resolution first, of one ticker or all (null). */
    public ArrayNode outcomes(String ticker, int limit) {
        List<Outcome> found = new ArrayList<>();
        each(ResolverStores.OUTCOMES, kv -> {
            if (ticker == null || ticker.equals(kv.value.getTicker())) {
                found.add(kv.value);
            }
        });
        found.sort(Comparator.comparing(Outcome::getResolvedTime).reversed().thenComparing(Outcome::getPredictionId));
        return toJson(found.subList(0, Math.min(limit(limit), found.size())));
    }

    /** The current library by pattern id, of one status or all (null). */
    public ArrayNode patterns(PatternStatus status) {
        List<PatternDefinition> found = new ArrayList<>();
        each(ResolverStores.KEEPER_LIBRARY, kv -> {
            if (status == null || status == kv.value.getStatus()) {
                found.add(kv.value);
            }
        });
        return toJson(found);
    }

    /** Changes, last updated first, of one status or all (null). */
    public ArrayNode changelog(ChangeStatus status, int limit) {
        List<ModelChange> found = new ArrayList<>();
        each(ResolverStores.KEEPER_CHANGELOG, kv -> {
            if (status == null || status == kv.value.getStatus()) {
                found.add(kv.value);
            }
        });
        found.sort(Comparator.comparing(ModelChange::getUpdatedAt).reversed().thenComparing(ModelChange::getId));
        return toJson(found.subList(0, Math.min(limit(limit), found.size())));
    }

    /** The current library version (0 before seeding). */
    public long libraryVersion() {
        ReadOnlyKeyValueStore<String, byte[]> state = stores.store(ResolverStores.KEEPER_STATE.name());
        return KeeperMeta.of(state.get(KeeperProcessor.META_KEY)).libraryVersion();
    }

    /** The latest stream time of the outcome tasks this instance holds; empty before the first record. */
    public java.util.Optional<Instant> streamTime() {
        long[] max = {Long.MIN_VALUE};
        each(ResolverStores.CLOCK, kv -> {
            if (ResolverStores.CLOCK_KEY.equals(kv.key)) {
                max[0] = Math.max(max[0], kv.value);
            }
        });
        return max[0] == Long.MIN_VALUE ? java.util.Optional.empty() : java.util.Optional.of(Instant.ofEpochMilli(max[0]));
    }

    /** Ids of the predictions whose outcome is open, in the partitions this instance holds. */
    public List<String> openPredictionIds() {
        List<String> ids = new ArrayList<>();
        each(ResolverStores.PENDING, kv -> ids.add(kv.key.substring(kv.key.indexOf('|') + 1)));
        return ids;
    }

    /** The outcome of a prediction, when it is out (and in a partition this instance holds). */
    public java.util.Optional<Outcome> outcome(String predictionId) {
        ReadOnlyKeyValueStore<String, Outcome> store = stores.store(ResolverStores.OUTCOMES.name());
        return java.util.Optional.ofNullable(store.get(predictionId));
    }

    /**
     * True when every outcome task this instance holds has handled a resolve-due request at
     * {@code asOf} or later (each task records the latest it handled next to its clock).
     */
    public boolean resolveRequestHandled(long asOf) {
        int[] tasks = {0};
        int[] handled = {0};
        each(ResolverStores.CLOCK, kv -> {
            if (ResolverStores.CLOCK_KEY.equals(kv.key)) {
                tasks[0]++;
            } else if (ResolverStores.REQUEST_KEY.equals(kv.key) && kv.value >= asOf) {
                handled[0]++;
            }
        });
        return tasks[0] > 0 && handled[0] >= tasks[0];
    }

    private <K, V> void each(StoreSpec<K, V> spec, Consumer<KeyValue<K, V>> action) {
        ReadOnlyKeyValueStore<K, V> store = stores.store(spec.name());
        try (KeyValueIterator<K, V> it = store.all()) {
            it.forEachRemaining(action);
        }
    }

    private static int limit(int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", got " + limit);
        }
        return limit;
    }

    private static ArrayNode toJson(List<? extends org.apache.avro.generic.IndexedRecord> records) {
        ArrayNode out = JSON.arrayNode();
        records.forEach(r -> out.add(AvroJson.toJson(r)));
        return out;
    }
}
