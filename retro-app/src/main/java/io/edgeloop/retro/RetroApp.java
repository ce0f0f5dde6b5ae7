package io.edgeloop.retro;

import io.edgeloop.core.config.AppConfig;
import io.edgeloop.core.retro.RetroSchedule;
import io.edgeloop.core.retro.Retrospective;
import io.edgeloop.schemas.avro.ModelChange;
import io.edgeloop.schemas.topics.Topic;
import io.edgeloop.schemas.topics.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The retrospective as a service: reads {@code candles}, {@code scores}, {@code pattern-library},
 * {@code reference.tickers} and {@code model-changelog} from the beginning (no consumer group:
 * it rebuilds its state on every start), runs the weekly retrospective when its clock passes the
 * schedule (see {@link RetroOptions}), writes the reports and publishes the new proposals to
 * {@code model-changelog}, keyed by change id, status PROPOSED. In data-clock mode the first run
 * waits until the data spans the lookback. Nothing runs before the tables (library, reference
 * data, changelog) have been read to their end, so an id the changelog already holds is never
 * published again, nor while the changelog holds a record this build cannot decode
 * ({@link TopicState#unreadableChanges}). Candles streams-app would dead-letter are skipped
 * ({@link TopicState}), so they steer neither the book nor the clock. With
 * {@code retro.library.follow=false} the library is read only up to its end offsets when
 * {@link #start} ran (taken before it returns), then that partition is paused.
 *
 * <p>On the data clock a run as of time T sees the candles and scores whose bars closed by T and
 * no others ({@link DataTimeGate}): those read ahead wait in memory (a partition holding many is
 * paused), so what a run sees, and its reports, depend on the data alone, not on how far the
 * consumer had read each partition. Nor does the clock pass a candle read that streams-app has not
 * scored yet ({@code retro.streams.application.id}: its group's committed offsets on
 * {@code candles}, {@link ScoringProgress}): during a backfill the candles are all there long
 * before their scores, and a run would otherwise see tickers without their trails.
 */
public final class RetroApp implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RetroApp.class);
    private static final List<Topic<?, ?>> STREAMS = List.of(Topics.CANDLES, Topics.SCORES);
    private static final long SCORING_CHECK_NANOS = 1_000_000_000L;
    private static final long WAIT_LOG_NANOS = 30_000_000_000L;
    /** Longest wait for streams-app's committed offsets (the service's loop waits at most that long, once a second). */
    private static final Duration SCORING_TIMEOUT = Duration.ofSeconds(5);
    private static final List<Topic<?, ?>> TABLES = List.of(Topics.PATTERN_LIBRARY, Topics.REFERENCE_TICKERS,
            Topics.MODEL_CHANGELOG);

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final KafkaProducer<String, ModelChange> producer;
    private final RetroRunner runner;
    private final RetroSchedule schedule;
    private final boolean wallClock;
    private final Duration lookback;
    private final TopicState state;
    private final StreamClock clock = new StreamClock();
    /** Candles and scores read but dated after the next run ({@link #horizon}). */
    private final DataTimeGate<TopicState.Pending> gate = new DataTimeGate<>();
    private final Thread thread;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final AtomicInteger runs = new AtomicInteger();
    private final AtomicInteger skipped = new AtomicInteger();
    private volatile boolean running = true;
    private volatile RetroRunner.Outcome last;
    private volatile Exception failure;
    private volatile List<String> libraryIds = List.of();
    private Instant nextRun;
    private long firstTime = Long.MAX_VALUE;
    /** With {@code retro.library.follow=false}: the end offsets of pattern-library at start, read up to and no further. */
    private final Map<TopicPartition, Long> libraryEnd;
    /** streams-app's application id whose scoring the data clock waits for; null for none. */
    private final String streamsAppId;
    /** Reads streams-app's committed offsets; null when not waiting for it. */
    private final Admin admin;
    private final ScoringProgress scoring = new ScoringProgress();
    /** Paces the look at streams-app's offsets, and the note that a run waits for its scoring. */
    private final Pace scoringCheck = new Pace(SCORING_CHECK_NANOS);
    private final Pace scoringWaitLog = new Pace(WAIT_LOG_NANOS);
    /** The last reason streams-app's offsets could not be read, logged once until it changes. */
    private String scoringProblem;
    /** Paces the note that a run waits for unreadable changelog records. */
    private final Pace changelogWaitLog = new Pace(WAIT_LOG_NANOS);
    /** A due run held back by changelog records this build cannot decode; null for none. */
    private volatile Instant heldByChangelog;
    /** A run that is due by the candles and scores read but held back by candles streams-app has not scored. */
    private volatile Instant heldRun;

    private RetroApp(AppConfig config) {
        RetroOptions options = RetroOptions.from(config);
        this.schedule = config.get(RetroOptions.SCHEDULE);
        this.wallClock = config.get(RetroOptions.CLOCK).equals("wall");
        this.lookback = Duration.ofDays(options.config().lookbackDays());
        this.state = new TopicState(RetroOptions.keepDays(config, options.config().lookbackDays()));
        this.runner = new RetroRunner(Retrospective.defaults(options.config()), Path.of(config.get(RetroOptions.REPORTS_DIR)),
                config.get(RetroOptions.STUDY_EVERY_WEEKS));
        Properties c = config.kafkaProperties();
        c.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "edgeloop-retro");
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        this.consumer = new KafkaConsumer<>(c, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        Properties p = config.kafkaProperties();
        p.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "edgeloop-retro-producer");
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        this.producer = new KafkaProducer<>(p, Topics.MODEL_CHANGELOG.keySerde().serializer(),
                Topics.MODEL_CHANGELOG.valueSerde().serializer());
        this.libraryEnd = config.get(RetroOptions.LIBRARY_FOLLOW) ? Map.of()
                : consumer.endOffsets(partitions(List.of(Topics.PATTERN_LIBRARY)));
        String appId = config.get(RetroOptions.STREAMS_APPLICATION_ID).trim();
        this.streamsAppId = wallClock || appId.isEmpty() ? null : appId;
        this.admin = streamsAppId == null ? null : Admin.create(config.kafkaProperties());
        this.thread = new Thread(this::loop, "edgeloop-retro");
        LOG.info("retro-app: schedule {} on the {} clock, options {}", schedule, wallClock ? "wall" : "data",
                config.describe());
    }

    /** Starts the service on its own thread. */
    public static RetroApp start(AppConfig config) {
        RetroApp app = new RetroApp(config);
        app.thread.start();
        return app;
    }

    /**
     * Runs the service until the process is stopped. Arguments: an optional properties file, then
     * {@code key=value} options (see {@link RetroOptions}; Kafka settings as {@code kafka.*});
     * {@code APP_*} and {@code KAFKA_*} environment variables apply too.
     */
    public static void main(String[] args) throws IOException, InterruptedException {
        Properties file = new Properties();
        List<String> flags = new ArrayList<>(Arrays.asList(args));
        if (!flags.isEmpty() && !flags.get(0).contains("=")) {
            try (InputStream in = Files.newInputStream(Path.of(flags.remove(0)))) {
                file.load(in);
            }
        }
        RetroApp app = start(AppConfig.resolve(RetroOptions.all(), file, System.getenv(), flags));
        Runtime.getRuntime().addShutdownHook(new Thread(app::close, "edgeloop-retro-shutdown"));
        app.stopped.await();
        if (app.failure().isPresent()) {
            // A non-zero exit, so a supervisor (compose, Kubernetes) sees the failure and restarts it.
            System.exit(1);
        }
    }

    /** The error the service stopped on; empty while it runs and after a clean stop. */
    public Optional<Exception> failure() {
        return Optional.ofNullable(failure);
    }

    /** Retrospectives run so far. */
    public int runs() {
        return runs.get();
    }

    /** The scheduled time of a run held back, at the last check, by candles streams-app has not scored yet; null for none. */
    Instant heldRun() {
        return heldRun;
    }

    /**
     * The scheduled time of a due run held back, at the last check, by changelog records this build
     * cannot decode; null for none.
     */
    Instant heldByChangelog() {
        return heldByChangelog;
    }

    /** Scheduled weeks skipped because they ran before (a restart reads old weeks again); not in {@link #runs}. */
    public int skipped() {
        return skipped.get();
    }

    /** Ids of the library patterns read so far (a copy taken after each poll that brought library records). */
    List<String> libraryIds() {
        return libraryIds;
    }

    /** The last run's outcome, null before the first. */
    RetroRunner.Outcome last() {
        return last;
    }

    private void loop() {
        try {
            List<TopicPartition> streams = partitions(STREAMS);
            List<TopicPartition> tables = partitions(TABLES);
            List<TopicPartition> all = new ArrayList<>(streams);
            all.addAll(tables);
            consumer.assign(all);
            consumer.seekToBeginning(all);
            while (running) {
                boolean library = false;
                long horizon = horizon();
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    if (beyondLibraryEnd(r)) {
                        continue;
                    }
                    library |= r.topic().equals(Topics.PATTERN_LIBRARY.name());
                    Optional<TopicState.Pending> read = state.read(r);
                    if (read.isPresent()) {
                        TopicState.Pending pending = read.get();
                        clock.observe(r.topic(), r.partition(), pending.visibleAt());
                        if (admin != null && r.topic().equals(Topics.CANDLES.name())) {
                            scoring.read(r.partition(), r.offset(), pending.visibleAt());
                        }
                        firstTime = Math.min(firstTime, pending.eventTime());
                        if (gate.pass(new TopicPartition(r.topic(), r.partition()), pending.visibleAt(), pending,
                                horizon)) {
                            state.apply(pending);
                        }
                    }
                }
                if (library) {
                    libraryIds = state.library().stream().map(io.edgeloop.core.rules.PatternDefinition::id).toList();
                }
                pauseHolding(streams);
                // streams-app's committed offsets before the end offsets: every score committed with
                // them is then below the end offsets positions() takes, so the clock waits to read it
                readScoringProgress();
                if (positions(streams, tables)) {
                    schedule();
                    pauseHolding(streams);
                }
            }
        } catch (WakeupException e) {
            if (running) {
                throw e;
            }
        } catch (RuntimeException | IOException | InterruptedException | ExecutionException e) {
            failure = e;
            LOG.error("retro-app stopped on an error", e);
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        } catch (Error e) {
            // an OutOfMemoryError too: recorded, so the service exits non-zero and gets restarted
            failure = new IllegalStateException("retro-app stopped on a JVM error: " + e, e);
            LOG.error("retro-app stopped on a JVM error", e);
            throw e;
        } finally {
            consumer.close();
            producer.close();
            if (admin != null) {
                admin.close(Duration.ofSeconds(5));
            }
            stopped.countDown();
        }
    }

    /** Updates the clock's view of which partitions are still behind; true when every table is read to its end. */
    private boolean positions(List<TopicPartition> streams, List<TopicPartition> tables) {
        List<TopicPartition> all = new ArrayList<>(streams);
        all.addAll(tables);
        Map<TopicPartition, Long> ends = consumer.endOffsets(all);
        boolean tablesRead = true;
        for (TopicPartition tp : all) {
            Long pinned = libraryEnd.get(tp);
            boolean behind = consumer.position(tp) < (pinned != null ? pinned : ends.get(tp));
            if (pinned != null && !behind) {
                consumer.pause(List.of(tp));
            }
            if (streams.contains(tp)) {
                clock.behind(tp.topic(), tp.partition(), behind);
            } else {
                tablesRead &= !behind;
            }
        }
        return tablesRead;
    }

    /** A pattern-library record written after the start, when the library is not followed. */
    private boolean beyondLibraryEnd(ConsumerRecord<byte[], byte[]> r) {
        Long end = libraryEnd.get(new TopicPartition(r.topic(), r.partition()));
        return end != null && r.offset() >= end;
    }

    private void schedule() throws IOException, InterruptedException, ExecutionException {
        limitToScored();
        OptionalLong streamTime = clock.now();
        Instant now = wallClock ? Instant.now() : streamTime.isPresent() ? Instant.ofEpochMilli(streamTime.getAsLong())
                : null;
        if (now == null) {
            return;
        }
        if (nextRun == null) {
            nextRun = schedule.nextAfter(wallClock ? now : Instant.ofEpochMilli(firstTime).plus(lookback));
            LOG.info("retro-app: first retrospective at {}", nextRun);
        }
        if (changelogHolds(now)) {
            return;
        }
        while (running && !nextRun.isAfter(now)) {
            release(nextRun.toEpochMilli());
            // the run's data time: a day whose session is over by then is in the book even when no
            // later candle closed it yet (a half day's bar, Friday after Thanksgiving)
            state.book().advanceTo(nextRun.toEpochMilli());
            runOnce(nextRun);
            nextRun = schedule.nextAfter(nextRun);
        }
        release(horizon());
    }

    /**
     * At most once a second: streams-app's committed offsets on {@code candles} into
     * {@link #scoring}. Offsets that cannot be read leave the last ones in place (they only ever
     * hold the clock back); the reason is logged once, and so is a group that has committed nothing
     * on {@code candles} (not started yet, or another application id).
     */
    private void readScoringProgress() throws InterruptedException {
        if (admin == null || !scoringCheck.due()) {
            return;
        }
        String problem = null;
        try {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(streamsAppId)
                    .partitionsToOffsetAndMetadata().get(SCORING_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            boolean any = false;
            for (Map.Entry<TopicPartition, OffsetAndMetadata> e : offsets.entrySet()) {
                if (e.getKey().topic().equals(Topics.CANDLES.name()) && e.getValue() != null) {
                    scoring.committed(e.getKey().partition(), e.getValue().offset());
                    any = true;
                }
            }
            if (!any) {
                problem = "the group has committed no offsets on " + Topics.CANDLES.name() + " (not started yet, or "
                        + "streams-app runs under another application id: set " + RetroOptions.STREAMS_APPLICATION_ID.name()
                        + ")";
            }
        } catch (ExecutionException | TimeoutException e) {
            problem = "cannot read its committed offsets: " + (e.getCause() != null ? e.getCause() : e);
        }
        if (problem != null && !problem.equals(scoringProblem)) {
            LOG.warn("retro-app: streams-app ({}): {}; the data clock waits for the candles it has not seen scored",
                    streamsAppId, problem);
        }
        scoringProblem = problem;
    }

    /**
     * Limits the clock to what streams-app has scored of the candles read (on every check of the
     * schedule, so candles read since the last offsets count at once), and logs every 30 s a run
     * held back by it.
     */
    private void limitToScored() {
        if (admin == null) {
            return;
        }
        clock.limit(scoring.scoredThrough());
        OptionalLong free = clock.unlimited();
        OptionalLong held = clock.limited(free);
        boolean runHeld = held.isPresent() && held.getAsLong() < free.getAsLong() && nextRun != null
                && !nextRun.isAfter(Instant.ofEpochMilli(free.getAsLong()))
                && nextRun.isAfter(Instant.ofEpochMilli(held.getAsLong()));
        heldRun = runHeld ? nextRun : null;
        if (runHeld && scoringWaitLog.due()) {
            int partition = scoring.slowestPartition();
            LOG.info("retro-app: the run as of {} waits for streams-app ({}) to score the candles read: scored "
                            + "through {}, candles partition {} committed at offset {}", RetroSchedule.asOf(nextRun),
                    streamsAppId, Instant.ofEpochMilli(held.getAsLong()), partition, scoring.committed(partition));
        }
    }

    /**
     * True when a run is due while {@code model-changelog} holds records this build cannot decode:
     * no run then, so nothing is published and no week is marked done until a later record under
     * each such id (a decision, a tombstone) is read, or a build that reads them starts. The ids themselves are
     * known from the keys; the hold is for what such a record may say that this build cannot see.
     * Logged every 30 s with the ids.
     */
    private boolean changelogHolds(Instant now) {
        Set<String> unreadable = state.unreadableChanges();
        boolean holds = !unreadable.isEmpty() && !nextRun.isAfter(now);
        heldByChangelog = holds ? nextRun : null;
        if (!holds) {
            return false;
        }
        if (changelogWaitLog.due()) {
            LOG.warn("retro-app: the run as of {} waits: {} holds {} record(s) this build cannot decode ({}); "
                            + "nothing is published until they are superseded or a build that reads them runs",
                    RetroSchedule.asOf(nextRun), Topics.MODEL_CHANGELOG.name(), unreadable.size(),
                    unreadable.stream().limit(10).toList());
        }
        return true;
    }

    /**
     * Up to which data time candles and scores go into the state: the next run's (data clock),
     * none before the first run is known, all on the wall clock (a live feed's bars are in the past).
     */
    private long horizon() {
        return wallClock ? Long.MAX_VALUE : nextRun == null ? Long.MIN_VALUE : nextRun.toEpochMilli();
    }

    /** Applies the held candles and scores the horizon now lets through. */
    private void release(long horizon) {
        for (TopicState.Pending pending : gate.release(horizon)) {
            state.apply(pending);
        }
    }

    /**
     * Pauses the stream partitions that hold many records back, and resumes those that no longer
     * do (only the gate pauses a stream partition; the library pin pauses a table's).
     */
    private void pauseHolding(List<TopicPartition> streams) {
        Set<TopicPartition> holding = gate.full();
        Set<TopicPartition> paused = consumer.paused();
        List<TopicPartition> pause = new ArrayList<>();
        List<TopicPartition> resume = new ArrayList<>();
        for (TopicPartition tp : streams) {
            if (holding.contains(tp)) {
                pause.add(tp);
            } else if (paused.contains(tp)) {
                resume.add(tp);
            }
        }
        consumer.pause(pause);
        consumer.resume(resume);
    }

    private void runOnce(Instant scheduled) throws IOException, InterruptedException, ExecutionException {
        if (runner.done(scheduled)) {
            LOG.info("retro-app: the retrospective as of {} ran before (its {} is in {}); skipped",
                    RetroSchedule.asOf(scheduled), ProposalFiles.PROPOSALS, runner.reports(scheduled));
            skipped.incrementAndGet();
            return;
        }
        RetroRunner.Outcome outcome = runner.run(scheduled, state);
        for (ModelChange change : outcome.toPublish()) {
            producer.send(new ProducerRecord<>(Topics.MODEL_CHANGELOG.name(), change.getId(), change)).get();
            state.remember(change.getId());
        }
        runner.finish(outcome, scheduled);
        last = outcome;
        runs.incrementAndGet();
        LOG.info("retro-app: retrospective as of {}: {} proposals ({} new) from {} tickers, reports in {} ({} records "
                        + "skipped so far, {} of them invalid candles, each logged when read)",
                outcome.result().windows().asOf(), outcome.result().proposals().size(), outcome.toPublish().size(), state.book().tickers(),
                outcome.reports(), state.skipped(), state.invalidCandles());
    }

    private List<TopicPartition> partitions(List<Topic<?, ?>> topics) {
        List<TopicPartition> out = new ArrayList<>();
        for (Topic<?, ?> topic : topics) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic.name(), Duration.ofSeconds(30));
            if (infos == null || infos.isEmpty()) {
                throw new IllegalStateException("topic " + topic.name() + " does not exist; create the catalog topics first");
            }
            infos.forEach(i -> out.add(new TopicPartition(i.topic(), i.partition())));
        }
        return out;
    }

    /** Stops the service and waits for its thread (at most 30 s). */
    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            if (!stopped.await(30, java.util.concurrent.TimeUnit.SECONDS)) {
                LOG.warn("retro-app did not stop within 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Something done at most once per interval of {@link System#nanoTime}: a check or a log line the
     * service's loop would otherwise repeat on every poll. Due at once the first time.
     */
    private static final class Pace {
        private final long intervalNanos;
        private long lastNanos;
        private boolean started;

        Pace(long intervalNanos) {
            this.intervalNanos = intervalNanos;
        }

        /** True, and the interval starts again, when it is the first time or the interval has passed. */
        boolean due() {
            long now = System.nanoTime();
            if (started && now - lastNanos < intervalNanos) {
                return false;
            }
            started = true;
            lastNanos = now;
            return true;
        }
    }
}
