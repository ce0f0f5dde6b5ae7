package io.edgeloop.stack;

import io.edgeloop.core.candle.Candle;
import io.edgeloop.core.candle.CandleFiles;
import io.edgeloop.core.candle.CandleNormaliser;
import io.edgeloop.core.candle.SessionCalendar;
import io.edgeloop.embedded.Directories;
import io.edgeloop.embedded.EmbeddedKafka;
import io.edgeloop.schemas.serde.EdgeloopSerdes;
import io.edgeloop.schemas.topics.CleanupPolicy;
import io.edgeloop.schemas.topics.Topic;
import io.edgeloop.schemas.topics.Topics;
import io.edgeloop.stack.loop.PassthroughBench;
import io.edgeloop.stack.loop.RunDirectory;
import io.edgeloop.streams.IngestCounters;
import io.edgeloop.streams.StreamsSettings;
import io.edgeloop.streams.StreamsTopology;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.CompilationMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;

/**
 * The streams benchmark, on an embedded broker in one run: the same candles through (a) a plain
 * Kafka Streams passthrough {@code candles -> copy} (Avro decode and encode, exactly-once, Kafka
 * Streams' defaults), (a') the same passthrough with the app's Streams settings (commit interval,
 * producer batching: {@link StreamsSettings#streamsDefaults}) and (b) the full topology
 * (exactly-once, the app's settings): streams-app's {@link StreamsTopology}. Prints the
 * throughputs, the ratios b/a and b/a', the per-candle cost of the topology's own work, 1/b - 1/a,
 * the CPU time each app's threads spent per candle (steadier than wall time on a shared machine)
 * and what (b) wrote per candle and topic.
 *
 * <p>Throughput is measured while each app works through the candles, from the first candle it
 * processed to the last, by its own metrics (a: the thread's {@code process-total}, b: the
 * {@code accepted} candle counter), so start-up, the first rebalance and the final commit are
 * left out of all alike; each run must then commit all its outputs. The three alternate for a number of rounds (each with a fresh
 * application id) and the medians are reported, so a machine whose load drifts does not favour
 * one side; warm-up rounds of all three are not counted: those asked for, and more (at most
 * {@link #MAX_EXTRA_WARMUPS}) while the JIT still compiles for over {@link #SETTLED_JIT_SHARE} of
 * a (b) round. The broker, the bench and three apps share one JVM, and on a two-core machine its
 * compiler threads still took a third to half of a (b) round's wall time after three warm-up
 * rounds, while the topology's code ran partly unoptimised. Each round's b/a is printed too, and
 * their median: a round's (a) and (b) run back to back, so a drift of the machine cancels out. Run by
 * {@code edgeloop bench streams} ({@link BenchCommand}).
 */
final class StreamsBench {

    private static final Topic<String, io.edgeloop.schemas.avro.Candle> COPY = new Topic<>("bench.copy",
            EdgeloopSerdes.string(), Topics.CANDLES.valueSerde(), "ticker", "Passthrough copy of candles (bench only).",
            Topics.TICKER_PARTITIONS, CleanupPolicy.DELETE, Optional.empty(), Map.of());

    /**
     * A (b) round in which the JIT compiled for more than this share of its wall time is a warm-up
     * round even after those asked for: on a two-core machine the compiler threads take the CPU
     * the app and the broker need, and the topology's code is not compiled yet.
     */
    static final double SETTLED_JIT_SHARE = 0.1;
    /** Warm-up rounds the bench adds at most, waiting for the JIT to settle. */
    static final int MAX_EXTRA_WARMUPS = 5;

    /** How often the bench looks for new counting metrics while it polls the known ones. */
    private static final long RESCAN_NANOS = Duration.ofSeconds(1).toNanos();

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(StreamsBench.class);

    private StreamsBench() {
    }

    /**
     * What one app wrote to one topic during a run, as its producers counted it (batches as sent,
     * after compression).
     */
    record Written(String topic, long records, long bytes) {
    }

