package io.edgeloop.streams;

import io.edgeloop.kstreams.DeferredKeyValueStore;
import io.edgeloop.kstreams.RejectedRecordException;
import io.edgeloop.core.candle.BarSequencer;
import io.edgeloop.core.candle.Candle;
import io.edgeloop.core.candle.CandleValidator;
import io.edgeloop.core.candle.SessionCalendar;
import io.edgeloop.core.candle.Timeframe;
import io.edgeloop.core.signals.SignalLabel;
import io.edgeloop.core.signals.TickerSignal;
import io.edgeloop.schemas.avro.PatternDefinition;
import io.edgeloop.schemas.avro.Prediction;
import io.edgeloop.schemas.avro.ScoreSnapshot;
import io.edgeloop.schemas.avro.TickerReference;
import io.edgeloop.schemas.avro.Trade;
import io.edgeloop.schemas.serde.AvroBuffer;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.errors.TaskCorruptedException;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The per-ticker processor: per candle it validates the record ({@link CandleValidation}), applies
 * the sequencing rule, runs the ticker's model, writes its state to the {@code ticker-state} store
 * and forwards the snapshot, the predictions, the paper trade event, the ticker signal and, for
 * breadth, a vote when the ticker's label changed, each straight to its sink (by child name: no
 * branching or mapping nodes, which cost as much per record as the sinks' own work). The snapshot
 * and the ticker signal, one record each per candle, go out already encoded, written straight
 * from the model step ({@link SnapshotEncoding}, {@link TickerSignals#encode}: the serde's bytes
 * without building the Avro records). The state of a ticker and base interval lives under the
 * key {@code TICKER|interval}.
 *
 * <p>Sequencing ({@link BarSequencer}): a redelivery of the last accepted bar is dropped and
 * counted; a revision or a late bar is refused ({@link RejectedRecordException}, dead-lettered)
 * and counted; neither reaches the model, so no bar is ever counted twice in indicator state.
 *
 * <p>Nothing is written or forwarded before the model has finished the candle, so a failure
 * leaves the stores as they were and the candle can be dead-lettered safely. The models of the
 * tickers a task has seen stay in memory between candles. Their state is encoded into the
 * {@code ticker-state} store when the task commits, not after every candle
 * ({@link DeferredKeyValueStore}: about 9 KB per hourly ticker, which cost more than the model
 * step itself), so at each commit the store holds every ticker's state after its last candle and
 * a restore from the changelog continues exactly where the commit left off. Each ticker's latest
 * snapshot goes into {@code latest-snapshots} the same way, decoded from its encoding once per
 * commit (queries see it as of the last commit). {@link #init} (which
 * Kafka Streams calls again whenever it revives a task, e.g. after an aborted transaction)
 * forgets the models and their pending state, which are then read back from the store; a
 * failure inside the model rebuilds it from its stored state and the candles accepted since.
 *
 * <p>Signals: a ticker fed at several intervals (an hourly and a daily feed) gets a model per
 * interval; its ticker signal and its breadth votes come from the finest interval seen so far,
 * so breadth counts each ticker once. Besides the votes, the task sends its partition's progress
 * (the latest bar close) at most every {@value #PROGRESS_EVERY_MS} ms of wall-clock time, so
 * breadth can complete boundaries while labels stay the same. An input mark from
 * {@code streams.control} (the partition's candles are complete through a bar close time, or have
 * ended: {@code Long.MAX_VALUE}) is passed on to breadth at once as a progress mark of that time;
 * written once the app has consumed the candles it vouches for ({@link CandleInputMarks}), it comes
 * after them, so breadth stops waiting for an ended partition at the same place in the data in
 * every run.
 *
 * <p>Record timestamps: the outputs carry the processing time, as the connector stamps candles
 * with their ingest time. Event time is in every payload ({@code barTime}, {@code time}); a
 * bar-time record timestamp would let the broker's time-based retention delete a replay of
 * history (bars back to 1984 on a topic that keeps 120 days) as soon as its segment rolls.
 */
final class TickerProcessor implements Processor<String, Object, String, Object> {

    static final long PROGRESS_EVERY_MS = 1_000;

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(TickerProcessor.class);

    /**
     * Accepted candles of a ticker after which its state is written even before the next commit,
     * which bounds the candles kept to rebuild a model after a failure.
     */
    static final int MAX_UNWRITTEN = 10_000;

    /**
     * A ticker's model as it stands after its last accepted candle, and what it takes to rebuild
     * it: the state last written to or read from the store ({@code stored}, null for none) and
     * the candles accepted since, each with the library it was matched against. As the supplier
     * of its {@code ticker-state} value it encodes its current state, which then becomes the
     * stored one.
     */
    private static final class Live implements Supplier<byte[]> {
        private final TickerModel model;
        private final SessionCalendar calendar;
        private TickerState.LastBar lastBar;
        private SignalLabel label;
        private byte[] stored;
        /** The ticker's key on the {@code signals} topic. */
        private final String signalKey;
        /**
         * The {@code scores} value (encoded snapshot) of the last accepted candle, and its
         * supplier for {@code latest-snapshots}, which decodes it once per commit.
         */
        private byte[] snapshot;
        private final Supplier<ScoreSnapshot> latest = () -> SnapshotEncoding.decode(snapshot);
        private final List<Candle> since = new ArrayList<>();
        private final List<PatternLibrary> libraries = new ArrayList<>();

        private Live(TickerModel model, SessionCalendar calendar, String ticker) {
            this.model = model;
            this.calendar = calendar;
            this.signalKey = TickerSignals.key(ticker);
        }

        @Override
        public byte[] get() {
            stored = TickerState.encode(calendar, label, lastBar, model);
            since.clear();
            libraries.clear();
            return stored;
        }

        private void accepted(Candle candle, PatternLibrary library) {
            since.add(candle);
            libraries.add(library);
        }

        /** Puts the model back to its state after the last accepted candle (after a failure inside it). */
        private void rebuild() {
            if (stored == null) {
                model.reset();
            } else {
                model.restore(TickerState.decode(stored).model());
            }
            for (int i = 0; i < since.size(); i++) {
                model.library(libraries.get(i));
                model.update(since.get(i));
            }
        }
    }

    private final TickerModels models;
    private final LibraryWatch watch;
    private final StreamsSettings settings;
    private final CandleValidator validator;
    /** The buffer the outputs written straight from the model step are encoded in. */
    private final AvroBuffer buffer = new AvroBuffer();
    private final SnapshotEncoding encoding = new SnapshotEncoding(buffer);
    private final Map<String, Live> live = new HashMap<>();
    private final Map<String, Timeframe> finest = new HashMap<>();
    private ProcessorContext<String, Object> context;
    private DeferredKeyValueStore<byte[]> states;
    private DeferredKeyValueStore<ScoreSnapshot> latest;
    private ReadOnlyKeyValueStore<String, TickerReference> reference;
    private LibraryWatch.View library;
    private IngestCounters counters;
    private long progress = Long.MIN_VALUE;
    private long progressSentAt = Long.MIN_VALUE;

    TickerProcessor(TickerModels models, LibraryWatch watch, StreamsSettings settings, CandleValidator validator) {
        this.models = models;
        this.watch = watch;
        this.settings = settings;
        this.validator = validator;
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        states = DeferredKeyValueStore.of(context.getStateStore(Names.TICKER_STATE_STORE));
        states.dropPending();
        latest = DeferredKeyValueStore.of(context.getStateStore(Names.LATEST_STORE));
        latest.dropPending();
        reference = context.getStateStore(Names.REFERENCE_STORE);
        ReadOnlyKeyValueStore<String, PatternDefinition> patterns = context.getStateStore(Names.LIBRARY_STORE);
        library = new LibraryWatch.View(watch, patterns);
        live.clear();
        finest.clear();
        progress = Long.MIN_VALUE;
        progressSentAt = Long.MIN_VALUE;
        if (counters != null) {
            counters.close();
        }
        counters = new IngestCounters(context.metrics(), context.taskId().toString());
    }

    @Override
    public void process(Record<String, Object> record) {
        if (record.value() instanceof Long through) {
            inputMark(record, through);
            return;
        }
        Candle candle = CandleValidation.check(record.key(), (io.edgeloop.schemas.avro.Candle) record.value(), validator);
        Timeframe base = candle.interval();
        if (!models.supports(base)) {
            counters.count(IngestCounters.Outcome.UNSUPPORTED);
            return;
        }
        String key = stateKey(candle.ticker(), base);
        Live ticker = live.get(key);
        if (ticker == null) {
            ticker = load(key, candle.ticker(), base);
        }
        BarSequencer.Arrival arrival = BarSequencer.classify(ticker.lastBar, candle);
        switch (arrival) {
            case DUPLICATE -> {
                counters.count(IngestCounters.Outcome.DUPLICATE);
                return;
            }
            case REVISION, LATE -> {
                counters.count(arrival == BarSequencer.Arrival.LATE
                        ? IngestCounters.Outcome.LATE : IngestCounters.Outcome.REVISION);
                throw new RejectedRecordException(candle.ticker() + " " + base.code() + " bar at "
                        + Instant.ofEpochMilli(candle.openTime()) + ": " + arrival.reason() + " (last accepted "
                        + Instant.ofEpochMilli(ticker.lastBar.openTime()) + ")");
            }
            default -> {
            }
        }
        PatternLibrary patterns = library.current();
        ModelStep step;
        byte[] snapshot;
        List<Prediction> predictions;
        Trade trade;
        byte[] signal;
        SignalLabel label;
        TickerState.LastBar bar = TickerState.LastBar.of(candle);
        try {
            ticker.model.library(patterns);
            step = ticker.model.update(candle);
            if (!step.accepted()) {
                counters.count(IngestCounters.Outcome.IGNORED);
                LOG.debug("{}: {} bar at {} ignored by the model: {}", key, base.code(),
                        Instant.ofEpochMilli(candle.openTime()), step.ignoredReason());
                return;
            }
            snapshot = encoding.encode(candle, step, patterns);
            predictions = Calls.predictions(candle, step, patterns, settings);
            trade = Calls.trade(candle, step);
            TickerSignal tickerSignal = finestInterval(candle.ticker(), base) == base
                    ? TickerSignals.of(step, patterns, settings.signals()) : null;
            signal = tickerSignal == null ? null
                    : TickerSignals.encode(candle.ticker(), candle.openTime(), tickerSignal, buffer);
            label = tickerSignal == null ? ticker.label : tickerSignal.label();
        } catch (RuntimeException e) {
            rebuild(key, ticker);
            // Nothing of the candle stays (the model is as it was, no store written, nothing
            // forwarded): a refusal, so the candle goes to the DLQ with the failure and the task goes on.
            LOG.error("{}: the model failed on the {} bar at {}; rebuilt as it was before it", key, base.code(),
                    Instant.ofEpochMilli(candle.openTime()), e);
            throw new RejectedRecordException(candle.ticker() + " " + base.code() + " bar at "
                    + Instant.ofEpochMilli(candle.openTime()) + ": the model failed: " + e, e);
        }

        ticker.accepted(candle, patterns);
        if (ticker.since.size() >= MAX_UNWRITTEN) {
            states.put(key, ticker.get());
        } else {
            states.putLater(key, ticker);
        }
        ticker.snapshot = snapshot;
        latest.putLater(key, ticker.latest);
        counters.count(IngestCounters.Outcome.ACCEPTED);
        SignalLabel before = ticker.label;
        ticker.lastBar = bar;
        ticker.label = label;

        String name = candle.ticker();
        long closeTime = record.timestamp();
        long now = context.currentSystemTimeMs();
        // The outputs carry the candle's headers; without any, none to copy into each output record.
        Headers headers = record.headers().iterator().hasNext() ? record.headers() : null;
        Record<String, Object> out = new Record<>(name, snapshot, now, headers);
        context.forward(out, Names.SCORES_SINK);
        for (Prediction prediction : predictions) {
            context.forward(out.withValue(prediction), Names.PREDICTIONS_SINK);
        }
        if (trade != null) {
            context.forward(out.withValue(trade), Names.TRADES_SINK);
        }
        if (signal != null) {
            context.forward(new Record<>(ticker.signalKey, (Object) signal, now, headers),
                    Names.TICKER_SIGNALS_SINK);
        }
        if (signal != null && label != before) {
            context.forward(out.withValue(new BreadthVote(partition(), name, label, candle.openTime(), closeTime)),
                    Names.BREADTH_VOTES);
            progressSentAt = now;
        } else if (closeTime > progress && (progressSentAt == Long.MIN_VALUE || now - progressSentAt >= PROGRESS_EVERY_MS)) {
            context.forward(out.withKey("").withValue(BreadthVote.progress(partition(), closeTime)), Names.BREADTH_VOTES);
            progressSentAt = now;
        }
        progress = Math.max(progress, closeTime);
    }

    /**
     * Passes a {@code streams.control} mark on to breadth: a progress mark at {@code through} when
     * that moves the partition on. The end of input ({@code Long.MAX_VALUE}) leaves the task's own
     * progress alone, so the next candle reports again at once and breadth waits for the partition again.
     */
    private void inputMark(Record<String, Object> record, long through) {
        LOG.info("task {}: candle input of partition {} complete through {} (mark from {})", context.taskId(),
                partition(), through == Long.MAX_VALUE ? "its end" : Instant.ofEpochMilli(through), record.key());
        if (through <= progress) {
            return;
        }
        long now = context.currentSystemTimeMs();
        context.forward(new Record<String, Object>("", BreadthVote.progress(partition(), through), now),
                Names.BREADTH_VOTES);
        if (through == Long.MAX_VALUE) {
            progressSentAt = Long.MIN_VALUE;
        } else {
            progress = through;
            progressSentAt = now;
        }
    }

    @Override
    public void close() {
        if (counters != null) {
            counters.close();
            counters = null;
        }
    }

    /** The {@code candles} partition of the record being processed. */
    private int partition() {
        return context.recordMetadata().map(RecordMetadata::partition).orElse(0);
    }

    /** The {@code ticker-state} / {@code latest-snapshots} key of a ticker and base interval. */
    static String stateKey(String ticker, Timeframe base) {
        return ticker + "|" + base.code();
    }

    /**
     * After a failure inside the model: the model rebuilt as it was after the ticker's last
     * accepted candle (its stored state and the candles accepted since). Should even that fail,
     * the task is declared corrupted: Kafka Streams then drops its uncommitted work, restores the
     * stores from the changelogs and processes again from the last commit.
     */
    private void rebuild(String key, Live ticker) {
        try {
            ticker.rebuild();
        } catch (RuntimeException e) {
            live.remove(key);
            states.dropPending();
            latest.dropPending();
            LOG.error("{}: the model failed and could not be rebuilt from its stored state and the {} candles since;"
                    + " task {} restarts from its last commit", key, ticker.since.size(), context.taskId(), e);
            throw new TaskCorruptedException(Set.of(context.taskId()));
        }
    }

    /** The ticker's model from the store, or a fresh one on the reference calendar. */
    private Live load(String key, String ticker, Timeframe base) {
        byte[] stored = states.get(key);
        Live loaded;
        if (stored == null) {
            SessionCalendar calendar = calendar(ticker);
            loaded = new Live(models.create(base, calendar), calendar, ticker);
            loaded.model.reset();
        } else {
            TickerState state = TickerState.decode(stored);
            loaded = new Live(models.create(base, state.calendar()), state.calendar(), ticker);
            loaded.model.restore(state.model());
            loaded.lastBar = state.lastBar();
            loaded.label = state.label();
            loaded.stored = stored;
        }
        live.put(key, loaded);
        return loaded;
    }

    /** The reference calendar of a ticker, else the default for its symbol. */
    private SessionCalendar calendar(String ticker) {
        TickerReference ref = reference.get(ticker);
        if (ref == null) {
            return SessionCalendar.forTicker(ticker);
        }
        return ref.getCalendar() == io.edgeloop.schemas.avro.SessionCalendar.CRYPTO_24_7
                ? SessionCalendar.CRYPTO : SessionCalendar.US_EQUITY;
    }

    /** The finest interval the ticker has a model for, including {@code base}. */
    private Timeframe finestInterval(String ticker, Timeframe base) {
        Timeframe known = finest.get(ticker);
        if (known != null && known.compareTo(base) <= 0) {
            return known;
        }
        if (known == null) {
            known = base;
            for (Timeframe tf : Timeframe.values()) {
                if (tf.compareTo(known) < 0 && models.supports(tf)
                        && (live.containsKey(stateKey(ticker, tf)) || states.get(stateKey(ticker, tf)) != null)) {
                    known = tf;
                }
            }
        } else {
            known = base;
        }
        finest.put(ticker, known);
        return known;
    }
}
