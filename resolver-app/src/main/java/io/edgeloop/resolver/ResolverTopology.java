package io.edgeloop.resolver;

import io.edgeloop.schemas.topics.Topic;
import io.edgeloop.schemas.topics.Topics;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyConfig;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;

import java.util.Map;
import java.util.Properties;

/**
 * The resolver's topology, built by a pure factory.
 *
 * <pre>
 * predictions ──────┐
 * candles ──────────┤ event time  outcome-resolver ──> outcomes
 * trades ───────────┤             [predictions, pending, outcomes, ticker days, forming days, trade links,
 *                   │              recent trades, clock, totals]
 * resolver.control ─┘                  │ RESOLVED outcomes and progress marks
 *                                      v
 *                      learning (repartition to 1 partition)
 * model-changelog (PROPOSED) ──┐       │
 * approvals ───────────────────┴───> keeper ──> pattern-library (patterns, tombstones)
 *                                    [keeper state, changelog, library, pattern stats, learning buffer]
 *                                       └────> model-changelog (answers, header edgeloop.writer)
 * </pre>
 *
 * The outcome tasks are partitioned by ticker (the ticker-keyed topics are co-partitioned); the
 * keeper is one task, because every governance input has one partition.
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
        for (StoreSpec<?, ?> store : ResolverStores.ALL) {
            builder.addStateStore(store.builder(config.inMemoryStores()));
        }
        KStream<String, ResolverInput> predictions = source(builder, Topics.PREDICTIONS)
                .<ResolverInput>mapValues(ResolverInput.NewPrediction::new, Named.as("predictions-as-input"));
        KStream<String, ResolverInput> candles = source(builder, Topics.CANDLES)
                .<ResolverInput>mapValues(ResolverInput.NewCandle::new, Named.as("candles-as-input"));
        KStream<String, ResolverInput> trades = source(builder, Topics.TRADES)
                .<ResolverInput>mapValues(ResolverInput.NewTrade::new, Named.as("trades-as-input"));
        KStream<String, ResolverInput> requests = source(builder, Topics.RESOLVER_CONTROL)
                .<ResolverInput>mapValues((who, asOf) -> new ResolverInput.ResolveDue(
                        who == null ? "unnamed" : who, asOf == null ? 0 : asOf), Named.as("control-as-input"));
        KStream<String, OutcomeOutput> written = predictions
                .merge(candles, Named.as("merge-candles"))
                .merge(trades, Named.as("merge-trades"))
                .merge(requests, Named.as("merge-control"))
                .process(() -> new OutcomeProcessor(config), Named.as("outcome-resolver"),
                        ResolverStores.OUTCOME_STORES.stream().map(StoreSpec::name).toArray(String[]::new));
        Map<String, KStream<String, OutcomeOutput>> split = written.split(Named.as("outcome-output-"))
                .branch((ticker, out) -> out instanceof OutcomeOutput.Published, Branched.as("outcomes"))
                .defaultBranch(Branched.as("learning"));
        split.get("outcome-output-outcomes")
                .mapValues(out -> ((OutcomeOutput.Published) out).outcome(), Named.as("outcome-values"))
                .to(Topics.OUTCOMES.name(), Produced.with(Topics.OUTCOMES.keySerde(), Topics.OUTCOMES.valueSerde())
                        .withName("outcomes-sink"));
        KStream<String, LearningRecord> learning = split.get("outcome-output-learning")
                .mapValues(out -> ((OutcomeOutput.Learning) out).record(), Named.as("learning-values"));
        keeper(builder, learning, config);
        return builder.build();
    }

    /**
     * The keeper's sub-topology: proposals, decisions and resolved outcomes (moved to one
     * partition) into the keeper, whose output is split into the library and the changelog.
     */
    private static void keeper(StreamsBuilder builder, KStream<String, LearningRecord> learnt, ResolverConfig config) {
        KStream<String, KeeperInput> proposals = source(builder, Topics.MODEL_CHANGELOG)
                .filter((id, change) -> change != null, Named.as("model-changelog-values"))
                .<KeeperInput>mapValues(KeeperInput.Proposal::new, Named.as("proposals-as-input"));
        KStream<String, KeeperInput> approvals = source(builder, Topics.APPROVALS)
                .filter((id, decision) -> decision != null, Named.as("approvals-values"))
                .<KeeperInput>mapValues(KeeperInput.Approval::new, Named.as("approvals-as-input"));
        KStream<String, KeeperInput> learning = learnt
                .repartition(Repartitioned.<String, LearningRecord>as("learning")
                        .withKeySerde(Topics.OUTCOMES.keySerde()).withValueSerde(LearningRecord.SERDE)
                        .withNumberOfPartitions(1))
                .<KeeperInput>mapValues(KeeperInput.Learning::new, Named.as("learning-as-input"));
        KStream<String, KeeperOutput> written = proposals
                .merge(approvals, Named.as("merge-approvals"))
                .merge(learning, Named.as("merge-learning"))
                .process(() -> new KeeperProcessor(config), Named.as("keeper"),
                        ResolverStores.KEEPER_STORES.stream().map(StoreSpec::name).toArray(String[]::new));
        written.split(Named.as("keeper-output-"))
                .branch((id, out) -> out instanceof KeeperOutput.LibraryUpdate, Branched.withConsumer(library -> library
                        .mapValues(out -> ((KeeperOutput.LibraryUpdate) out).pattern(), Named.as("library-values"))
                        .to(Topics.PATTERN_LIBRARY.name(), Produced.with(Topics.PATTERN_LIBRARY.keySerde(),
                                Topics.PATTERN_LIBRARY.valueSerde()).withName("pattern-library-sink")), "library"))
                .defaultBranch(Branched.withConsumer(changes -> changes
                        .mapValues(out -> ((KeeperOutput.ChangelogUpdate) out).change(), Named.as("changelog-values"))
                        .to(Topics.MODEL_CHANGELOG.name(), Produced.with(Topics.MODEL_CHANGELOG.keySerde(),
                                Topics.MODEL_CHANGELOG.valueSerde()).withName("model-changelog-sink")), "changelog"));
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
