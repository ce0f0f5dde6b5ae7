package io.edgeloop.stack.loop;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.edgeloop.admin.AdminApp;
import io.edgeloop.admin.AdminOptions;
import io.edgeloop.connectors.CandleSourceConfig;
import io.edgeloop.connectors.ConnectWorker;
import io.edgeloop.connectors.ConnectorConfigs;
import io.edgeloop.connectors.ConnectorProgress;
import io.edgeloop.core.candle.BarClose;
import io.edgeloop.core.candle.SessionCalendar;
import io.edgeloop.core.candle.Timeframe;
import io.edgeloop.core.config.AppConfig;
import io.edgeloop.core.retro.RetroSchedule;
import io.edgeloop.resolver.ResolveDue;
import io.edgeloop.resolver.ResolverApp;
import io.edgeloop.resolver.ResolverOptions;
import io.edgeloop.resolver.StreamsDefaults;
import io.edgeloop.retro.RetroApp;
import io.edgeloop.retro.RetroOptions;
import io.edgeloop.schemas.avro.Candle;
import io.edgeloop.schemas.topics.Topics;
import io.edgeloop.stack.LocalStack;
import io.edgeloop.stack.StackSettings;
import io.edgeloop.streams.CandleInputMarks;
import io.edgeloop.streams.StreamsApp;
import io.edgeloop.streams.StreamsOptions;
import io.edgeloop.streams.StreamsSettings;

/**
 * The whole loop on one embedded stack, in phases: the broker with the catalog topics; a first
 * resolver-app instance whose keeper seeds the pattern library, then stops; a Connect worker
 * with the reference and candle connectors and streams-app; once streams-app is done,
 * resolver-app again (and retro-app, unless turned off); the admin dashboard when asked. Every app
 * has its own state directory under the run directory and an HTTP port chosen by the system.
 *
 * <p>{@link #run()} returns when the run is done, and "done" is measured, never slept:
 * <ol>
 *   <li>the candle connector has had every bar it found acknowledged ({@code awaitCaughtUp});</li>
 *   <li>streams-app's group has committed every candle and every breadth vote, and breadth holds
 *       no pending vote: once streams-app has committed every candle, the loop marks the end of
 *       the candle input on {@code streams.control}, and breadth applies the last boundaries when
 *       every partition has passed the mark on. Its wall-clock fallback ({@code signals.breadth.idle}) is set to the
 *       stage timeout, so no partition is released by timing: breadth waits for every partition
 *       from the start however late its first candle comes, and two replays emit the same
 *       sector and market signals;</li>
 *   <li>the resolver's group has committed every input (the keeper's learning repartition topic
 *       included), it is asked to resolve what is due at the end of the data
 *       ({@code resolveDueNow}), and its group has committed every input again;</li>
 *   <li>retro-app has run the number of retrospectives its schedule gives for the data's span,
 *       and the keeper has read its proposals.</li>
 * </ol>
 *
 * <p>Why phases, not every app at once: the connector publishes candles far faster than
 * streams-app scores them, so a resolver running alongside would read a ticker's daily bars
 * years before the predictions about them arrive, and resolve those predictions against the
 * wrong bars (it keeps the last {@code outcome.recent.bars} bars only); and which outcome reached
 * the keeper first would decide, by wall-clock race, what streams-app saw of the library. Run
 * after streams-app, the resolver finds every input in the topics, and Kafka Streams takes each
 * task's records in timestamp order across predictions, candles and trades. The cost: during a
 * replay streams-app scores with the library as seeded (version 1); pattern statistics and
 * auto-degrades are learnt from the whole replay and show in {@code pattern-library} and
 * {@code model-changelog}, and reach streams-app after it. The library is seeded before
 * streams-app starts (the first candle meets version 1), and the reference data is in before any
 * candle (calendars and sectors are read at a ticker's first bar). retro-app starts once the
 * scores are all in, so its data clock reads every partition from the start and runs each
 * scheduled week exactly once; its proposals wait for an operator and change nothing else. It judges
 * the library as seeded ({@code retro.library.follow=false}, pinned when it starts, before the
 * resolver does), as streams-app scores with it: following the keeper's output would make each
 * week's view depend on how far the keeper had got by then. The keeper learns in event-time order
 * (the outcome tasks' progress marks), and the final {@code resolveDueNow} moves every outcome
 * task's mark just past the end of the data, so the keeper has learnt every outcome when the
 * resolver's group has committed every input again: {@code pattern-library} and {@code model-changelog} are
 * the same in two replays.
 *
 * <p>{@link #close()} stops everything in reverse order of start.
 */
