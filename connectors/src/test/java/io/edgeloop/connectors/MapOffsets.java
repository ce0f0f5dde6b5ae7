package io.edgeloop.connectors;

import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTaskContext;
import org.apache.kafka.connect.storage.OffsetStorageReader;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** An in-memory offset store standing in for Connect's: records' offsets are "committed" by {@link #commit}. */
final class MapOffsets implements OffsetStorageReader, CandleFeed.OffsetLookup {

    private final Map<Map<String, Object>, Map<String, Object>> stored = new HashMap<>();

    void commit(Map<String, ?> partition, Map<String, ?> offset) {
        stored.put(Map.copyOf(partition), Map.copyOf(offset));
    }

    void commit(List<SourceRecord> records) {
        for (SourceRecord r : records) {
            commit(r.sourcePartition(), r.sourceOffset());
        }
    }

    void commit(FeedItem item) {
        commit(item.partition(), item.offset());
    }

    int size() {
        return stored.size();
    }

    @Override
    public <T> Map<String, Object> offset(Map<String, T> partition) {
        return stored.get(partition);
    }

    @Override
    public <T> Map<Map<String, T>, Map<String, Object>> offsets(Collection<Map<String, T>> partitions) {
        Map<Map<String, T>, Map<String, Object>> out = new HashMap<>();
        for (Map<String, T> p : partitions) {
            if (stored.containsKey(p)) {
                out.put(p, stored.get(p));
            }
        }
        return out;
    }

    @Override
    public Map<Map<String, Object>, Map<String, Object>> stored(Collection<Map<String, Object>> partitions) {
        Map<Map<String, Object>, Map<String, Object>> out = new HashMap<>();
        for (Map<String, Object> p : partitions) {
            if (stored.containsKey(p)) {
                out.put(p, stored.get(p));
            }
        }
        return out;
    }

    /** A task context whose offsets are these. */
    SourceTaskContext context(Map<String, String> configs) {
        MapOffsets self = this;
        return new SourceTaskContext() {
            @Override
            public Map<String, String> configs() {
                return configs;
            }

            @Override
            public OffsetStorageReader offsetStorageReader() {
                return self;
            }

            @Override
            public PluginMetrics pluginMetrics() {
                throw new UnsupportedOperationException("the edgeloop tasks register no plugin metrics");
            }
        };
    }
}
