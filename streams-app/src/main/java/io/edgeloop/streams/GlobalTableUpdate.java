package io.edgeloop.streams;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps a global store equal to its compacted topic (a tombstone deletes the key) and runs a
 * hook after each update ({@link LibraryWatch#changed()} for the pattern library).
 *
 * @param <V> value type
 */
final class GlobalTableUpdate<V> implements Processor<String, V, Void, Void> {

    private final String storeName;
    private final Runnable afterUpdate;
    private KeyValueStore<String, V> store;

    GlobalTableUpdate(String storeName, Runnable afterUpdate) {
        this.storeName = storeName;
        this.afterUpdate = afterUpdate;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        store = context.getStateStore(storeName);
    }

    @Override
    public void process(Record<String, V> record) {
        if (record.key() == null) {
            return;
        }
        if (record.value() == null) {
            store.delete(record.key());
        } else {
            store.put(record.key(), record.value());
        }
        afterUpdate.run();
    }
}
