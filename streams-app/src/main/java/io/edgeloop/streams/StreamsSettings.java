package io.edgeloop.streams;

import io.edgeloop.kstreams.KafkaSettingNames;
import io.edgeloop.kstreams.StreamsTuning;
import io.edgeloop.core.config.AppConfig;
import io.edgeloop.core.model.ModelConfig;
import io.edgeloop.core.signals.SignalConfig;
import io.edgeloop.schemas.topics.Topics;
import io.edgeloop.core.stats.BetaPrior;
import org.apache.kafka.streams.StreamsConfig;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

/**
 * Everything the topology and the app are configured with, resolved and checked.
 *
 * @param streams     Kafka Streams properties (application id, bootstrap servers, processing
 *                    guarantee, handlers, state dir ...), complete
 * @param horizonDays trading days a prediction's outcome is measured over
 * @param confidence  how a prediction's confidence is derived
 * @param signals     weights and thresholds of the ticker, sector and market signals
 * @param breadthIdle wall-clock time after which an idle candle partition stops holding back breadth
 * @param clock       "now" of the candle validator (a candle may not open more than 2 days after it)
 * @param model       core's model thresholds (kanban thresholds from {@code kanban.*})
 * @param candlePartitions partitions of the {@code candles} topic, which breadth waits for
 */
public record StreamsSettings(Map<String, Object> streams, int horizonDays, ConfidenceRule confidence,
                              SignalConfig signals, Duration breadthIdle, Clock clock, ModelConfig model,
                              int candlePartitions) {

    /** Application id when none is configured. */
    public static final String DEFAULT_APPLICATION_ID = "edgeloop-streams";

    public StreamsSettings {
        streams = Map.copyOf(streams);
        Objects.requireNonNull(confidence, "confidence");
        Objects.requireNonNull(signals, "signals");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(model, "model");
        if (candlePartitions < 1) {
            throw new IllegalArgumentException("candle partitions must be >= 1, was " + candlePartitions);
        }
        if (horizonDays < 1) {
            throw new IllegalArgumentException("horizon.days must be >= 1, was " + horizonDays);
        }
        if (breadthIdle.isNegative() || breadthIdle.isZero()) {
            throw new IllegalArgumentException("signals.breadth.idle must be positive, was " + breadthIdle);
        }
        for (String key : new String[] {StreamsConfig.APPLICATION_ID_CONFIG, StreamsConfig.BOOTSTRAP_SERVERS_CONFIG}) {
            if (!streams.containsKey(key)) {
                throw new IllegalArgumentException("Kafka Streams setting " + key + " is missing");
            }
        }
    }

    /**
     * The app's own Streams defaults ({@link StreamsTuning#exactlyOnce}: exactly-once v2, explicit
     * names, the dead-letter handlers, one in-flight produce request, a one-second commit interval
     * and lingering batches) under the given properties.
     */
    public static Map<String, Object> streamsDefaults(Map<String, ?> overrides) {
        return StreamsTuning.exactlyOnce(DEFAULT_APPLICATION_ID, overrides);
    }

    /** Defaults of every option over the given Streams properties (tests, bench). */
    public static StreamsSettings defaults(Map<String, ?> streams) {
        return new StreamsSettings(streamsDefaults(streams), 5, ConfidenceRule.defaults(),
                SignalConfig.defaults(), Duration.ofSeconds(30), Clock.systemUTC(), ModelConfig.defaults(),
                Topics.CANDLES.partitions());
    }

    /** The settings of a resolved configuration ({@link StreamsOptions} and {@code kafka.*}). */
    public static StreamsSettings from(AppConfig config) {
        KafkaSettingNames.requireKnown(config.kafka().keySet());
        Map<String, Object> kafka = new LinkedHashMap<>();
        kafka.put(StreamsConfig.STATE_DIR_CONFIG, config.get(StreamsOptions.STATE_DIR));
        String server = config.get(StreamsOptions.APPLICATION_SERVER);
        if (!server.isBlank()) {
            kafka.put(StreamsConfig.APPLICATION_SERVER_CONFIG, server);
        }
        kafka.putAll(config.kafka());
        ConfidenceRule confidence = new ConfidenceRule(config.get(StreamsOptions.CONFIDENCE_HIGH),
                config.get(StreamsOptions.CONFIDENCE_MEDIUM),
                new BetaPrior(config.get(StreamsOptions.PRIOR_ALPHA), config.get(StreamsOptions.PRIOR_BETA)),
                config.get(StreamsOptions.INTERVAL_LEVEL));
        return new StreamsSettings(streamsDefaults(kafka), config.get(StreamsOptions.HORIZON_DAYS), confidence,
                SignalConfig.defaults().withMinMarketTickers(config.get(StreamsOptions.MIN_MARKET_TICKERS)),
                config.get(StreamsOptions.BREADTH_IDLE), Clock.systemUTC(), KanbanOptions.model(config),
                config.get(StreamsOptions.CANDLE_PARTITIONS));
    }

    /** The application id. */
    public String applicationId() {
        return String.valueOf(streams.get(StreamsConfig.APPLICATION_ID_CONFIG));
    }

    /** The Streams properties as {@link Properties}, for {@code KafkaStreams} and the test driver. */
    public Properties streamsProperties() {
        Properties p = new Properties();
        p.putAll(streams);
        return p;
    }

    /** A copy with other Streams properties merged over these. */
    public StreamsSettings withStreams(Map<String, ?> overrides) {
        Map<String, Object> merged = new LinkedHashMap<>(streams);
        merged.putAll(overrides);
        return new StreamsSettings(streamsDefaults(merged), horizonDays, confidence, signals, breadthIdle, clock, model,
                candlePartitions);
    }

    /** A copy with another validator clock (replays and tests pin "now"). */
    public StreamsSettings withClock(Clock newClock) {
        return new StreamsSettings(streams, horizonDays, confidence, signals, breadthIdle, newClock, model,
                candlePartitions);
    }

    /** A copy with another horizon. */
    public StreamsSettings withHorizonDays(int days) {
        return new StreamsSettings(streams, days, confidence, signals, breadthIdle, clock, model, candlePartitions);
    }

    /** A copy with another number of candle partitions for breadth to wait for. */
    public StreamsSettings withCandlePartitions(int count) {
        return new StreamsSettings(streams, horizonDays, confidence, signals, breadthIdle, clock, model, count);
    }

    /** A copy with another breadth idle timeout. */
    public StreamsSettings withBreadthIdle(Duration idle) {
        return new StreamsSettings(streams, horizonDays, confidence, signals, idle, clock, model, candlePartitions);
    }
}