    /**
     * Throughput of one measured run, the CPU time its threads (stream thread, producer and
     * consumer threads: every thread named after the application id) spent per candle meanwhile,
     * what it wrote per topic, and what slowed it down besides its own work.
     *
     * @param gcMillis     the JVM's garbage collection time while the app worked through the candles
     * @param jitMillis    the JIT compilers' time meanwhile (the whole JVM: broker and bench too);
     *                     on a two-core machine it takes CPU from the app
     * @param processCores CPU time of the whole JVM (broker, JIT, GC, every app) per second of the run
     * @param commitMillis the stream threads' time in commits (commit-total x commit-latency-avg,
     *                     start-up included)
     * @param streamThreadCores CPU time of the app's stream threads alone per second of the run: below
     *                     one (per thread) while they wait or the other threads have the cores
     */
    record Run(double perSecond, double cpuMicros, List<Written> written, double gcMillis, double jitMillis,
               double processCores, double commitMillis, double streamThreadCores) {

        /** The JIT's time as a share of the run's wall time ({@code candles} processed). */
        double jitShare(int candles) {
            return jitMillis / 1e3 / (candles / perSecond);
        }
    }

    /**
     * The measured figures of one bench run.
     *
     * @param askedWarmups the warm-up rounds asked for
     * @param warmups rounds run before the counted ones and not counted: at least those asked,
     *                more while the JIT still compiled for a good part of the (b) round
     * @param tunedPassthroughPerSecond the passthrough with the app's Streams defaults
     *                                  ({@link StreamsSettings#streamsDefaults}: commit interval, batching)
     * @param written what the median round's full topology wrote per topic
     * @param rounds  every round's candles per second of (a), (a') and (b), in that order
     * @param cpu     every round's CPU microseconds per candle of (a), (a') and (b), in that order
     * @param topologyRounds every round of (b), for its GC and commit times
     * @param variant        the Streams settings of (b2), empty for none
     * @param variantRounds  every round of (b2), the full topology again with {@code variant} over
     *                       its settings, run right after (b) (empty without a variant)
     */
    record Result(int candles, int askedWarmups, int warmups, double passthroughPerSecond, double tunedPassthroughPerSecond,
                  double topologyPerSecond, List<Written> written, List<List<Double>> rounds,
                  List<List<Double>> cpu, List<Run> topologyRounds, Map<String, Object> variant,
                  List<Run> variantRounds) {

        double ratio() {
            return topologyPerSecond / passthroughPerSecond;
        }

        /** b over the passthrough with the app's own Streams settings. */
        double tunedRatio() {
            return topologyPerSecond / tunedPassthroughPerSecond;
        }

        /**
         * b/a of each counted round: its (a) and (b) ran one after the other, so a drift of the
         * machine's speed between rounds cancels out.
         */
        List<Double> roundRatios() {
            List<Double> ratios = new ArrayList<>();
            for (int i = 0; i < rounds.get(0).size(); i++) {
                ratios.add(rounds.get(2).get(i) / rounds.get(0).get(i));
            }
            return ratios;
        }

        /** Microseconds per candle of the topology's own work: 1/b - 1/a. */
        double ownMicros() {
            return 1e6 / topologyPerSecond - 1e6 / passthroughPerSecond;
        }
    }

