package io.edgeloop.resolver;

import io.edgeloop.core.config.AppConfig;
import io.edgeloop.core.config.Option;
import io.edgeloop.core.outcome.OutcomeConfig;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

/**
 * The resolver's options: set in a properties file ({@code outcome.grace.days=5}), the
 * environment ({@code APP_OUTCOME_GRACE_DAYS=5}) or a flag ({@code outcome.grace.days=5}), with
 * the precedence defaults &lt; file &lt; environment &lt; flags ({@link AppConfig}). Kafka
 * settings are {@code kafka.*} / {@code KAFKA_*}, e.g. {@code KAFKA_BOOTSTRAP_SERVERS}.
 */
public final class ResolverOptions {

    public static final Option<Integer> HORIZON_DAYS = Option.integer("outcome.horizon.days", 5,
            "Horizon in trading days for a prediction that carries none (predictions normally carry their own).");
    public static final Option<Double> HIT_THRESHOLD_PCT = Option.decimal("outcome.hit.threshold.pct", 2.0,
            "A directional prediction hits when its close-to-close return in its direction is at least this, in percent.");
    public static final Option<Integer> GRACE_DAYS = Option.integer("outcome.grace.days", 5,
            "Trading days after the horizon to wait for missing daily bars before a prediction expires.");
    public static final Option<String> EXCHANGE_ZONE = Option.string("outcome.exchange.zone", "America/New_York",
            "Time zone of the exchange, for a prediction's trading date (crypto pairs always use UTC).");
    public static final Option<Integer> RECENT_BARS = Option.integer("outcome.recent.bars", 40,
            "Daily bars kept per ticker, so a prediction arriving after some of its horizon bars still counts them.");
    public static final Option<Duration> SWEEP_INTERVAL = Option.duration("outcome.sweep.interval", Duration.ofHours(1),
            "Stream-time interval of the sweep that expires predictions of tickers that stopped trading.");
    public static final Option<Integer> RETENTION_DAYS = Option.integer("outcome.retention.days", 90,
            "Days of stream time after a prediction's bar that its id, outcome and trade link stay in the stores "
                    + "(at least 30); older predictions are refused, silent tickers' bars dropped.");
    public static final Option<Double> PATTERN_HIT_PCT = Option.decimal("learning.hit.threshold.pct", 2.0,
            "A pattern hits when the move in its own direction (a neutral pattern: either way) is at least this, in percent.");
    public static final Option<Double> PRIOR_ALPHA = Option.decimal("learning.prior.alpha", 1.0,
            "Beta prior pseudo-hits of every pattern's hit rate (1 with beta 1 is the uniform prior).");
    public static final Option<Double> PRIOR_BETA = Option.decimal("learning.prior.beta", 1.0,
            "Beta prior pseudo-misses of every pattern's hit rate.");
    public static final Option<Double> INTERVAL_LEVEL = Option.decimal("learning.interval.level", 0.95,
            "Coverage of the equal-tailed credible interval reported with each hit rate.");
    public static final Option<Integer> DEGRADE_MIN_N = Option.integer("degrade.min.n", 10,
            "Fewest outcomes before the fast loop may degrade a pattern.");
    public static final Option<Double> DEGRADE_FLOOR = Option.decimal("degrade.floor", 0.40,
            "Hit rate a pattern must beat; see degrade.confidence.");
    public static final Option<Double> DEGRADE_CONFIDENCE = Option.decimal("degrade.confidence", 0.9,
            "Degrade when the posterior P(hit rate < degrade.floor) is above this.");
    public static final Option<Duration> SEED_DELAY = Option.duration("keeper.seed.delay", Duration.ofSeconds(1),
            "Wall-clock delay after start before the keeper seeds an empty library (it also seeds on its first record).");
    public static final Option<Duration> LEARNING_IDLE = Option.duration("learning.idle.release",
            ResolverConfig.DEFAULT_LEARNING_IDLE,
            "Wall-clock time after which an outcome task that sent the keeper nothing (a partition without tickers, "
                    + "or whose tickers stopped) no longer holds learning back, until it reports again; 0s for never.");
    public static final Option<String> HTTP_HOST = Option.string("http.host", "127.0.0.1",
            "Address of the query API (0.0.0.0 in a container).");
    public static final Option<Integer> HTTP_PORT = Option.integer("http.port", 8082,
            "Port of the query API; 0 picks a free one.");
    public static final Option<String> STATE_DIR = Option.string("state.dir", "",
            "Directory of the RocksDB state stores; empty for the Kafka Streams default (kafka.state.dir also works).");
    public static final Option<Boolean> IN_MEMORY_STORES = Option.bool("stores.in.memory", false,
            "Keep state in memory (restored from the changelogs at each start): for tests, replays and the demo, "
                    + "whose state lives one run.");
    public static final Option<Boolean> CREATE_CONTROL_TOPIC = Option.bool("control.topic.create", true,
            "Create the resolver.control topic at start when it is missing (with the partitions of predictions); "
                    + "an existing one is left as it is.");

    private static final List<Option<?>> ALL = List.of(HORIZON_DAYS, HIT_THRESHOLD_PCT, GRACE_DAYS, EXCHANGE_ZONE,
            RECENT_BARS, SWEEP_INTERVAL, RETENTION_DAYS, PATTERN_HIT_PCT, PRIOR_ALPHA, PRIOR_BETA, INTERVAL_LEVEL,
            DEGRADE_MIN_N, DEGRADE_FLOOR, DEGRADE_CONFIDENCE, SEED_DELAY, LEARNING_IDLE, HTTP_HOST, HTTP_PORT, STATE_DIR, IN_MEMORY_STORES,
            CREATE_CONTROL_TOPIC);

    private ResolverOptions() {
    }

    /** Every option, for {@link AppConfig#resolve} and the help text. */
    public static List<Option<?>> all() {
        return ALL;
    }

    /**
     * The topology settings of a resolved configuration.
     *
     * @throws IllegalArgumentException with the option's name when a value is out of range
     */
    public static ResolverConfig topologyConfig(AppConfig config) {
        OutcomeConfig outcome = OutcomeConfig.defaults()
                .withHitThresholdPct(config.get(HIT_THRESHOLD_PCT))
                .withGraceTradingDays(config.get(GRACE_DAYS))
                .withExchangeZone(zone(config.get(EXCHANGE_ZONE)));
        LearningConfig learning = new LearningConfig(config.get(PATTERN_HIT_PCT), config.get(PRIOR_ALPHA),
                config.get(PRIOR_BETA), config.get(INTERVAL_LEVEL), config.get(DEGRADE_MIN_N), config.get(DEGRADE_FLOOR),
                config.get(DEGRADE_CONFIDENCE));
        return new ResolverConfig(outcome, config.get(HORIZON_DAYS), config.get(RECENT_BARS),
                config.get(SWEEP_INTERVAL), Duration.ofDays(config.get(RETENTION_DAYS)), learning, config.get(SEED_DELAY),
                config.get(IN_MEMORY_STORES), 0, config.get(LEARNING_IDLE), Clock.systemUTC());
    }

    private static ZoneId zone(String id) {
        try {
            return ZoneId.of(id);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(EXCHANGE_ZONE.name() + ": not a time zone: '" + id + "'", e);
        }
    }
}
