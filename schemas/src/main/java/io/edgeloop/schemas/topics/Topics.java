package io.edgeloop.schemas.topics;

import io.edgeloop.schemas.avro.ApprovalDecision;
import io.edgeloop.schemas.avro.Candle;
import io.edgeloop.schemas.avro.DeadLetter;
import io.edgeloop.schemas.avro.MarketSignal;
import io.edgeloop.schemas.avro.ModelChange;
import io.edgeloop.schemas.avro.Outcome;
import io.edgeloop.schemas.avro.PatternDefinition;
import io.edgeloop.schemas.avro.Prediction;
import io.edgeloop.schemas.avro.ScoreSnapshot;
import io.edgeloop.schemas.avro.TickerReference;
import io.edgeloop.schemas.avro.Trade;
import io.edgeloop.schemas.serde.EdgeloopSerdes;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Serdes;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The topic catalog: every topic of edgeloop's public API, with its serdes and broker settings.
 * Apps, tests, the local stack and the admin tooling use these constants, never literal names.
 *
 * <p>Partitions. Ticker-keyed topics have {@value #TICKER_PARTITIONS} partitions so the streams
 * and resolver apps scale to six instances, and so candles, reference data, scores, predictions,
 * trades and outcomes are co-partitioned (a key lands in the same partition number everywhere and
 * can be joined without repartitioning). The governance topics (pattern-library, model-changelog,
 * approvals) have one partition: the keeper applies changes in one total order and the library
 * version is a single counter, and the volume is tiny.
 *
 * <p>Retention. Candles keep 30 days: live apps keep their indicator state in state stores, the
 * resolver needs at most a horizon (5 trading days) plus grace after a prediction, and a month
 * leaves room to reprocess after an incident; a full rebuild (EMA200 on weekly bars needs years)
 * replays the feed files through the connector, not the topic. Scores keep 120 days: the weekly
 * retrospective looks back 90 days with 5-day lead-up windows, plus a month's margin. The dead
 * letters keep 90 days, time to inspect and replay. Predictions, trades, outcomes and approvals
 * are the model's audit trail and learning record, small (one record per decision), and kept
 * forever. Compacted topics are tables and keep their latest value per key forever; the
 * governance tables also keep every revision for at least 7 days ({@code min.compaction.lag.ms})
 * and tombstones for 7 days ({@code delete.retention.ms}), so a consumer that was down for a week
 * still sees each transition and each deletion.
 *
 * <p>{@link #RESOLVER_CONTROL} and {@link #STREAMS_CONTROL} are the operational topics. The first carries the operator's "resolve due
 * predictions now" requests to the resolver. It has the ticker partitions because a request is
 * written to every partition, so that each outcome task (one per ticker partition, co-partitioned
 * with predictions) reads it in order with its other input and acts on it in the same transaction;
 * with one partition only the task of partition 0 would see it. A request matters until the
 * outcome tasks have read it; it keeps as long as candles (30 days), so reprocessing the candles
 * still in Kafka meets every request made among them at the same place. {@link #STREAMS_CONTROL}
 * tells streams-app's ticker tasks, one record per partition, that the candle input has ended (a
 * replay's candles are all scored), so breadth stops waiting for that partition at a fixed point
 * in the data, not after a wall-clock silence.
 */
public final class Topics {

    /** Partitions of every ticker-keyed topic. */
    public static final int TICKER_PARTITIONS = 6;

    private static final Optional<Duration> FOREVER = Optional.empty();
    private static final Duration WEEK = Duration.ofDays(7);
    private static final Map<String, String> GOVERNANCE_TABLE = Map.of(
            TopicConfig.MIN_COMPACTION_LAG_MS_CONFIG, Long.toString(WEEK.toMillis()),
            TopicConfig.DELETE_RETENTION_MS_CONFIG, Long.toString(WEEK.toMillis()));

    /** OHLCV bars from the feeds, at the feed's base interval. */
    public static final Topic<String, Candle> CANDLES = events("candles", Candle.class, "ticker",
            "OHLCV bars as the feeds deliver them (any base interval); input of the streams app and of the resolver.",
            TICKER_PARTITIONS, days(30));

    /** Candle records that could not be read or ingested, verbatim with the reason. */
    public static final Topic<String, DeadLetter> CANDLES_DLQ = events("candles.dlq", DeadLetter.class,
            "the source record's key (ticker when readable)",
            "Candle records no app could decode or accept, with the raw bytes, reason and source coordinates.",
            1, days(90));

    /** Sector, asset class and session calendar per ticker. */
    public static final Topic<String, TickerReference> REFERENCE_TICKERS = table("reference.tickers",
            TickerReference.class, "ticker",
            "Reference data per ticker: sector, sector ETF, asset class and the session calendar bars are aggregated on.",
            TICKER_PARTITIONS, Map.of());

    /** The trail of snapshots: one per ticker and base bar. */
    public static final Topic<String, ScoreSnapshot> SCORES = events("scores", ScoreSnapshot.class, "ticker",
            "The trail fact per ticker and base bar: HTF/LTF scores, state, stage, flags per timeframe and matched "
                    + "patterns.",
            TICKER_PARTITIONS, days(120));

    /** Calls logged when the model's view of a ticker changes. */
    public static final Topic<String, Prediction> PREDICTIONS = events("predictions", Prediction.class, "ticker",
            "Predictions logged on a kanban stage change or a state flip, with direction, horizon, entry, "
                    + "confidence, the full snapshot, matched pattern ids and versions, and the library version.",
            TICKER_PARTITIONS, FOREVER);

    /** Paper and external trade events. */
    public static final Topic<String, Trade> TRADES = events("trades", Trade.class, "ticker",
            "Position events (open, trim, close), paper or external, linked to a prediction when there is one.",
            TICKER_PARTITIONS, FOREVER);

    /** The measured result of every prediction. */
    public static final Topic<String, Outcome> OUTCOMES = events("outcomes", Outcome.class, "ticker",
            "One outcome per prediction: return, MFE, MAE, time to peak, hit, and traded/skipped/missed.",
            TICKER_PARTITIONS, FOREVER);

    /** Latest net signal per ticker, sector and the market. */
    public static final Topic<String, MarketSignal> SIGNALS = table("signals", MarketSignal.class,
            "level:key, e.g. TICKER:AAPL, SECTOR:Energy, MARKET:ALL",
            "The latest net bull/bear signal at ticker, sector and market level, with breadth and regime.",
            TICKER_PARTITIONS, Map.of());

    /** The pattern library; the keeper in the resolver app is its only writer. */
    public static final Topic<String, PatternDefinition> PATTERN_LIBRARY = table("pattern-library",
            PatternDefinition.class, "pattern id",
            "The pattern library: each pattern's rule, status, statistics and revision; a tombstone deletes a "
                    + "pattern. Written only by the resolver's keeper; read by the streams app as a global table.",
            1, GOVERNANCE_TABLE);

    /** Proposed and applied changes to the library. */
    public static final Topic<String, ModelChange> MODEL_CHANGELOG = table("model-changelog", ModelChange.class,
            "change id",
            "Every proposed change to the library with its evidence, status, decision, and the library version "
                    + "and pattern before and after.",
            1, GOVERNANCE_TABLE);

    /** Operators' decisions on proposed changes. */
    public static final Topic<String, ApprovalDecision> APPROVALS = events("approvals", ApprovalDecision.class,
            "change id",
            "Operator decisions (approve, reject, rollback) with actor and reason; the keeper applies each at most once.",
            1, FOREVER);

    /**
     * Operator requests to the resolver to resolve due and expired predictions: key = who asked,
     * value = the stream time (epoch ms) to resolve at, as a Kafka {@code LongSerializer} value
     * (8 bytes, big-endian), not Avro. Written by the resolver's trigger (its query API) and the
     * admin, one record per partition; read only by the resolver.
     */
    public static final Topic<String, Long> RESOLVER_CONTROL = new Topic<>("resolver.control",
            EdgeloopSerdes.string(), Serdes.Long(), "who asked (operator name)",
            "Operator requests to resolve due and expired predictions at the resolver's latest stream time (value: "
                    + "epoch ms as an 8-byte big-endian long); one record per partition, read by every outcome task of "
                    + "the resolver.",
            TICKER_PARTITIONS, CleanupPolicy.DELETE, days(30), Map.of());

    /**
     * Candle input marks to streams-app: key = who wrote it, value = the bar close time (epoch ms)
     * through which the candle input of the partition is complete, {@link Long#MAX_VALUE} for "the
     * input has ended", as a Kafka {@code LongSerializer} value (not Avro). Written one record per
     * partition once streams-app has consumed the candles it vouches for (the replay does it when
     * streams-app has committed every candle); read only by streams-app's ticker tasks, with the
     * partitions of {@code candles}.
     */
    public static final Topic<String, Long> STREAMS_CONTROL = new Topic<>("streams.control",
            EdgeloopSerdes.string(), Serdes.Long(), "who wrote it",
            "Candle input marks to the streams app (value: the bar close time in epoch ms through which a partition's "
                    + "candle input is complete, Long.MAX_VALUE for its end, as an 8-byte big-endian long); one record per "
                    + "partition, read by every ticker task of the streams app.",
            TICKER_PARTITIONS, CleanupPolicy.DELETE, days(30), Map.of());

    private static final List<Topic<?, ?>> ALL = List.of(CANDLES, CANDLES_DLQ, REFERENCE_TICKERS, SCORES,
            PREDICTIONS, TRADES, OUTCOMES, SIGNALS, PATTERN_LIBRARY, MODEL_CHANGELOG, APPROVALS, RESOLVER_CONTROL,
            STREAMS_CONTROL);

    private Topics() {
    }

    /** Every topic, in the order of the design's topic table, then the two control topics. */
    public static List<Topic<?, ?>> all() {
        return ALL;
    }

    /** The topic with this name. */
    public static Optional<Topic<?, ?>> byName(String name) {
        return ALL.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    private static <V extends SpecificRecord> Topic<String, V> events(String name, Class<V> value, String keyDoc,
                                                                      String description, int partitions,
                                                                      Optional<Duration> retention) {
        return new Topic<>(name, EdgeloopSerdes.string(), EdgeloopSerdes.of(value), keyDoc, description, partitions,
                CleanupPolicy.DELETE, retention, Map.of());
    }

    private static Optional<Duration> days(int days) {
        return Optional.of(Duration.ofDays(days));
    }

    private static <V extends SpecificRecord> Topic<String, V> table(String name, Class<V> value, String keyDoc,
                                                                     String description, int partitions,
                                                                     Map<String, String> extraConfigs) {
        return new Topic<>(name, EdgeloopSerdes.string(), EdgeloopSerdes.of(value), keyDoc, description, partitions,
                CleanupPolicy.COMPACT, Optional.empty(), extraConfigs);
    }
}
