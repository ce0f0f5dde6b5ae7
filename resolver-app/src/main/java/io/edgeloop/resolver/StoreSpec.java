package io.edgeloop.resolver;

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
 * @param <K> key type
 * @param <V> value type
 */
record StoreSpec<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde, String doc) {

    StoreSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(keySerde, "keySerde");
        Objects.requireNonNull(valueSerde, "valueSerde");
        Objects.requireNonNull(doc, "doc");
    }

    /**
     * A RocksDB store (or an in-memory one), changelogged (restored after a crash or a move to
     * another instance), not cached.
     */
    StoreBuilder<KeyValueStore<K, V>> builder(boolean inMemory) {
        return Stores.keyValueStoreBuilder(inMemory ? Stores.inMemoryKeyValueStore(name)
                : Stores.persistentKeyValueStore(name), keySerde, valueSerde);
    }
}