public final class Loop implements AutoCloseable {

    /** Application id (and consumer group) of streams-app in the loop. */
    public static final String STREAMS_APP_ID = StreamsSettings.DEFAULT_APPLICATION_ID;
    /** Application id (and consumer group) of resolver-app in the loop. */
    public static final String RESOLVER_APP_ID = StreamsDefaults.APPLICATION_ID;
    /** Name of the candle connector. */
    public static final String CANDLE_CONNECTOR = "candle-files";
    /** Name of the reference-data connector. */
    public static final String REFERENCE_CONNECTOR = "reference-tickers";
    /**
     * Kafka Streams settings of both apps in the loop, which runs them as a batch; the apps' own
     * defaults are left alone:
     * <ul>
     *   <li>their global and restore consumers wait 50 ms instead of 500 for a fetch to fill. A
     *       global store is restored one partition after another, and each partition's restore
     *       waited out an empty fetch at its end (seen in the log: 0.5 s per partition, 3.5 s of
     *       streams-app's start for six reference partitions and the library; the resolver's
     *       changelogs alike);</li>
     *   <li>{@code commit.interval.ms} 100, Kafka Streams' own default under exactly-once, not the
     *       apps' 1 s: every stage of the loop ends when an app has committed all its input, and
     *       the resolver's keeper reads what its outcome tasks committed, so each stage ended with
     *       one or two commit intervals of waiting. Measured on the full replay, same outputs:
     *       resolved 28.3 and 31.4 s after the candle connector started with 1 s, 27.4 and 23.6 s
     *       with 100 ms.</li>
     * </ul>
     */
    private static final List<String> BATCH_SETTINGS = List.of(
            AppConfig.KAFKA_PREFIX + "global.consumer.fetch.max.wait.ms=50",
            AppConfig.KAFKA_PREFIX + "restore.consumer.fetch.max.wait.ms=50",
            AppConfig.KAFKA_PREFIX + "commit.interval.ms=100");
    /**
     * The retrospectives of a run write the study of all data with one run in four weeks, their
     * own report with every run: a replay of the shipped data runs 2,164 weeks, and the study of
     * decades of history with each came to 3.8 GB of reports.
     */
    static final int STUDY_EVERY_WEEKS = 4;
    /** Who the loop's candle input marks ({@code streams.control}) are from. */
    static final String LOOP_ACTOR = "edgeloop-loop";

    private static final Logger LOG = LoggerFactory.getLogger(Loop.class);
    /** streams-app's breadth store and the key range of its pending votes (see streams-app's BreadthState). */
    private static final String BREADTH_STORE = "breadth-state";
    private static final String PENDING_FROM = "q|";
    private static final String PENDING_TO = "q|\uffff";
    private static final String COUNTERS_GROUP = "stream-edgeloop-metrics";
    private static final long POLL_MS = 100;
    /** Intervals streams-app reads but does not score (see its README, "Sequencing"). */
    private static final java.util.Set<String> UNSCORED_INTERVALS = java.util.Set.of("W", "M");

    private final LoopSettings settings;
    private final Path runDir;
    private final Deque<AutoCloseable> open = new ArrayDeque<>();
    private final long started = System.nanoTime();
    private volatile String stage = "starting";
    private volatile LocalStack stack;
    private volatile ConnectWorker connect;
    private volatile StreamsApp.Handle streams;
    private volatile ResolverApp.Handle resolver;
    private volatile RetroApp retro;
    private volatile AdminApp.Handle admin;
    private volatile TopicTail tail;
    private boolean prepared;

    private Loop(LoopSettings settings) {
        this.settings = settings;
        this.runDir = settings.runDir().toAbsolutePath().normalize();
    }

    /** A loop that has not started yet; {@link #run()} runs it. */
    public static Loop create(LoopSettings settings) {
        return new Loop(settings);
    }