    /** Prints the figures of a run over the files {@code glob} matched. */
    static void print(Result r, String glob, PrintWriter out) {
        int rounds = r.rounds().get(0).size();
        double cpuA = median(r.cpu().get(0));
        double cpuB = median(r.cpu().get(2));
        out.printf(Locale.ROOT, "candles                 %d (%s), median of %d alternating rounds after %d warm-up rounds%n",
                r.candles(), glob, rounds, r.warmups());
        if (r.warmups() > r.askedWarmups()) {
            out.printf(Locale.ROOT, "                        (%d asked; more while the JIT compiled for over %.0f%% of a (b) round)%n",
                    r.askedWarmups(), 100 * SETTLED_JIT_SHARE);
        }
        out.printf(Locale.ROOT, "(a) passthrough         %,.0f candles/s (Kafka Streams defaults, EOS)%n",
                r.passthroughPerSecond());
        out.printf(Locale.ROOT, "(a') passthrough        %,.0f candles/s (the app's Streams settings, EOS)%n",
                r.tunedPassthroughPerSecond());
        out.printf(Locale.ROOT, "(b) full topology, EOS  %,.0f candles/s%n", r.topologyPerSecond());
        out.printf(Locale.ROOT, "rounds (a) / (a') / (b)  %s / %s / %s%n", rounds(r.rounds().get(0)),
                rounds(r.rounds().get(1)), rounds(r.rounds().get(2)));
        out.printf(Locale.ROOT, "b/a                     %.2f (goal >= 0.5)%n", r.ratio());
        List<Double> ratios = r.roundRatios();
        out.printf(Locale.ROOT, "b/a per round           %s (median %.2f; each round's (a) and (b) ran back to back)%n",
                decimals(ratios, "%.2f"), median(ratios));
        out.printf(Locale.ROOT, "b/a'                    %.2f (same Streams settings on both sides)%n",
                r.tunedRatio());
        out.printf(Locale.ROOT, "topology's own work     %.1f us per candle (1/b - 1/a), %.1f us (1/b - 1/a')%n",
                r.ownMicros(), 1e6 / r.topologyPerSecond() - 1e6 / r.tunedPassthroughPerSecond());
        out.printf(Locale.ROOT, "CPU per candle          (a) %.1f us, (a') %.1f us, (b) %.1f us (medians; the app's threads)%n",
                cpuA, median(r.cpu().get(1)), cpuB);
        out.printf(Locale.ROOT, "b/a by CPU time         %.2f (CPU a / CPU b: what b/a would be with a core to each app)%n",
                cpuA / cpuB);
        out.printf(Locale.ROOT, "CPU us per candle, rounds (a) / (a') / (b)  %s / %s / %s%n",
                decimals(r.cpu().get(0), "%.1f"), decimals(r.cpu().get(1), "%.1f"), decimals(r.cpu().get(2), "%.1f"));
        out.printf(Locale.ROOT, "(b) rounds: GC ms %s; JIT ms %s; commit ms %s; cores used %s (the app), %s (its stream "
                        + "threads), %s (the JVM)%n",
                rounds(each(r.topologyRounds(), Run::gcMillis)), rounds(each(r.topologyRounds(), Run::jitMillis)),
                rounds(each(r.topologyRounds(), Run::commitMillis)),
                decimals(each(r.topologyRounds(), run -> run.cpuMicros() * run.perSecond() / 1e6), "%.2f"),
                decimals(each(r.topologyRounds(), Run::streamThreadCores), "%.2f"),
                decimals(each(r.topologyRounds(), Run::processCores), "%.2f"));
        if (!r.variantRounds().isEmpty()) {
            List<Double> perSecond = each(r.variantRounds(), Run::perSecond);
            List<Double> cpu = each(r.variantRounds(), Run::cpuMicros);
            out.printf(Locale.ROOT, "(b2) topology with %s  %,.0f candles/s, CPU per candle %.1f us (medians; b2/b %.2f,"
                    + " CPU b2/b %.2f)%n", r.variant(), median(perSecond), median(cpu),
                    median(perSecond) / r.topologyPerSecond(), median(cpu) / cpuB);
            out.printf(Locale.ROOT, "(b2) rounds  %s; CPU us per candle %s%n", rounds(perSecond), decimals(cpu, "%.1f"));
        }
        out.printf(Locale.ROOT, "written by (b), per candle (records, bytes as sent):%n");
        for (Written w : r.written()) {
            out.printf(Locale.ROOT, "  %-40s %6.3f rec %8.1f B%n", w.topic(), w.records() / (double) r.candles(),
                    w.bytes() / (double) r.candles());
        }
        out.flush();
    }

