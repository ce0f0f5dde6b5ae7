package io.edgeloop.kstreams;

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
 * local store, or when the processor reads the store. streams-app's ticker processor hands over
 * its live models this way, so a model's state (about 9 KB for an hourly ticker) is encoded once
 * per commit instead of once per candle, and the store still holds each ticker's state as of its
 * last candle whenever the task commits; likewise each ticker's latest snapshot. resolver-app's
 * outcome processor does the same with its forming days, daily bars, open outcomes and clock.
 *
 * <p>The hook is Kafka Streams' cache flush ({@code flushCache()}, which a task calls on every
 * commit, before the producer is flushed and the transaction committed): it is internal API
 * ({@link WrappedStateStore}, pinned with the Kafka version); {@code StreamsAppIT} (a restart with
 * the local state wiped gives the records of an uninterrupted run), {@code ResolverRestartIT} (a
 * restart restored from the changelogs gives no second outcome) and {@code RealDataTopologyTest}
 * check the result. {@code clearCache()}, which Kafka Streams calls
 * when it drops uncommitted work, drops the pending values too.
 *
 * <p>Reads by the stream thread that handed the values over see them: {@link #get} answers a
 * pending key from its supplier, the iterators write every pending value first. Reads by any
 * other thread (interactive queries) see the store as of the last flush, i.e. the last commit,
 * and never touch the pending values (suppliers need not be thread-safe).
 *
 * @param <V> value type
 */
public final class DeferredKeyValueStore<V> extends WrappedStateStore<KeyValueStore<String, V>, String, V>
        implements KeyValueStore<String, V> {

    private final Map<String, Supplier<V>> pending = new LinkedHashMap<>();
    /** The stream thread that handed values over, the only one that sees them before a flush. */
    private volatile Thread writer;

    public DeferredKeyValueStore(KeyValueStore<String, V> inner) {
        super(inner);
    }

    /**
     * The deferred store behind a store handle of a processor context (which wraps it in a
     * read-write decorator).
     *
     * @throws IllegalArgumentException when the handle is not backed by a deferred store
     */
    @SuppressWarnings("unchecked")
    public static <V> DeferredKeyValueStore<V> of(StateStore store) {
        StateStore s = store;
        while (!(s instanceof DeferredKeyValueStore) && s instanceof WrappedStateStore<?, ?, ?> w) {
            s = w.wrapped();
        }
        if (s instanceof DeferredKeyValueStore<?> deferred) {
            return (DeferredKeyValueStore<V>) deferred;
        }
        throw new IllegalArgumentException("store " + store.name() + " is not a deferred store ("
                + store.getClass().getName() + ")");
    }

    /**
     * Sets the key's value to what the supplier returns when the store is next flushed or read;
     * the supplier must answer the value as of the latest call for its key.
     */
    public void putLater(String key, Supplier<V> value) {
        writer = Thread.currentThread();
        pending.put(key, value);
    }

    /** Forgets every pending value (the work that produced them is being dropped). */
    public void dropPending() {
        pending.clear();
    }

    /** Writes every pending value into the store now. */
    public void writePending() {
        if (pending.isEmpty()) {
            return;
        }
        for (Map.Entry<String, Supplier<V>> e : pending.entrySet()) {
            wrapped().put(e.getKey(), e.getValue().get());
        }
        pending.clear();
    }

    /** True on the thread that handed values over: it sees them; others see the last flush. */
    private boolean seesPending() {
        return Thread.currentThread() == writer;
    }

    /** Before a read of many keys by the writing thread: the pending values go into the store. */
    private void beforeScan() {
        if (seesPending()) {
            writePending();
        }
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
    public void put(String key, V value) {
        pending.remove(key);
        wrapped().put(key, value);
    }

    @Override
    public V putIfAbsent(String key, V value) {
        beforeScan();
        return wrapped().putIfAbsent(key, value);
    }

    @Override
    public void putAll(List<KeyValue<String, V>> entries) {
        for (KeyValue<String, V> e : entries) {
            pending.remove(e.key);
        }
        wrapped().putAll(entries);
    }

    @Override
    public V delete(String key) {
        Supplier<V> value = pending.remove(key);
        V old = wrapped().delete(key);
        return value == null ? old : value.get();
    }

    @Override
    public V get(String key) {
        Supplier<V> value = seesPending() ? pending.get(key) : null;
        return value == null ? wrapped().get(key) : value.get();
    }

    @Override
    public KeyValueIterator<String, V> range(String from, String to) {
        beforeScan();
        return wrapped().range(from, to);
    }

    @Override
    public KeyValueIterator<String, V> reverseRange(String from, String to) {
        beforeScan();
        return wrapped().reverseRange(from, to);
    }

    @Override
    public KeyValueIterator<String, V> all() {
        beforeScan();
        return wrapped().all();
    }

    @Override
    public KeyValueIterator<String, V> reverseAll() {
        beforeScan();
        return wrapped().reverseAll();
    }

    @Override
    public <PS extends Serializer<P>, P> KeyValueIterator<String, V> prefixScan(P prefix, PS prefixKeySerializer) {
        beforeScan();
        return wrapped().prefixScan(prefix, prefixKeySerializer);
    }

    @Override
    public long approximateNumEntries() {
        beforeScan();
        return wrapped().approximateNumEntries();
    }

    /** Builds a {@link DeferredKeyValueStore} around the store the given builder builds. */
    public record Builder<V>(StoreBuilder<KeyValueStore<String, V>> inner) implements StoreBuilder<DeferredKeyValueStore<V>> {

        @Override
        public StoreBuilder<DeferredKeyValueStore<V>> withCachingEnabled() {
            return new Builder<>(inner.withCachingEnabled());
        }

        @Override
        public StoreBuilder<DeferredKeyValueStore<V>> withCachingDisabled() {
            return new Builder<>(inner.withCachingDisabled());
        }

        @Override
        public StoreBuilder<DeferredKeyValueStore<V>> withLoggingEnabled(Map<String, String> config) {
            return new Builder<>(inner.withLoggingEnabled(config));
        }

        @Override
        public StoreBuilder<DeferredKeyValueStore<V>> withLoggingDisabled() {
            return new Builder<>(inner.withLoggingDisabled());
        }

        @Override
        public DeferredKeyValueStore<V> build() {
            return new DeferredKeyValueStore<>(inner.build());
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