    /**
     * Starts every part and waits until the run is done (see the class comment); the parts keep
     * running until {@link #close()}.
     *
     * @throws IllegalStateException when a part fails or a stage does not finish within the timeout
     */
    public LoopRun run() throws IOException {
        if (!prepared) {
            prepare();
        }
        stage = "preparing input";
        LoopInput input = LoopInput.prepare(settings);

        stage = "starting the broker";
        stack = remember(LocalStack.start(new StackSettings(runDir.resolve("broker"), settings.port(), 0, Map.of())));
        String bootstrap = stack.bootstrapServers();
        Offsets offsets = remember(new Offsets(bootstrap));
        tail = remember(new TopicTail(bootstrap, List.of(Topics.PREDICTIONS.name(), Topics.OUTCOMES.name())));

        stage = "seeding the pattern library";
        ResolverApp.Handle seeder = ResolverApp.start(resolverConfig(bootstrap));
        try {
            await("the keeper to seed the pattern library", () -> count(bootstrap, Topics.PATTERN_LIBRARY.name()) > 0,
                    () -> "no pattern yet");
        } finally {
            seeder.close();
        }
        await("the seeding resolver to leave its group", () -> offsets.groupEmpty(RESOLVER_APP_ID), () -> "still a member");

        stage = "starting Connect";
        connect = remember(ConnectWorker.builder().bootstrapServers(bootstrap)
                .offsetsFile(runDir.resolve("state").resolve("connect.offsets")).start());
        if (input.sectorsFile() != null) {
            stage = "loading reference data";
            connect.addConnector(ConnectorConfigs.referenceTickers(REFERENCE_CONNECTOR, input.sectorsFile(),
                    List.of(input.marketData())));
            connect.awaitCaughtUp(REFERENCE_CONNECTOR, settings.timeout());
        }

        stage = "starting streams-app";
        List<String> streamsFlags = new ArrayList<>(List.of(
                StreamsOptions.BREADTH_IDLE.name() + "=" + settings.timeout().toSeconds() + "s"));
        streamsFlags.addAll(BATCH_SETTINGS);
        streams = remember(StreamsApp.start(config(StreamsOptions.all(), bootstrap, "streams", streamsFlags)));
        await("streams-app to run", () -> streams.streams().state() == KafkaStreams.State.RUNNING,
                () -> "state " + streams.streams().state());
        long startup = millisSince(started);

        stage = "loading candles";
        long candlesStart = System.nanoTime();
        connect.addConnector(ConnectorConfigs.with(ConnectorConfigs.candleFiles(CANDLE_CONNECTOR,
                List.of(input.marketData())), candleSelection()));
        ConnectorProgress loaded = connect.awaitCaughtUp(CANDLE_CONNECTOR, settings.timeout());
        long candlesMillis = millisSince(candlesStart);
        long candleRecords = loaded.acked() - loaded.deadLetters();
        LOG.info("loop: {} candles published, {} dead letters in {} ms", candleRecords, loaded.deadLetters(), candlesMillis);
        if (candleRecords == 0) {
            throw new IllegalArgumentException("no bars of " + (settings.tickers().isEmpty() ? "any ticker"
                    : settings.tickers()) + " between " + (settings.from() == null ? "the start" : settings.from())
                    + " and " + (settings.to() == null ? "the end" : settings.to()) + " in " + input.marketData()
                    + (loaded.deadLetters() > 0 ? " (" + loaded.deadLetters() + " rows or files refused, in "
                    + Topics.CANDLES_DLQ.name() + ")" : ""));
        }

        stage = "scoring";
        List<String> streamsInputs = List.of(Topics.CANDLES.name(), Topics.STREAMS_CONTROL.name(),
                STREAMS_APP_ID + "-breadth-repartition");
        await("streams-app to commit every candle", () -> offsets.lag(STREAMS_APP_ID, streamsInputs) == 0,
                () -> "lag " + offsets.lag(STREAMS_APP_ID, streamsInputs));
        // Only now: every ticker task has passed its last candle, so each reads the mark after it.
        CandleInputMarks.end(bootstrap, LOOP_ACTOR);
        await("breadth to apply every vote", () -> pendingVotes() == 0, () -> pendingVotes() + " votes pending");
        await("streams-app to commit the last breadth signals", () -> offsets.lag(STREAMS_APP_ID, streamsInputs) == 0,
                () -> "lag " + offsets.lag(STREAMS_APP_ID, streamsInputs));
        long streamsMillis = millisSince(candlesStart);

        long retroStart = System.nanoTime();
        if (settings.retro()) {
            retro = remember(RetroApp.start(config(RetroOptions.all(), bootstrap, "retro",
                    List.of(RetroOptions.REPORTS_DIR.name() + "=" + reportsDir(),
                            RetroOptions.LIBRARY_FOLLOW.name() + "=false",
                            RetroOptions.STUDY_EVERY_WEEKS.name() + "=" + STUDY_EVERY_WEEKS))));
        }

        stage = "resolving";
        resolver = remember(ResolverApp.start(resolverConfig(bootstrap)));
        // Committed offsets alone say nothing before the group has its partitions: a lag of 0 then
        // means not started, and its stores cannot be queried yet.
        await("the resolver to run", () -> resolver.streams().state() == KafkaStreams.State.RUNNING,
                () -> "state " + resolver.streams().state());
        settle(offsets);
        ResolveDue.Report due = resolver.resolveDueNow("edgeloop-loop", settings.timeout());
        LOG.info("loop: resolve-due at stream time {}: {} resolved, {} expired, {} still open", due.streamTime(),
                due.resolved(), due.expired(), due.stillOpen());
        settle(offsets);
        long resolvedMillis = millisSince(candlesStart);

        int retroRuns = 0;
        long retroMillis = 0;
        if (settings.retro()) {
            stage = "retrospectives";
            // Counted only now, not before the resolver: it reads the candles and scores again.
            int expected = expectedRetroRuns(bootstrap);
            LOG.info("loop: {} weekly retrospectives due over the data", expected);
            await(expected + " retrospectives", () -> retro.runs() >= expected, () -> retro.runs() + " run");
            settle(offsets);
            retroRuns = retro.runs();
            retroMillis = millisSince(retroStart);
        }

        if (settings.admin()) {
            stage = "starting the dashboard";
            admin = remember(AdminApp.start(config(AdminOptions.all(), bootstrap, "admin", List.of(
                    AdminOptions.OPERATORS_FILE.name() + "=" + operatorsFile(),
                    AdminOptions.REPORTS_DIR.name() + "=" + reportsDir(),
                    AdminOptions.HTTP_PORT.name() + "=" + settings.adminPort()))));
            try {
                if (!admin.awaitCaughtUp(settings.timeout())) {
                    LOG.warn("loop: the dashboard has not read every topic within {}", settings.timeout());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while the dashboard read the topics", e);
            }
        }
        stage = "done";
        return new LoopRun(loaded.acked(), loaded.deadLetters(), Math.round(processed()), retroRuns, startup,
                candlesMillis, streamsMillis, resolvedMillis, retroMillis, millisSince(started));
    }

    /** The candle connector's choice of tickers and dates, as the settings give them. */
    private Map<String, String> candleSelection() {
        Map<String, String> selection = new LinkedHashMap<>();
        if (!settings.tickers().isEmpty()) {
            selection.put(CandleSourceConfig.TICKERS, String.join(",", settings.tickers()));
        }
        if (settings.from() != null) {
            selection.put(CandleSourceConfig.FROM, settings.from().toString());
        }
        if (settings.to() != null) {
            selection.put(CandleSourceConfig.TO, settings.to().toString());
        }
        return selection;
    }

    /**
     * The resolver's configuration: its own state directory, in-memory stores (changelogged; the
     * run's state lives one run), and a short session as a fallback should the seeding instance
     * not leave its group when it closes (it does).
     */
    private AppConfig resolverConfig(String bootstrap) {
        List<String> flags = new ArrayList<>(List.of(
                ResolverOptions.IN_MEMORY_STORES.name() + "=true",
                AppConfig.KAFKA_PREFIX + "session.timeout.ms=6000",
                AppConfig.KAFKA_PREFIX + "heartbeat.interval.ms=1500"));
        flags.addAll(BATCH_SETTINGS);
        return config(ResolverOptions.all(), bootstrap, "resolver", flags);
    }

    private void settle(Offsets offsets) {
        List<String> inputs = List.of(Topics.PREDICTIONS.name(), Topics.CANDLES.name(), Topics.TRADES.name(),
                Topics.RESOLVER_CONTROL.name(), Topics.MODEL_CHANGELOG.name(), Topics.APPROVALS.name(),
                RESOLVER_APP_ID + "-learning-repartition");
        await("the resolver and the keeper to commit every input", () -> offsets.lag(RESOLVER_APP_ID, inputs) == 0,
                () -> "lag " + offsets.lag(RESOLVER_APP_ID, inputs));
    }

    /**
     * The retrospectives retro-app's data clock runs over the whole data: the schedule's instants
     * after (earliest record + lookback) up to its clock at the end, the older of the newest
     * candle and the newest score (retro-app's {@code StreamClock} once every partition is read).
     * Read from {@code candles} alone (its records are small; {@code scores} are not): the
     * earliest record is the earliest candle (by open time, as retro-app starts), and the newest
     * score is the newest candle of an interval streams-app scores (it scores every accepted candle
     * but weekly and monthly ones), by its bar's close time, as retro-app's clock reads scores.
     */
    private int expectedRetroRuns(String bootstrap) {
        long[] first = {Long.MAX_VALUE};
        long[] lastScored = {Long.MIN_VALUE};
        var candles = Topics.CANDLES.valueSerde().deserializer();
        TopicReader.forEach(bootstrap, Topics.CANDLES.name(), settings.timeout(), r -> {
            Candle c = candles.deserialize(r.topic(), r.value());
            long t = c.getOpenTime().toEpochMilli();
            first[0] = Math.min(first[0], t);
            lastScored[0] = Math.max(lastScored[0], scoredCloseTime(c.getTicker(), c.getInterval(), t));
        });
        if (lastScored[0] == Long.MIN_VALUE) {
            return 0;
        }
        AppConfig retroConfig = config(RetroOptions.all(), bootstrap, "retro", List.of());
        RetroSchedule schedule = retroConfig.get(RetroOptions.SCHEDULE);
        Duration lookback = Duration.ofDays(RetroOptions.from(retroConfig).config().lookbackDays());
        return countRuns(schedule, Instant.ofEpochMilli(first[0]).plus(lookback), Instant.ofEpochMilli(lastScored[0]));
    }

    /**
     * When the score of a candle becomes visible to retro-app's clock: its bar's close
     * ({@link BarClose}); {@link Long#MIN_VALUE} for a candle streams-app does not score (W, M, or
     * an interval it does not know).
     */
    static long scoredCloseTime(String ticker, String interval, long openTime) {
        Optional<Timeframe> tf = Timeframe.parse(interval);
        if (UNSCORED_INTERVALS.contains(interval) || tf.isEmpty()) {
            return Long.MIN_VALUE;
        }
        return BarClose.of(openTime, tf.get(), SessionCalendar.forTicker(ticker));
    }

    /** Schedule instants after {@code from} up to and including {@code now}. */
    static int countRuns(RetroSchedule schedule, Instant from, Instant now) {
        int n = 0;
        for (Instant next = schedule.nextAfter(from); !next.isAfter(now); next = schedule.nextAfter(next)) {
            n++;
        }
        return n;
    }

    /** A reading for the progress line; safe to call from another thread at any time. */
    public LoopProgress progress() {
        ConnectWorker c = connect;
        ConnectorProgress p = c == null ? null : c.progress(CANDLE_CONNECTOR);
        TopicTail t = tail;
        return new LoopProgress(stage, p == null ? 0 : p.emitted() + p.pending(), p == null ? 0 : p.acked(), Math.round(processed()),
                t == null ? 0 : t.count(Topics.PREDICTIONS.name()), t == null ? 0 : t.count(Topics.OUTCOMES.name()),
                millisSince(started));
    }

    /** The broker's bootstrap address. */
    public String bootstrapServers() {
        return stack.bootstrapServers();
    }

    /** The query API port of streams-app. */
    public int streamsPort() {
        return streams.httpPort();
    }

    /** The query API port of resolver-app. */
    public int resolverPort() {
        return resolver.httpPort();
    }

    /** The dashboard, when the settings asked for it. */
    public Optional<AdminApp.Handle> admin() {
        return Optional.ofNullable(admin);
    }

    /** The run's directory. */
    public Path runDir() {
        return runDir;
    }

    /** Where retro-app writes its weekly reports (one folder per as-of date). */
    public Path reportsDir() {
        return runDir.resolve("retro-reports");
    }

    /** The operators file of the dashboard: {@code operators} in the run directory's parent, so it outlives a run. */
    public Path operatorsFile() {
        Path parent = runDir.getParent();
        return (parent == null ? runDir : parent).resolve("operators");
    }

    /** Every committed record of a topic (the loop's outputs, once {@link #run()} returned). */
    public List<ConsumerRecord<byte[], byte[]>> read(String topic) {
        return TopicReader.readAll(stack.bootstrapServers(), topic, settings.timeout());
    }

    private long count(String bootstrap, String topic) {
        long[] n = {0};
        TopicReader.forEach(bootstrap, topic, settings.timeout(), r -> n[0]++);
        return n[0];
    }

    /** Candles streams-app took in, summed over its sequencing counters (every {@code *-total} of its group). */
    private double processed() {
        StreamsApp.Handle s = streams;
        if (s == null) {
            return 0;
        }
        double sum = 0;
        for (Map.Entry<MetricName, ? extends Metric> e : s.streams().metrics().entrySet()) {
            if (e.getKey().group().equals(COUNTERS_GROUP) && e.getKey().name().endsWith("-total")
                    && e.getValue().metricValue() instanceof Double d) {
                sum += d;
            }
        }
        return sum;
    }

    /** Breadth votes waiting for their boundary, read from streams-app's breadth store (interactive query). */
    private long pendingVotes() {
        try {
            ReadOnlyKeyValueStore<String, byte[]> store = streams.streams().store(StoreQueryParameters
                    .fromNameAndType(BREADTH_STORE, QueryableStoreTypes.<String, byte[]>keyValueStore()));
            long n = 0;
            try (var it = store.range(PENDING_FROM, PENDING_TO)) {
                while (it.hasNext()) {
                    it.next();
                    n++;
                }
            }
            return n;
        } catch (RuntimeException e) {
            LOG.debug("breadth store not queryable yet", e);
            return Long.MAX_VALUE;
        }
    }

    private void await(String what, BooleanSupplier done, Supplier<String> state) {
        long deadline = System.nanoTime() + settings.timeout().toNanos();
        while (!done.getAsBoolean()) {
            checkApps();
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException("timed out after " + settings.timeout() + " waiting for " + what + ": "
                        + state.get());
            }
            try {
                Thread.sleep(POLL_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + what, e);
            }
        }
    }