    /**
     * Runs the measurements on a fresh embedded broker: {@code warmups} rounds of all three that
     * are not counted (JIT compilation), then {@code rounds} counted ones; with a {@code variant},
     * each round also runs the full topology with those Streams settings over its own (b2), right
     * after (b), so the two compare under the same load. The broker's data and the apps' state go
     * to {@code work}, an empty run directory ({@link RunDirectory#prepare}), deleted at the end.
     */
    static Result run(Path data, String glob, Path work, int threads, int warmups, int rounds,
                      Map<String, Object> overrides, Map<String, Object> variant)
            throws IOException, InterruptedException {
        List<Candle> candles = candles(data, glob);
        try (EmbeddedKafka kafka = EmbeddedKafka.builder().dataDir(work.resolve("broker")).deleteOnClose(true).build()) {
            kafka.start();
            List<Topic<?, ?>> topics = new ArrayList<>(Topics.all());
            topics.add(COPY);
            kafka.createTopics(topics);
            publish(kafka.bootstrapServers(), candles);
            List<Run> passthrough = new ArrayList<>();
            List<Run> tuned = new ArrayList<>();
            List<Run> topology = new ArrayList<>();
            List<Run> variants = new ArrayList<>();
            int warmed = 0;
            for (int round = 0; round - warmed < rounds; round++) {
                Map<String, Object> copy = streams(kafka, work, "bench-copy-" + round, threads);
                copy.putAll(overrides);
                passthrough.add(measurePassthrough(kafka.bootstrapServers(), copy, candles.size()));
                Map<String, Object> same = StreamsSettings.streamsDefaults(
                        streams(kafka, work, "bench-copy-tuned-" + round, threads));
                same.putAll(overrides);
                tuned.add(measurePassthrough(kafka.bootstrapServers(), same, candles.size()));
                Map<String, Object> full = streams(kafka, work, "bench-topology-" + round, threads);
                full.putAll(overrides);
                StreamsSettings settings = StreamsSettings.defaults(full).withClock(Clock.systemUTC());
                topology.add(measureTopology(kafka.bootstrapServers(), settings, candles.size()));
                if (!variant.isEmpty()) {
                    Map<String, Object> other = streams(kafka, work, "bench-variant-" + round, threads);
                    other.putAll(overrides);
                    StreamsSettings changed = StreamsSettings.defaults(other).withStreams(variant)
                            .withClock(Clock.systemUTC());
                    variants.add(measureTopology(kafka.bootstrapServers(), changed, candles.size()));
                }
                Run last = topology.get(topology.size() - 1);
                LOG.info("round {}: passthrough {} /s, topology {} /s, JIT {}% of the topology's round", round,
                        Math.round(passthrough.get(passthrough.size() - 1).perSecond()), Math.round(last.perSecond()),
                        Math.round(100 * last.jitShare(candles.size())));
                if (warmingUp(round, warmed, warmups, last.jitShare(candles.size()))) {
                    warmed++;
                    passthrough.clear();
                    tuned.clear();
                    topology.clear();
                    variants.clear();
                }
            }
            List<Run> sorted = topology.stream().sorted(Comparator.comparingDouble(Run::perSecond)).toList();
            List<List<Double>> perSecond = List.of(each(passthrough, Run::perSecond), each(tuned, Run::perSecond),
                    each(topology, Run::perSecond));
            return new Result(candles.size(), warmups, warmed, median(perSecond.get(0)), median(perSecond.get(1)),
                    median(perSecond.get(2)), sorted.get((sorted.size() - 1) / 2).written(), perSecond,
                    List.of(each(passthrough, Run::cpuMicros), each(tuned, Run::cpuMicros),
                            each(topology, Run::cpuMicros)), List.copyOf(topology), Map.copyOf(variant),
                    List.copyOf(variants));
        } finally {
            Directories.deleteRecursively(work);
        }
    }

    /**
     * True when round {@code round} (from 0) is a warm-up round: no round has been counted yet
     * ({@code warmed} rounds so far were all warm-up rounds), and either fewer than the asked
     * {@code warmups} ran before it or the JIT compiled for over {@link #SETTLED_JIT_SHARE} of
     * its (b) run, up to {@link #MAX_EXTRA_WARMUPS} extra rounds.
     */
    static boolean warmingUp(int round, int warmed, int warmups, double jitShare) {
        return round == warmed
                && (round < warmups || round < warmups + MAX_EXTRA_WARMUPS && jitShare > SETTLED_JIT_SHARE);
    }

    private static List<Double> each(List<Run> runs, ToDoubleFunction<Run> figure) {
        return runs.stream().map(figure::applyAsDouble).toList();
    }

    private static String rounds(List<Double> values) {
        return decimals(values, "%,.0f");
    }

