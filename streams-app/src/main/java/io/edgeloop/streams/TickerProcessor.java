package io.edgeloop.streams;

import io.edgeloop.core.candle.BarSequencer;
import io.edgeloop.core.candle.Candle;
import io.edgeloop.core.candle.SessionCalendar;
import io.edgeloop.core.candle.Timeframe;
import io.edgeloop.schemas.avro.PatternDefinition;
import io.edgeloop.schemas.avro.Prediction;
import io.edgeloop.schemas.avro.ScoreSnapshot;
import io.edgeloop.schemas.avro.TickerReference;
import io.edgeloop.schemas.avro.Trade;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * The per-ticker processor: per candle it applies the sequencing rule, restores the ticker's
 * model from the {@code ticker-state} store, runs it, writes the state back and forwards the
 * snapshot, the predictions, the paper trade event and the ticker signal. The state of a ticker
 * and base interval lives under the key {@code TICKER|interval}.
 *
 * <p>Sequencing ({@link BarSequencer}): a redelivery of the last accepted bar is dropped and
 * counted; a revision or a late bar is refused ({@link RejectedCandleException}, dead-lettered)
 * and counted; neither reaches the model, so no bar is ever counted twice in indicator state.
 *
 * <p>Nothing is written or forwarded before the model has finished the candle, so a failure
 * leaves the stores as they were and the candle can be dead-lettered safely.
 *
 * <p>Signals: a ticker fed at several intervals (an hourly and a daily feed) gets a model per
 * interval; its ticker signal comes from the finest interval seen so far, so the signal and
 * the breadth built on it count each ticker once.
 */
final class TickerProcessor implements Processor<String, Candle, String, SpecificRecord> {

    private final TickerModels models;
    private final LibraryWatch watch;
    private final StreamsSettings settings;
    private final Map<Timeframe, Map<SessionCalendar, TickerModel>> cache = new EnumMap<>(Timeframe.class);
    private final Map<String, Timeframe> finest = new HashMap<>();
    private ProcessorContext<String, SpecificRecord> context;
    private KeyValueStore<String, byte[]> states;
    private KeyValueStore<String, ScoreSnapshot> latest;
    private ReadOnlyKeyValueStore<String, TickerReference> reference;
    private LibraryWatch.View library;
    private IngestCounters counters;

    TickerProcessor(TickerModels models, LibraryWatch watch, StreamsSettings settings) {
        this.models = models;
        this.watch = watch;
        this.settings = settings;
    }

    @Override
    public void init(ProcessorContext<String, SpecificRecord> context) {
        this.context = context;
        states = context.getStateStore(Names.TICKER_STATE_STORE);
        latest = context.getStateStore(Names.LATEST_STORE);
        reference = context.getStateStore(Names.REFERENCE_STORE);
        ReadOnlyKeyValueStore<String, PatternDefinition> patterns = context.getStateStore(Names.LIBRARY_STORE);
        library = new LibraryWatch.View(watch, patterns);
        counters = new IngestCounters(context.metrics(), context.taskId().toString());
    }

    @Override
    public void process(Record<String, Candle> record) {
        Candle candle = record.value();
        Timeframe base = candle.interval();
        if (!models.supports(base)) {
            counters.count(IngestCounters.Outcome.UNSUPPORTED);
            return;
        }
        String key = stateKey(candle.ticker(), base);
        byte[] stored = states.get(key);
        TickerState state = stored == null ? null : TickerState.decode(stored);
        BarSequencer.Arrival arrival = BarSequencer.classify(state == null ? null : state.lastBar(), candle);
        switch (arrival) {
            case DUPLICATE -> {
                counters.count(IngestCounters.Outcome.DUPLICATE);
                return;
            }
            case REVISION, LATE -> {
                counters.count(arrival == BarSequencer.Arrival.LATE
                        ? IngestCounters.Outcome.LATE : IngestCounters.Outcome.REVISION);
                throw new RejectedCandleException(candle.ticker() + " " + base.code() + " bar at "
                        + java.time.Instant.ofEpochMilli(candle.openTime()) + ": " + arrival.reason() + " (last accepted "
                        + java.time.Instant.ofEpochMilli(state.lastBar().openTime()) + ")");
            }
            default -> {
            }
        }
        SessionCalendar calendar = state == null ? calendar(candle.ticker()) : state.calendar();
        TickerModel model = model(base, calendar);
        if (state == null) {
            model.reset();
        } else {
            model.restore(state.model());
        }
        PatternLibrary patterns = library.current();
        model.library(patterns);
        ModelStep step = model.update(candle);
        if (!step.accepted()) {
            counters.count(IngestCounters.Outcome.IGNORED);
            return;
        }
        ScoreSnapshot snapshot = SnapshotMapping.of(candle, step, patterns);
        java.util.List<Prediction> predictions = Calls.predictions(candle, step, snapshot, patterns, settings);
        Trade trade = Calls.trade(candle, step);
        boolean signal = finestInterval(candle.ticker(), base) == base;

        states.put(key, new TickerState(calendar, TickerState.LastBar.of(candle), model.state()).encode());
        latest.put(key, snapshot);
        counters.count(IngestCounters.Outcome.ACCEPTED);

        String ticker = candle.ticker();
        context.forward(record.withKey(ticker).withValue(snapshot));
        for (Prediction prediction : predictions) {
            context.forward(record.withKey(ticker).withValue(prediction));
        }
        if (trade != null) {
            context.forward(record.withKey(ticker).withValue(trade));
        }
        if (signal) {
            context.forward(record.withKey(TickerSignals.key(ticker))
                    .withValue(TickerSignals.of(snapshot, settings.signals())));
        }
    }

    @Override
    public void close() {
        if (counters != null) {
            counters.close();
        }
    }

    /** The {@code ticker-state} / {@code latest-snapshots} key of a ticker and base interval. */
    static String stateKey(String ticker, Timeframe base) {
        return ticker + "|" + base.code();
    }

    private TickerModel model(Timeframe base, SessionCalendar calendar) {
        return cache.computeIfAbsent(base, b -> new EnumMap<>(SessionCalendar.class))
                .computeIfAbsent(calendar, c -> models.create(base, c));
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
        if (known == null) {
            known = base;
            for (Timeframe tf : Timeframe.values()) {
                if (tf.compareTo(known) < 0 && models.supports(tf) && states.get(stateKey(ticker, tf)) != null) {
                    known = tf;
                }
            }
        } else if (base.compareTo(known) < 0) {
            known = base;
        }
        finest.put(ticker, known);
        return known;
    }
}
