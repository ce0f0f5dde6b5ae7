package io.edgeloop.schemas.serde;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Factory of the serdes every edgeloop topic uses: {@link AvroSerde} for values, UTF-8 strings
 * for keys. Serdes are cached and safe to share between threads.
 */
public final class EdgeloopSerdes {

    private static final Map<Class<?>, AvroSerde<?>> CACHE = new ConcurrentHashMap<>();
    private static final Serde<String> STRING = Serdes.String();

    private EdgeloopSerdes() {
    }

    /**
     * The serde of a topic value type, backed by {@link EdgeloopSchemaStore#standard()}.
     *
     * @throws IllegalArgumentException when the type is not a topic value type with a schema history
     */
    @SuppressWarnings("unchecked")
    public static <T extends SpecificRecord> AvroSerde<T> of(Class<T> type) {
        return (AvroSerde<T>) CACHE.computeIfAbsent(type, t -> new AvroSerde<>(type, EdgeloopSchemaStore.standard()));
    }

    /** The key serde: UTF-8 strings (tickers, {@code level:key}, pattern ids, change ids). */
    public static Serde<String> string() {
        return STRING;
    }
}
