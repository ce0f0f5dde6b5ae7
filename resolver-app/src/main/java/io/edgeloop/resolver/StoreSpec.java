package io.edgeloop.resolver;

import io.edgeloop.kstreams.DeferredKeyValueStore;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

import java.util.Objects;

/**
 * One persistent key-value store of the resolver: its name (which also names its changelog
 * topic, {@code <application.id>-<name>-changelog}) and its serdes.
 *
 * @param name       store name
 * @param keySerde   key serde
 * @param valueSerde value serde
 * @param doc        what it holds, for the README and the topology test
 * @param deferred   true for a store whose processor keeps its values live and hands them over
 *                   to be encoded once per commit ({@link DeferredKeyValueStore}); its keys are strings
 * @param <K> key type
 * @param <V> value type
 */
record StoreSpec<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde, String doc, boolean deferred) {

    StoreSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(keySerde, "keySerde");
        Objects.requireNonNull(valueSerde, "valueSerde");
        Objects.requireNonNull(doc, "doc");
    }

    /** A store written record by record. */
    StoreSpec(String name, Serde<K> keySerde, Serde<V> valueSerde, String doc) {
        this(name, keySerde, valueSerde, doc, false);
    }

    /** The same store, written once per commit through a {@link DeferredKeyValueStore}. */
    StoreSpec<K, V> deferredWrites() {
        return new StoreSpec<>(name, keySerde, valueSerde, doc, true);
    }

    /**
     * A RocksDB store (or an in-memory one), changelogged (restored after a crash or a move to
     * another instance), not cached; wrapped in a {@link DeferredKeyValueStore} when {@link #deferred}.
     */
    @SuppressWarnings("unchecked")
    StoreBuilder<? extends KeyValueStore<K, V>> builder(boolean inMemory) {
        StoreBuilder<KeyValueStore<K, V>> plain = Stores.keyValueStoreBuilder(inMemory
                ? Stores.inMemoryKeyValueStore(name) : Stores.persistentKeyValueStore(name), keySerde, valueSerde);
        if (!deferred) {
            return plain;
        }
        StoreBuilder<? extends KeyValueStore<String, V>> wrapped =
                new DeferredKeyValueStore.Builder<>((StoreBuilder<KeyValueStore<String, V>>) (StoreBuilder<?>) plain);
        return (StoreBuilder<? extends KeyValueStore<K, V>>) (StoreBuilder<?>) wrapped;
    }
}
