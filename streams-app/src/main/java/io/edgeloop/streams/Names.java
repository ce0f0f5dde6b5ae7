package io.edgeloop.streams;

/**
 * Every name the topology gives a processor, a state store or an internal topic. Kafka Streams
 * derives changelog and repartition topic names from them ({@code <application.id>-<store>-changelog},
 * {@code <application.id>-breadth-repartition}), so they are part of the app's operational
 * contract: renaming one orphans its topic. {@code StreamsTopologyTest} pins them.
 */
final class Names {

    static final String CANDLES_SOURCE = "candles-source";
    static final String TICKER_MODEL = "ticker-model";
    static final String SCORES_SINK = "scores-sink";
    static final String PREDICTIONS_SINK = "predictions-sink";
    static final String TRADES_SINK = "trades-sink";
    static final String TICKER_SIGNALS_SINK = "ticker-signals-sink";
    /** Repartition to one partition: topic {@code <application.id>-breadth-repartition}. */
    static final String BREADTH_REPARTITION = "breadth";
    /** The repartition's first node (Kafka Streams names it after the repartition): the ticker model sends votes there. */
    static final String BREADTH_VOTES = BREADTH_REPARTITION + "-repartition-filter";
    static final String BREADTH = "breadth-aggregator";
    static final String BREADTH_SIGNALS_SINK = "breadth-signals-sink";

    /** Global store processors; Kafka Streams names their sources {@code <name>-source}. */
    static final String REFERENCE_UPDATE = "reference-tickers-update";
    static final String LIBRARY_UPDATE = "pattern-library-update";

    /** Per ticker and base interval: the engine state and the last accepted bar. */
    static final String TICKER_STATE_STORE = "ticker-state";
    /** Per ticker and base interval: the latest {@code ScoreSnapshot}, for queries. */
    static final String LATEST_STORE = "latest-snapshots";
    /** Breadth members, pending updates, partition progress and the latest sector and market signals. */
    static final String BREADTH_STORE = "breadth-state";
    /** Global: {@code reference.tickers} by ticker. */
    static final String REFERENCE_STORE = "reference-tickers";
    /** Global: {@code pattern-library} by pattern id. */
    static final String LIBRARY_STORE = "pattern-library";

    private Names() {
    }
}