    private static String decimals(List<Double> values, String format) {
        return String.join(" ", values.stream().map(v -> String.format(Locale.ROOT, format, v)).toList());
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static Map<String, Object> streams(EmbeddedKafka kafka, Path work, String appId, int threads) {
        Map<String, Object> p = new HashMap<>();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, appId);
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        p.put(StreamsConfig.STATE_DIR_CONFIG, work.resolve("state-" + appId).toString());
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, threads);
        p.put(StreamsConfig.producerPrefix(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION), 1);
        return p;
    }

    /** (a) or (a'): the passthrough with these Streams settings, counted by its stream thread's processed records. */
    private static Run measurePassthrough(String bootstrap, Map<String, Object> props, int expected)
            throws InterruptedException {
        return measure(bootstrap, PassthroughBench.topology(), props, COPY.name(),
                m -> m.group().equals("stream-thread-metrics") && m.name().equals("process-total"), expected);
    }

    /** (b) or (b2): the full topology with these settings, counted by its accepted candles. */
    private static Run measureTopology(String bootstrap, StreamsSettings settings, int expected) throws InterruptedException {
        return measure(bootstrap, StreamsTopology.build(settings), settings.streams(), Topics.SCORES.name(),
                m -> m.group().equals(IngestCounters.GROUP) && m.name().equals("accepted-total"), expected);
    }

    /**
     * Candles per second while the app works through them: from the first candle processed to the
     * last, as its own metrics count them (polled every 2 ms), so start-up, the first rebalance
     * and the final commit are left out of both runs alike. Then waits until every output is
     * committed, so a run that loses records fails instead of looking fast.
     */
    private static Run measure(String bootstrap, Topology topology, Map<String, Object> props, String output,
                                  Predicate<MetricName> counts, int expected) throws InterruptedException {
        Properties p = new Properties();
        p.putAll(props);
        try (KafkaStreams streams = new KafkaStreams(topology, p);
             KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                     ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                     ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                     ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(output).stream()
                    .map(i -> new TopicPartition(i.topic(), i.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            streams.start();
            long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
            String appId = String.valueOf(props.get(StreamsConfig.APPLICATION_ID_CONFIG));
            long first = 0;
            long cpuFirst = 0;
            long gcFirst = 0;
            long jitFirst = 0;
            long processFirst = 0;
            long streamFirst = 0;
            double done = 0;
            List<Metric> counters = List.of();
            long scanned = 0;
            while (done < expected) {
                long now = System.nanoTime();
                if (done == 0 || now - scanned >= RESCAN_NANOS) {
                    counters = counters(streams, counts);
                    scanned = now;
                }
                done = sum(counters);
                if (first == 0 && done > 0) {
                    first = System.nanoTime();
                    cpuFirst = cpuNanos(appId);
                    streamFirst = streamThreadNanos(appId);
                    gcFirst = gcMillis();
                    jitFirst = jitMillis();
                    processFirst = processCpuNanos();
                }
                check(deadline, output, done, expected);
                Thread.sleep(2);
            }
            long last = System.nanoTime();
            long cpu = cpuNanos(appId) - cpuFirst;
            double streamCores = (streamThreadNanos(appId) - streamFirst) / (double) (last - first);
            long gc = gcMillis() - gcFirst;
            long jit = jitMillis() - jitFirst;
            double processCores = (processCpuNanos() - processFirst) / (double) (last - first);
            double commits = threadMetric(streams, "commit-total") * threadMetric(streams, "commit-latency-avg");
            long committed = 0;
            while (committed < expected) {
                committed += consumer.poll(Duration.ofMillis(50)).count();
                check(deadline, output, committed, expected);
            }
            LOG.info("{}: {} candles processed in {} ms, {} records committed", output, expected,
                    (last - first) / 1_000_000, committed);
            return new Run(expected / ((last - first) / 1e9), cpu / 1e3 / expected, written(streams, appId), gc, jit,
                    processCores, commits, streamCores);
        }
    }

    /**
     * CPU time so far of the live threads named after the application id: Kafka Streams names its
     * stream threads {@code <application.id>-<uuid>-StreamThread-N} and their clients' threads
     * after them. The broker's threads are not counted.
     */
    private static long cpuNanos(String applicationId) {
        return cpuNanos(name -> name.contains(applicationId + "-"));
    }

    /** CPU time of the app's stream threads ({@code <application id>-<process id>-StreamThread-<n>}). */
    private static long streamThreadNanos(String applicationId) {
        return cpuNanos(name -> name.startsWith(applicationId + "-") && name.matches(".*-StreamThread-\\d+"));
    }

    private static long cpuNanos(Predicate<String> threadName) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long sum = 0;
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && threadName.test(info.getThreadName())) {
                sum += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
            }
        }
        return sum;
    }

    /** Time the JIT compilers of this JVM have spent so far, 0 when the JVM does not say. */
    private static long jitMillis() {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : 0;
    }

    /** CPU time so far of this whole JVM (every thread, the JIT's and the GC's included). */
    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? Math.max(0, os.getProcessCpuTime()) : 0;
    }

    /** Collection time so far of every garbage collector of this JVM. */
    private static long gcMillis() {
        long sum = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            sum += Math.max(0, gc.getCollectionTime());
        }
        return sum;
    }

    /** A stream thread metric of the app (its one thread), 0 when absent or not a number. */
    private static double threadMetric(KafkaStreams streams, String name) {
        for (Map.Entry<MetricName, ? extends Metric> e : streams.metrics().entrySet()) {
            MetricName m = e.getKey();
            if (m.group().equals("stream-thread-metrics") && m.name().equals(name)
                    && e.getValue().metricValue() instanceof Double d && !d.isNaN()) {
                return d;
            }
        }
        return 0;
    }

    /**
     * Records and bytes the app's producers sent per topic (metrics group
     * {@code producer-topic-metrics}); internal topics lose their application id prefix.
     */
    private static List<Written> written(KafkaStreams streams, String applicationId) {
        Map<String, long[]> byTopic = new TreeMap<>();
        for (Map.Entry<MetricName, ? extends Metric> e : streams.metrics().entrySet()) {
            MetricName m = e.getKey();
            String topic = m.tags().get("topic");
            if (!m.group().equals("producer-topic-metrics") || topic == null
                    || !(e.getValue().metricValue() instanceof Double d)) {
                continue;
            }
            int slot = m.name().equals("record-send-total") ? 0 : m.name().equals("byte-total") ? 1 : -1;
            if (slot >= 0) {
                byTopic.computeIfAbsent(topic.replace(applicationId + "-", ""), t -> new long[2])[slot] += d.longValue();
            }
        }
        List<Written> out = new ArrayList<>();
        byTopic.forEach((topic, v) -> out.add(new Written(topic, v[0], v[1])));
        return out;
    }

    /**
     * The app's metrics that count processed candles. {@code KafkaStreams.metrics()} copies every
     * metric of every client into a new map, so the bench looks them up only now and then (new
     * tasks) and reads the values of the ones it found in between: polled every 2 ms, that copy
     * took as much CPU as the stream thread it measured, more so for the topology, which has more
     * metrics.
     */
    private static List<Metric> counters(KafkaStreams streams, Predicate<MetricName> counts) {
        List<Metric> out = new ArrayList<>();
        for (Map.Entry<MetricName, ? extends Metric> e : streams.metrics().entrySet()) {
            if (counts.test(e.getKey())) {
                out.add(e.getValue());
            }
        }
        return out;
    }

    private static double sum(List<Metric> counters) {
        double sum = 0;
        for (Metric m : counters) {
            if (m.metricValue() instanceof Double d) {
                sum += d;
            }
        }
        return sum;
    }

    private static void check(long deadline, String output, double count, int expected) {
        if (System.nanoTime() > deadline) {
            throw new IllegalStateException(output + ": " + count + " of " + expected + " after 30 min");
        }
    }

    private static void publish(String bootstrap, List<Candle> candles) {
        var serializer = Topics.CANDLES.valueSerde().serializer();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.LINGER_MS_CONFIG, 20,
                ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024,
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            for (Candle c : candles) {
                io.edgeloop.schemas.avro.Candle value = new io.edgeloop.schemas.avro.Candle(c.ticker(), c.interval().code(),
                        java.time.Instant.ofEpochMilli(c.openTime()), c.open(), c.high(), c.low(), c.close(), c.volume(),
                        c.source());
                producer.send(new ProducerRecord<>(Topics.CANDLES.name(), c.ticker().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        serializer.serialize(Topics.CANDLES.name(), value)));
            }
            producer.flush();
        }
    }

    /** Every candle of the matching files, normalised, in open-time order. */
    static List<Candle> candles(Path data, String glob) throws IOException {
        var matcher = data.getFileSystem().getPathMatcher("glob:" + glob);
        List<Candle> all = new ArrayList<>();
        try (Stream<Path> files = Files.walk(data)) {
            for (Path file : files.filter(f -> matcher.matches(data.relativize(f))).sorted().toList()) {
                List<Candle> raw = CandleFiles.read(file).candles();
                if (!raw.isEmpty()) {
                    all.addAll(CandleNormaliser.normalise(raw, SessionCalendar.forTicker(raw.get(0).ticker())).candles());
                }
            }
        }
        if (all.isEmpty()) {
            throw new IllegalArgumentException("no candle file matches " + glob + " under " + data);
        }
        all.sort(Comparator.comparingLong(Candle::openTime).thenComparing(Candle::ticker));
        return all;
    }
}
