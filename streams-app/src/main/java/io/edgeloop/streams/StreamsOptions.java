package io.edgeloop.streams;

import io.edgeloop.core.config.Option;
import io.edgeloop.schemas.topics.Topics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The streams app's options. Each is set as {@code name=value} in a properties file or a flag,
 * or as {@code APP_NAME_WITH_UNDERSCORES} in the environment; Kafka client and Streams settings
 * are {@code kafka.*} / {@code KAFKA_*} (see {@link io.edgeloop.core.config.AppConfig}).
 */
public final class StreamsOptions {

    public static final Option<Integer> HORIZON_DAYS = Option.integer("horizon.days", 5,
            "Trading days after a prediction's bar within which its outcome is measured.");
    public static final Option<String> HTTP_HOST = Option.string("http.host", "localhost",
            "Interface the query API listens on (0.0.0.0 for every interface).");
    public static final Option<Integer> HTTP_PORT = Option.integer("http.port", 7081,
            "Port of the query API (0 = any free port).");
    public static final Option<String> STATE_DIR = Option.string("state.dir", ".edgeloop/state/streams",
            "Directory of the RocksDB state stores (Kafka Streams' state.dir unless kafka.state.dir is set).");
    public static final Option<String> APPLICATION_SERVER = Option.string("application.server", "",
            "host:port other instances use to reach this one's query API (Kafka Streams' application.server); "
                    + "empty = http.host:http.port.");
    public static final Option<Double> CONFIDENCE_HIGH = Option.decimal("confidence.high", 0.7,
            "A prediction's confidence is HIGH when the supporting pattern's posterior mean is above this.");
    public static final Option<Double> CONFIDENCE_MEDIUM = Option.decimal("confidence.medium", 0.4,
            "... MEDIUM when above this, else LOW.");
    public static final Option<Double> PRIOR_ALPHA = Option.decimal("confidence.prior.alpha", 1.0,
            "Beta prior pseudo-hits of the confidence reported when no pattern supports a prediction.");
    public static final Option<Double> PRIOR_BETA = Option.decimal("confidence.prior.beta", 1.0,
            "Beta prior pseudo-misses of that confidence.");
    public static final Option<Double> INTERVAL_LEVEL = Option.decimal("confidence.interval.level", 0.95,
            "Coverage of the prior's credible interval reported when no pattern supports a prediction.");
    public static final Option<Integer> MIN_MARKET_TICKERS = Option.integer("signals.min.market.tickers", 10,
            "Below this many tickers the market regime is INSUFFICIENT_DATA.");
    public static final Option<Duration> BREADTH_IDLE = Option.duration("signals.breadth.idle", Duration.ofSeconds(30),
            "Wall-clock time after which a candle partition that sent nothing stops holding back sector and market "
                    + "breadth (like max.task.idle.ms: progress over strict event-time order when a feed is idle); the one "
                    + "timing-dependent path. An end-of-input mark on streams.control releases a partition without it.");

    public static final Option<Integer> CANDLE_PARTITIONS = Option.integer("signals.breadth.partitions",
            Topics.CANDLES.partitions(), "Partitions of the candles topic, each of which sector and market breadth "
                    + "wait for. Used only when the app cannot read the count from the broker at start (the broker's "
                    + "count wins).");

    public static final Option<Boolean> CREATE_CONTROL_TOPIC = Option.bool("control.topic.create", true,
            "Create the streams.control topic at start when it is missing (with the partitions of candles); "
                    + "an existing one is left as it is.");

    private static final List<Option<?>> ALL = all(List.of(HORIZON_DAYS, HTTP_HOST, HTTP_PORT, STATE_DIR,
            APPLICATION_SERVER, CONFIDENCE_HIGH, CONFIDENCE_MEDIUM, PRIOR_ALPHA, PRIOR_BETA, INTERVAL_LEVEL,
            MIN_MARKET_TICKERS, BREADTH_IDLE, CANDLE_PARTITIONS, CREATE_CONTROL_TOPIC));

    private StreamsOptions() {
    }

    /** Every option, in documentation order: the app's own, then the kanban thresholds ({@code kanban.*}). */
    public static List<Option<?>> all() {
        return ALL;
    }

    private static List<Option<?>> all(List<Option<?>> own) {
        List<Option<?>> all = new ArrayList<>(own);
        all.addAll(KanbanOptions.ALL);
        return List.copyOf(all);
    }
}