    /** Fails the run when an app's Streams client stopped. */
    private void checkApps() {
        if (streams != null && stopped(streams.streams())) {
            throw new IllegalStateException("streams-app stopped (state " + streams.streams().state() + "); see the log");
        }
        if (resolver != null && stopped(resolver.streams())) {
            throw new IllegalStateException("resolver-app stopped (state " + resolver.streams().state() + "); see the log");
        }
        if (retro != null && retro.failure().isPresent()) {
            throw new IllegalStateException("retro-app stopped on an error: " + retro.failure().get(), retro.failure().get());
        }
    }

    private static boolean stopped(KafkaStreams s) {
        KafkaStreams.State state = s.state();
        return state == KafkaStreams.State.ERROR || state == KafkaStreams.State.NOT_RUNNING
                || state == KafkaStreams.State.PENDING_ERROR;
    }

    /** An app's configuration: the broker, port 0, its own state directory, then the given flags. */
    private AppConfig config(List<io.edgeloop.core.config.Option<?>> options, String bootstrap, String app,
                             List<String> more) {
        List<String> flags = new ArrayList<>();
        flags.add(AppConfig.KAFKA_PREFIX + "bootstrap.servers=" + bootstrap);
        boolean hasPort = options.stream().anyMatch(o -> o.name().equals("http.port"));
        if (hasPort && more.stream().noneMatch(f -> f.startsWith("http.port="))) {
            flags.add("http.port=0");
        }
        if (options.stream().anyMatch(o -> o.name().equals("state.dir"))) {
            flags.add("state.dir=" + runDir.resolve("state").resolve(app));
        }
        flags.addAll(more);
        return AppConfig.resolve(options, new Properties(), Map.of(), flags);
    }

    /**
     * Empties the run directory (the first step of {@link #run()}, callable before it to put a
     * log file there); refuses a directory that holds files and was not made by a loop.
     */
    public void prepare() throws IOException {
        prepared = true;
        RunDirectory.prepare(runDir);
    }

    private <T extends AutoCloseable> T remember(T part) {
        open.push(part);
        return part;
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }

    /** Stops every part in reverse order of start; the run directory stays. */
    @Override
    public void close() {
        while (!open.isEmpty()) {
            AutoCloseable part = open.pop();
            try {
                part.close();
            } catch (Exception e) {
                LOG.warn("loop: {} did not close cleanly", part.getClass().getSimpleName(), e);
            }
        }
        stage = "stopped";
    }
}
