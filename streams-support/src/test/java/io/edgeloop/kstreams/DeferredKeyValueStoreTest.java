package io.edgeloop.kstreams;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Values handed over as suppliers: the writing thread reads them at once, the store gets them
 * at the flush, and another thread (an interactive query) sees the store as of the last flush
 * without calling a supplier.
 */
class DeferredKeyValueStoreTest {

    private DeferredKeyValueStore<String> store;

    @BeforeEach
    void open() {
        MockProcessorContext<String, String> context = new MockProcessorContext<>(new Properties(), new TaskId(0, 0),
                new java.io.File("target/deferred-store-test"));
        store = new DeferredKeyValueStore.Builder<>(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("s"),
                Serdes.String(), Serdes.String())).withLoggingDisabled().build();
        store.init(context.getStateStoreContext(), store);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void shouldShowPendingValuesToTheWritingThreadOnlyUntilTheFlush() throws Exception {
        AtomicReference<String> value = new AtomicReference<>("v1");
        List<Thread> callers = new ArrayList<>();
        Supplier<String> supplier = () -> {
            callers.add(Thread.currentThread());
            return value.get();
        };
        store.put("a", "stored");
        store.putLater("a", supplier);
        value.set("v2");

        assertThat(store.get("a")).isEqualTo("v2");
        assertThat(elsewhere(() -> store.get("a"))).isEqualTo("stored");
        assertThat(elsewhere(() -> keys(store.all()))).containsExactly("a=stored");

        store.flushCache();
        value.set("v3");

        assertThat(elsewhere(() -> store.get("a"))).isEqualTo("v2");
        assertThat(store.get("a")).isEqualTo("v2");
        assertThat(callers).containsOnly(Thread.currentThread());
    }

    @Test
    void shouldWritePendingValuesBeforeTheWritingThreadScans() {
        store.putLater("a", () -> "1");
        store.putLater("b", () -> "2");

        assertThat(keys(store.all())).containsExactly("a=1", "b=2");
    }

    @Test
    void shouldDropPendingValuesWhenTheCacheIsCleared() {
        store.put("a", "stored");
        store.putLater("a", () -> "new");

        store.clearCache();
        store.flushCache();

        assertThat(store.get("a")).isEqualTo("stored");
    }

    private static <T> T elsewhere(Supplier<T> read) throws Exception {
        return CompletableFuture.supplyAsync(read, r -> new Thread(r, "query").start()).get();
    }

    private static List<String> keys(KeyValueIterator<String, String> it) {
        List<String> out = new ArrayList<>();
        try (it) {
            while (it.hasNext()) {
                KeyValue<String, String> kv = it.next();
                out.add(kv.key + "=" + kv.value);
            }
        }
        return out;
    }
}
