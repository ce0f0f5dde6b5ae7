package io.edgeloop.streams;

import io.edgeloop.core.candle.Timeframe;
import io.edgeloop.core.http.JsonHttpServer.HttpError;
import io.edgeloop.kstreams.ClientHealth;
import io.edgeloop.schemas.avro.MarketSignal;
import io.edgeloop.schemas.avro.ScoreSnapshot;
import io.edgeloop.schemas.serde.EdgeloopSerdes;
import io.edgeloop.schemas.topics.Topics;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Interactive queries on this instance's stores. Each answer says which instance owns the data:
 * a ticker lives on the instance that owns its {@code candles} partition, sector and market
 * breadth on the one that owns the single {@code breadth} partition.
 */
final class ModelQueries {

    /** Where a key's data lives. */
    record Owner(boolean local, HostInfo host) {
    }

    /** Below the probes' timeouts of the shipped manifests (5 s). */
    private static final Duration STORE_LAG_WAIT = Duration.ofSeconds(2);

    private final KafkaStreams streams;
    private final HostInfo self;
    private final Deserializer<MarketSignal> signals = Topics.SIGNALS.valueSerde().deserializer();
    private final StoreLags storeLags;

    ModelQueries(KafkaStreams streams, HostInfo self) {
        this.streams = streams;
        this.self = self;
        this.storeLags = new StoreLags(streams::allLocalStorePartitionLags, STORE_LAG_WAIT, task -> {
            Thread thread = new Thread(task, "store-lags");
            thread.setDaemon(true);
            thread.start();
        });
    }

    HostInfo self() {
        return self;
    }

    /** The owner of a ticker's snapshots, empty while the group is rebalancing. */
    Optional<Owner> tickerOwner(String ticker) {
        return owner(Names.LATEST_STORE, ticker);
    }

    /** The owner of sector and market breadth, empty while the group is rebalancing. */
    Optional<Owner> breadthOwner() {
        return owner(Names.BREADTH_STORE, BreadthSignals.MARKET_KEY);
    }

    private Optional<Owner> owner(String store, String key) {
        KeyQueryMetadata metadata = streams.queryMetadataForKey(store, key, EdgeloopSerdes.string().serializer());
        if (metadata == null || metadata.equals(KeyQueryMetadata.NOT_AVAILABLE) || metadata.activeHost() == null) {
            return Optional.empty();
        }
        return Optional.of(new Owner(metadata.activeHost().equals(self), metadata.activeHost()));
    }

    /** The latest snapshot of each base interval of a local ticker, finest interval first. */
    List<ScoreSnapshot> snapshots(String ticker) {
        List<ScoreSnapshot> out = new ArrayList<>();
        try (KeyValueIterator<String, ScoreSnapshot> it = latest().prefixScan(ticker + "|",
                EdgeloopSerdes.string().serializer())) {
            it.forEachRemaining(kv -> out.add(kv.value));
        }
        out.sort((a, b) -> interval(a).compareTo(interval(b)));
        return out;
    }

    /** The ticker signal of every local ticker (from its finest interval), by ticker. */
    List<MarketSignal> tickerSignals(io.edgeloop.core.signals.SignalConfig config) {
        Map<String, ScoreSnapshot> finest = new TreeMap<>();
        try (KeyValueIterator<String, ScoreSnapshot> it = latest().all()) {
            while (it.hasNext()) {
                ScoreSnapshot s = it.next().value;
                finest.merge(s.getTicker(), s, (a, b) -> interval(a).compareTo(interval(b)) <= 0 ? a : b);
            }
        }
        List<MarketSignal> out = new ArrayList<>(finest.size());
        finest.values().forEach(s -> out.add(TickerSignals.of(s, config)));
        return out;
    }

    /** The latest sector signals (by sector) or the market signal, from the local breadth store. */
    List<MarketSignal> breadth(boolean market) {
        ReadOnlyKeyValueStore<String, byte[]> store = streams.store(StoreQueryParameters.fromNameAndType(
                Names.BREADTH_STORE, QueryableStoreTypes.<String, byte[]>keyValueStore()));
        List<MarketSignal> out = new ArrayList<>();
        if (market) {
            byte[] bytes = store.get(BreadthState.OUTPUT + BreadthSignals.MARKET_KEY);
            if (bytes != null) {
                out.add(signals.deserialize(Topics.SIGNALS.name(), bytes));
            }
            return out;
        }
        String from = BreadthState.OUTPUT + BreadthSignals.SECTOR_PREFIX;
        try (KeyValueIterator<String, byte[]> it = store.range(from, from + BreadthState.END)) {
            it.forEachRemaining(kv -> out.add(signals.deserialize(Topics.SIGNALS.name(), kv.value)));
        }
        return out;
    }

    /** Other instances that hold ticker snapshots, as host:port. */
    List<String> otherInstances() {
        TreeSet<String> hosts = new TreeSet<>();
        for (StreamsMetadata m : streams.streamsMetadataForStore(Names.LATEST_STORE)) {
            if (!m.hostInfo().equals(self)) {
                hosts.add(m.host() + ":" + m.port());
            }
        }
        return List.copyOf(hosts);
    }

    /**
     * The client's state, store lag per store and partition, input lag and candle counters; a 503
     * once the client is neither starting, rebalancing nor running. It answers within the store
     * lags' wait whether the brokers answer or not (the lag is then null, with the reason).
     */
    Map<String, Object> health() {
        KafkaStreams.State state = streams.state();
        if (!ClientHealth.alive(state)) {
            throw new HttpError(503, "streams client is " + state);
        }
        Map<String, Object> out = new TreeMap<>();
        out.put("state", state.name());
        out.put("instance", self.host() + ":" + self.port());
        StoreLags.Reading storeLag = storeLags.get();
        out.put("storeLag", storeLag.lags());
        if (storeLag.unknownBecause() != null) {
            out.put("storeLagUnknown", storeLag.unknownBecause());
        }
        Map<String, Double> inputLag = new TreeMap<>();
        Map<String, Double> candles = new TreeMap<>();
        streams.metrics().forEach((name, metric) -> {
            if (name.group().equals("consumer-fetch-manager-metrics") && name.name().equals("records-lag")
                    && Topics.CANDLES.name().equals(name.tags().get("topic")) && metric.metricValue() instanceof Double lag) {
                inputLag.merge(name.tags().get("partition"), lag, Double::sum);
            }
            if (name.group().equals(IngestCounters.GROUP) && name.name().endsWith("-total")
                    && metric.metricValue() instanceof Double total) {
                candles.merge(outcome(name), total, Double::sum);
            }
        });
        out.put("candleLag", inputLag);
        out.put("candles", candles);
        return out;
    }

    private static String outcome(MetricName name) {
        return name.name().substring(0, name.name().length() - "-total".length());
    }

    private ReadOnlyKeyValueStore<String, ScoreSnapshot> latest() {
        return streams.store(StoreQueryParameters.fromNameAndType(Names.LATEST_STORE,
                QueryableStoreTypes.<String, ScoreSnapshot>keyValueStore()));
    }

    private static Timeframe interval(ScoreSnapshot s) {
        return Timeframe.parse(s.getInterval()).orElse(Timeframe.MN1);
    }
}
