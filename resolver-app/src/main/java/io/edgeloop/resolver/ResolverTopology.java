package io.edgeloop.resolver;

import io.edgeloop.schemas.avro.Outcome;
import io.edgeloop.schemas.topics.Topic;
import io.edgeloop.schemas.topics.Topics;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;

import java.util.Properties;

/**
 * The resolver's topology, built by a pure factory.
 *
 * <pre>
 * predictions ─┐
 * candles ─────┤ (event time)  outcome-resolver ──> outcomes
 * trades ──────┤               [pending, outcomes, predictions, ticker days, trade links, clock]
 * resolver.control ─┘
 * </pre>
 *
 * Every source, processor, sink and store has an explicit name, and the topology is built with
 * {@code ensure.explicit.internal.resource.naming}, so a generated name can never slip in and
 * change a changelog or repartition topic between releases.
 */
public final class ResolverTopology {

    private static final EventTimeExtractor EVENT_TIME = new EventTimeExtractor();

    private ResolverTopology() {
    }

    /** The topology for the given settings; no side effect, nothing started. */
    public static Topology build(ResolverConfig config) {
        StreamsBuilder builder = new StreamsBuilder(new TopologyConfig(new StreamsConfig(namingCheck())));
        for (StoreSpec<?, ?> store : ResolverStores.OUTCOME_STORES) {
            builder.addStateStore(store.builder());
        }
        KStream<String, ResolverInput> predictions = source(builder, Topics.PREDICTIONS)
                .<ResolverInput>mapValues(ResolverInput.NewPrediction::new, Named.as("predictions-as-input"));
        KStream<String, ResolverInput> candles = source(builder, Topics.CANDLES)
                .<ResolverInput>mapValues(ResolverInput.NewCandle::new, Named.as("candles-as-input"));
        KStream<String, ResolverInput> trades = source(builder, Topics.TRADES)
                .<ResolverInput>mapValues(ResolverInput.NewTrade::new, Named.as("trades-as-input"));
        KStream<String, ResolverInput> requests = source(builder, ResolverTopics.CONTROL)
                .<ResolverInput>mapValues((who, asOf) -> new ResolverInput.ResolveDue(
                        who == null ? "unnamed" : who, asOf == null ? 0 : asOf), Named.as("control-as-input"));
        KStream<String, Outcome> outcomes = predictions
                .merge(candles, Named.as("merge-candles"))
                .merge(trades, Named.as("merge-trades"))
                .merge(requests, Named.as("merge-control"))
                .process(() -> new OutcomeProcessor(config), Named.as("outcome-resolver"),
                        ResolverStores.OUTCOME_STORES.stream().map(StoreSpec::name).toArray(String[]::new));
        outcomes.to(Topics.OUTCOMES.name(), Produced.with(Topics.OUTCOMES.keySerde(), Topics.OUTCOMES.valueSerde())
                .withName("outcomes-sink"));
        return builder.build();
    }

    private static <V> KStream<String, V> source(StreamsBuilder builder, Topic<String, V> topic) {
        return builder.stream(topic.name(), Consumed.with(topic.keySerde(), topic.valueSerde())
                .withTimestampExtractor(EVENT_TIME).withName(topic.name() + "-source"));
    }

    /**
     * Only what building needs: the naming check. Client settings come from the app's config
     * when the topology is run ({@link StreamsConfig} requires an id and servers to exist).
     */
    private static Properties namingCheck() {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "edgeloop-resolver");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
        return props;
    }
}
