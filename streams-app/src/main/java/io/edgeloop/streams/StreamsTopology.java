package io.edgeloop.streams;

import io.edgeloop.kstreams.DeferredKeyValueStore;
import io.edgeloop.kstreams.DeadLetterProcessingHandler;
import io.edgeloop.kstreams.DeadLetterDeserializationHandler;
import io.edgeloop.core.candle.CandleValidator;
import io.edgeloop.schemas.avro.MarketSignal;
import io.edgeloop.schemas.avro.PatternDefinition;
import io.edgeloop.schemas.avro.TickerReference;
import io.edgeloop.schemas.serde.EdgeloopSerdes;
import io.edgeloop.schemas.topics.Topic;
import io.edgeloop.schemas.topics.Topics;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

import java.util.List;

/**
 * The streams app's topology, built by a pure factory from its settings.
 *
 * <pre>
 * candles (event time = bar close), streams.control (end-of-input marks)
 *     -> ticker-model [ticker-state, latest-snapshots] (validation, model, outputs)
 *     -> scores, predictions, trades, signals (TICKER:x)
 *     -> breadth votes (label changes, partition progress) -> repartition "breadth" (1 partition)
 *        -> breadth-aggregator [breadth-state] -> signals (SECTOR:x, MARKET:ALL)
 * global: reference.tickers [reference-tickers], pattern-library [pattern-library]
 * </pre>
 * Every processor, store and internal topic has an explicit name ({@link Names}) and Kafka
 * Streams is told to refuse generated ones; every boundary has explicit serdes from the topic
 * catalog. Bad candles go to {@code candles.dlq} through the exception handlers the settings
 * install ({@link DeadLetterDeserializationHandler}, {@link DeadLetterProcessingHandler}).
 */
public final class StreamsTopology {

    private StreamsTopology() {
    }

    /** The topology with core's engine as the per-ticker model. */
    public static Topology build(StreamsSettings settings) {
        return build(settings, CoreTickerModels.of(settings));
    }

