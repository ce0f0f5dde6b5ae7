package io.edgeloop.streams;

import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.internals.WrappedStateStore;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A key-value store whose values may be handed over as suppliers, called only when Kafka
 * Streams flushes the store's cache, i.e. right before every commit writes the changelog and the
 * local store, or when something reads the store. The ticker processor hands over its live
 * models this way, so a model's state (about 9 KB for an hourly ticker) is encoded once per commit
 * instead of once per candle, and the store still holds each ticker's state as of its last
 * candle whenever the task commits.
 *
 * <p>The hook is Kafka Streams' cache flush ({@code flushCache()}, which a task calls on every
 * commit, before the producer is flushed and the transaction committed): it is internal API
 * ({@link WrappedStateStore}, pinned with the Kafka version); {@code StreamsAppIT} (restart with
 * the local state wiped gives the records of an uninterrupted run) and
 * {@code RealDataTopologyTest} check the result. {@code clearCache()}, which Kafka Streams calls
 * when it drops uncommitted work, drops the pending values too.
 *
 * <p>Reads see the pending values: {@link #get} answers a pending key from its supplier, the
 * iterators write every pending value first.
 */
final class DeferredKeyValueStore extends WrappedStateStore<KeyValueStore<String, byte[]>, String, byte[]>
        implements KeyValueStore<String, byte[]> {

    private final Map<String, Supplier<byte[]>> pending = new LinkedHashMap<>();

    DeferredKeyValueStore(KeyValueStore<String, byte[]> inner) {
        super(inner);
    }

    /**
     * The deferred store behind a store handle of a processor context (which wraps it in a
     * read-write decorator).
     *
     * @throws IllegalArgumentException when the handle is not backed by a deferred store
     */
    static DeferredKeyValueStore of(StateStore store) {
        StateStore s = store;
        while (!(s instanceof DeferredKeyValueStore) && s instanceof WrappedStateStore<?, ?, ?> w) {
            s = w.wrapped();
        }
        if (s instanceof DeferredKeyValueStore deferred) {
            return deferred;
        }
        throw new IllegalArgumentException("store " + store.name() + " is not a deferred store ("
                + store.getClass().getName() + ")");
    }

    /**
     * Sets the key's value to what the supplier returns when the store is next flushed or read;
     * the supplier must answer the value as of the latest call for its key.
     */
    void putLater(String key, Supplier<byte[]> value) {
        pending.put(key, value);
    }

    /** Forgets every pending value (the work that produced them is being dropped). */
    void dropPending() {
        pending.clear();
    }

    /** Writes every pending value into the store now. */
    void writePending() {
        if (pending.isEmpty()) {
            return;
        }
        for (Map.Entry<String, Supplier<byte[]>> e : pending.entrySet()) {
            wrapped().put(e.getKey(), e.getValue().get());
        }
        pending.clear();
    }

    @Override
    public void flushCache() {
        writePending();
        super.flushCache();
    }

    @Override
    public void clearCache() {
        pending.clear();
        super.clearCache();
    }

    @Override
    public void close() {
        pending.clear();
        super.close();
    }

    @Override
    public void put(String key, byte[] value) {
        pending.remove(key);
        wrapped().put(key, value);
    }

    @Override
    public byte[] putIfAbsent(String key, byte[] value) {
        writePending();
        return wrapped().putIfAbsent(key, value);
    }

    @Override
    public void putAll(List<KeyValue<String, byte[]>> entries) {
        for (KeyValue<String, byte[]> e : entries) {
            pending.remove(e.key);
        }
        wrapped().putAll(entries);
    }

    @Override
    public byte[] delete(String key) {
        Supplier<byte[]> value = pending.remove(key);
        byte[] old = wrapped().delete(key);
        return value == null ? old : value.get();
    }

    @Override
    public byte[] get(String key) {
        Supplier<byte[]> value = pending.get(key);
        return value == null ? wrapped().get(key) : value.get();
    }

    @Override
    public KeyValueIterator<String, byte[]> range(String from, String to) {
        writePending();
        return wrapped().range(from, to);
    }

    @Override
    public KeyValueIterator<String, byte[]> reverseRange(String from, String to) {
        writePending();
        return wrapped().reverseRange(from, to);
    }

    @Override
    public KeyValueIterator<String, byte[]> all() {
        writePending();
        return wrapped().all();
    }

    @Override
    public KeyValueIterator<String, byte[]> reverseAll() {
        writePending();
        return wrapped().reverseAll();
    }

    @Override
    public <PS extends Serializer<P>, P> KeyValueIterator<String, byte[]> prefixScan(P prefix, PS prefixKeySerializer) {
        writePending();
        return wrapped().prefixScan(prefix, prefixKeySerializer);
    }

    @Override
    public long approximateNumEntries() {
        writePending();
        return wrapped().approximateNumEntries();
    }

    /** Builds a {@link DeferredKeyValueStore} around the store the given builder builds. */
    record Builder(StoreBuilder<KeyValueStore<String, byte[]>> inner) implements StoreBuilder<DeferredKeyValueStore> {

        @Override
        public StoreBuilder<DeferredKeyValueStore> withCachingEnabled() {
            return new Builder(inner.withCachingEnabled());
        }

        @Override
        public StoreBuilder<DeferredKeyValueStore> withCachingDisabled() {
            return new Builder(inner.withCachingDisabled());
        }

        @Override
        public StoreBuilder<DeferredKeyValueStore> withLoggingEnabled(Map<String, String> config) {
            return new Builder(inner.withLoggingEnabled(config));
        }

        @Override
        public StoreBuilder<DeferredKeyValueStore> withLoggingDisabled() {
            return new Builder(inner.withLoggingDisabled());
        }

        @Override
        public DeferredKeyValueStore build() {
            return new DeferredKeyValueStore(inner.build());
        }

        @Override
        public Map<String, String> logConfig() {
            return inner.logConfig();
        }

        @Override
        public boolean loggingEnabled() {
            return inner.loggingEnabled();
        }

        @Override
        public String name() {
            return inner.name();
        }
    }
}
