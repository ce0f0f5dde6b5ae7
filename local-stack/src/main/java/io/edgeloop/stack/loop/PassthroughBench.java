package io.edgeloop.stack.loop;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.edgeloop.schemas.topics.Topics;

/**
 * The yardstick of the replay's speed: a plain Kafka Streams passthrough {@code candles ->
 * bench.copy} (Avro decode and encode, exactly-once v2, one thread, one in-flight request per
 * connection: streams-app's settings), run on the loop's broker over the candles the replay
 * loaded; {@code edgeloop bench streams} measures streams-app's topology against the same one.
 *
 * <p>Two figures: end to end, candles / seconds from starting the client until its group has
 * committed every candle (start-up and the first rebalance included, as the replay's end-to-end
 * figure includes its connector and commits); and processing, candles / seconds from the first
 * to the last record its thread processed ({@code process-total}), start-up left out.
 */
public final class PassthroughBench {

    /** The copy topic. */
    static final String COPY = "bench.copy";
    private static final String APP_ID = "edgeloop-bench-passthrough";
    private static final Logger LOG = LoggerFactory.getLogger(PassthroughBench.class);

    private PassthroughBench() {
    }

    /**
     * The measured figures.
     *
     * @param candles            records copied
     * @param endToEndPerSecond  candles / (start to every offset committed)
     * @param processingPerSecond candles / (first to last record processed)
     */
    public record Result(long candles, double endToEndPerSecond, double processingPerSecond) {
    }

    /** Runs the passthrough over every record of {@code candles} on the loop's broker. */
    public static Result run(Loop loop, Duration timeout) throws InterruptedException {
        String bootstrap = loop.bootstrapServers();
        createCopyTopic(bootstrap);
        long candles;
        try (Offsets offsets = new Offsets(bootstrap)) {
            candles = offsets.ends(offsets.partitions(List.of(Topics.CANDLES.name()))).values().stream()
                    .mapToLong(Long::longValue).sum();
            Properties p = new Properties();
            p.put(StreamsConfig.APPLICATION_ID_CONFIG, APP_ID);
            p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            p.put(StreamsConfig.STATE_DIR_CONFIG, loop.runDir().resolve("state").resolve("passthrough").toString());
            p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
            p.put(StreamsConfig.producerPrefix(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION), 1);
            try (KafkaStreams streams = new KafkaStreams(topology(), p)) {
                long start = System.nanoTime();
                long deadline = start + timeout.toNanos();
                long first = 0;
                long last = 0;
                double done = 0;
                streams.start();
                while (done < candles) {
                    done = processed(streams);
                    if (first == 0 && done > 0) {
                        first = System.nanoTime();
                    }
                    check(deadline, streams, done, candles);
                    Thread.sleep(2);
                }
                last = System.nanoTime();
                while (offsets.lag(APP_ID, List.of(Topics.CANDLES.name())) > 0) {
                    check(deadline, streams, done, candles);
                    Thread.sleep(10);
                }
                long end = System.nanoTime();
                LOG.info("passthrough: {} candles, {} ms end to end, {} ms processing", candles, (end - start) / 1_000_000,
                        (last - first) / 1_000_000);
                return new Result(candles, candles / ((end - start) / 1e9), candles / ((last - first) / 1e9));
            }
        }
    }

    /** The passthrough {@code candles -> bench.copy}, with the catalog's candle serdes both ways. */
    public static Topology topology() {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(Topics.CANDLES.name(), Consumed.with(Topics.CANDLES.keySerde(), Topics.CANDLES.valueSerde())
                        .withName("bench-candles-source"))
                .to(COPY, Produced.with(Topics.CANDLES.keySerde(), Topics.CANDLES.valueSerde()).withName("bench-copy-sink"));
        return builder.build();
    }

    private static double processed(KafkaStreams streams) {
        double sum = 0;
        for (Map.Entry<MetricName, ? extends Metric> e : streams.metrics().entrySet()) {
            if (e.getKey().group().equals("stream-thread-metrics") && e.getKey().name().equals("process-total")
                    && e.getValue().metricValue() instanceof Double d) {
                sum += d;
            }
        }
        return sum;
    }

    private static void check(long deadline, KafkaStreams streams, double done, long expected) {
        if (streams.state() == KafkaStreams.State.ERROR || streams.state() == KafkaStreams.State.NOT_RUNNING) {
            throw new IllegalStateException("the passthrough stopped (state " + streams.state() + ")");
        }
        if (System.nanoTime() - deadline > 0) {
            throw new IllegalStateException("the passthrough copied " + done + " of " + expected + " candles in time");
        }
    }

    private static void createCopyTopic(String bootstrap) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(COPY, Optional.of(Topics.CANDLES.partitions()), Optional.empty())))
                    .all().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating " + COPY, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot create " + COPY + ": " + e.getMessage(), e);
        }
    }
}