    /** The topology with the given per-ticker model (tests drive it with scripted models). */
    static Topology build(StreamsSettings settings, TickerModels models) {
        StreamsBuilder builder = new StreamsBuilder(new TopologyConfig(new StreamsConfig(settings.streamsProperties())));
        LibraryWatch watch = new LibraryWatch();

        builder.addGlobalStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(Names.REFERENCE_STORE),
                                EdgeloopSerdes.string(), Topics.REFERENCE_TICKERS.valueSerde()).withLoggingDisabled(),
                Topics.REFERENCE_TICKERS.name(), consumed(Topics.REFERENCE_TICKERS, Names.REFERENCE_UPDATE),
                () -> new GlobalTableUpdate<TickerReference>(Names.REFERENCE_STORE, () -> { }));
        builder.addGlobalStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(Names.LIBRARY_STORE),
                                EdgeloopSerdes.string(), Topics.PATTERN_LIBRARY.valueSerde()).withLoggingDisabled(),
                Topics.PATTERN_LIBRARY.name(), consumed(Topics.PATTERN_LIBRARY, Names.LIBRARY_UPDATE),
                () -> new GlobalTableUpdate<PatternDefinition>(Names.LIBRARY_STORE, watch::changed));

        builder.addStateStore(new DeferredKeyValueStore.Builder<>(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(Names.TICKER_STATE_STORE), EdgeloopSerdes.string(), Serdes.ByteArray()))
                .withCachingEnabled());
        builder.addStateStore(new DeferredKeyValueStore.Builder<>(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(Names.LATEST_STORE), EdgeloopSerdes.string(), Topics.SCORES.valueSerde()))
                .withCachingEnabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(Names.BREADTH_STORE),
                EdgeloopSerdes.string(), Serdes.ByteArray()).withCachingEnabled());

        CandleValidator validator = new CandleValidator(settings.clock());
        // One source node for both: a task reads its streams.control partition in event-time order with its candles.
        KStream<String, Object> outputs = builder
                .stream(List.of(Topics.CANDLES.name(), Topics.STREAMS_CONTROL.name()),
                        Consumed.with(EdgeloopSerdes.string(), candleInput()).withName(Names.CANDLES_SOURCE)
                                .withTimestampExtractor(new BarCloseTimestampExtractor()))
                .process(() -> new TickerProcessor(models, watch, settings, validator),
                        Named.as(Names.TICKER_MODEL), Names.TICKER_STATE_STORE, Names.LATEST_STORE);

        // The ticker model sends each output straight to its sink by name (no branching or mapping nodes).
        // Scores and ticker signals come encoded, in the catalog serde's bytes, written straight
        // from the model step (SnapshotEncoding, TickerSignals.encode) without building the records.
        encodedSink(outputs, Topics.SCORES, Names.SCORES_SINK);
        sink(outputs, Topics.PREDICTIONS, Names.PREDICTIONS_SINK);
        sink(outputs, Topics.TRADES, Names.TRADES_SINK);
        encodedSink(outputs, Topics.SIGNALS, Names.TICKER_SIGNALS_SINK);
        KStream<String, BreadthVote> votes = only(outputs);
        votes.repartition(Repartitioned.<String, BreadthVote>as(Names.BREADTH_REPARTITION)
                        .withKeySerde(EdgeloopSerdes.string())
                        .withValueSerde(BreadthVote.serde())
                        .withNumberOfPartitions(1))
                .process(() -> new BreadthProcessor(settings.signals(), settings.breadthIdle(),
                                settings.candlePartitions()),
                        Named.as(Names.BREADTH), Names.BREADTH_STORE)
                .to(Topics.SIGNALS.name(), Produced.with(Topics.SIGNALS.keySerde(), Topics.SIGNALS.valueSerde())
                        .withName(Names.BREADTH_SIGNALS_SINK));
        return builder.build();
    }

    /** A sink of the ticker model's outputs: the model forwards it only values of the topic's type. */
    private static <V> void sink(KStream<String, Object> outputs, Topic<String, V> topic, String name) {
        KStream<String, V> typed = only(outputs);
        typed.to(topic.name(), Produced.with(topic.keySerde(), topic.valueSerde()).withName(name));
    }

    /** A sink of values the ticker model forwards already encoded in the topic's value format. */
    private static void encodedSink(KStream<String, Object> outputs, Topic<String, ?> topic, String name) {
        KStream<String, byte[]> encoded = only(outputs);
        encoded.to(topic.name(), Produced.with(topic.keySerde(), Serdes.ByteArray()).withName(name));
    }

    /**
     * The ticker model's outputs as a stream of one value type, for a child node the model
     * forwards only that type to (by name); the same node, no mapping step.
     */
    @SuppressWarnings("unchecked")
    private static <V> KStream<String, V> only(KStream<String, Object> outputs) {
        return (KStream<String, V>) (KStream<String, ?>) outputs;
    }

    /**
     * Values of the ticker model's source: an Avro {@code Candle} from {@code candles}, a
     * {@code Long} input mark from {@code streams.control}, each decoded by its topic's serde.
     */
    private static Serde<Object> candleInput() {
        Serde<io.edgeloop.schemas.avro.Candle> candles = Topics.CANDLES.valueSerde();
        Serde<Long> marks = Topics.STREAMS_CONTROL.valueSerde();
        String control = Topics.STREAMS_CONTROL.name();
        Serializer<Object> serializer = (topic, value) -> control.equals(topic)
                ? marks.serializer().serialize(topic, (Long) value)
                : candles.serializer().serialize(topic, (io.edgeloop.schemas.avro.Candle) value);
        Deserializer<Object> deserializer = new Deserializer<>() {
            @Override
            public Object deserialize(String topic, byte[] data) {
                return control.equals(topic) ? marks.deserializer().deserialize(topic, data)
                        : candles.deserializer().deserialize(topic, data);
            }

            @Override
            public Object deserialize(String topic, Headers headers, byte[] data) {
                return control.equals(topic) ? marks.deserializer().deserialize(topic, headers, data)
                        : candles.deserializer().deserialize(topic, headers, data);
            }
        };
        return Serdes.serdeFrom(serializer, deserializer);
    }

    private static <V> Consumed<String, V> consumed(Topic<String, V> topic, String name) {
        return Consumed.with(topic.keySerde(), topic.valueSerde()).withName(name);
    }
}
