package io.edgeloop.resolver;

import io.edgeloop.kstreams.RejectedRecordException;
import io.edgeloop.core.candle.Candle;
import io.edgeloop.core.candle.CandleValidator;
import io.edgeloop.core.candle.Symbols;
import io.edgeloop.core.candle.Timeframe;
import io.edgeloop.core.candle.Validation;
import io.edgeloop.core.outcome.OutcomeConfig;
import io.edgeloop.core.outcome.PendingOutcome;
import io.edgeloop.core.outcome.PredictionTerms;
import io.edgeloop.core.outcome.TradeRef;
import io.edgeloop.schemas.avro.Outcome;
import io.edgeloop.schemas.avro.Prediction;
import io.edgeloop.schemas.avro.Trade;
import io.edgeloop.schemas.avro.TradeEvent;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome side of the resolver, one instance per ticker partition: keeps an open
 * {@link PendingOutcome} per prediction, feeds it the ticker's daily bars in event time, and
 * emits exactly one {@link Outcome} per prediction when it is due (all horizon bars in) or
 * expired (stream time past horizon + grace: the ticker stopped trading).
 *
 * <p>Exactly once: the outcome, the {@link ResolverStores#OUTCOMES} entry that guards against a
 * second one and the removal of the pending state are written in the same transaction
 * (exactly_once_v2). A duplicate or replayed prediction whose id is known is dropped; a replay
 * from scratch gives the same ids and figures, because everything here is event time.
 *
 * <p>Daily bars are kept per ticker ({@link TickerDays}) so a prediction that arrives after some
 * of its horizon bars still counts them. The stream-time sweep expires predictions of tickers
 * that went quiet and closes intraday-built daily bars of half days; the operator's resolve-due
 * request runs the same sweep at a later stream time.
 */
final class OutcomeProcessor extends ContextualProcessor<String, ResolverInput, String, OutcomeOutput> {

    /**
     * How far the progress mark trails the task's stream time: a daily bar is added (and resolves
     * outcomes at its open time) at most about a day after its open, when its close comes in
     * (candles come in close-time order), so an outcome is almost never resolved before the mark.
     */
    static final long MARK_LAG_MS = Duration.ofDays(2).toMillis();
    /** Stream time between two progress marks of a task. */
    static final long MARK_STEP_MS = Duration.ofDays(1).toMillis();

    private static final Logger LOG = LoggerFactory.getLogger(OutcomeProcessor.class);
    private static final StringSerializer KEYS = new StringSerializer();
    /** Key of a progress mark on the learning topic (an outcome is keyed by its ticker). */
    static final String MARK_RECORD_KEY = "";

    private final ResolverConfig config;
    private final OutcomeRetention retention;
    private final CandleValidator validator = CandleValidator.systemClock();
    private KeyValueStore<String, Prediction> predictions;
    private KeyValueStore<String, byte[]> pending;
    private KeyValueStore<String, Outcome> outcomes;
    private KeyValueStore<String, byte[]> tickerDays;
    private KeyValueStore<String, byte[]> formingDays;
    private KeyValueStore<String, String> tradeLinks;
    private KeyValueStore<String, Long> clock;
    private OutcomeTotals totals;
    private long clockWritten;
    private long markSent;
    private int source;
    private boolean upgraded;

    OutcomeProcessor(ResolverConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.retention = new OutcomeRetention(config.retention());
    }

    @Override
    public void init(ProcessorContext<String, OutcomeOutput> context) {
        super.init(context);
        predictions = context.getStateStore(ResolverStores.PREDICTIONS.name());
        pending = context.getStateStore(ResolverStores.PENDING.name());
        outcomes = context.getStateStore(ResolverStores.OUTCOMES.name());
        tickerDays = context.getStateStore(ResolverStores.TICKER_DAYS.name());
        formingDays = context.getStateStore(ResolverStores.FORMING_DAYS.name());
        tradeLinks = context.getStateStore(ResolverStores.TRADE_LINKS.name());
        clock = context.getStateStore(ResolverStores.CLOCK.name());
        totals = new OutcomeTotals(context.getStateStore(ResolverStores.TOTALS.name()));
        Long written = clock.get(ResolverStores.CLOCK_KEY);
        clockWritten = written == null ? Long.MIN_VALUE : written;
        Long mark = clock.get(ResolverStores.MARK_KEY);
        markSent = mark == null ? Long.MIN_VALUE : mark;
        source = context.taskId().partition();
        upgraded = false;
        context.schedule(config.sweepInterval(), PunctuationType.STREAM_TIME, this::sweep);
        context.schedule(OutcomeRetention.PURGE_INTERVAL, PunctuationType.STREAM_TIME, this::purge);
    }

    @Override
    public void process(Record<String, ResolverInput> record) {
        upgradeOnce();
        long now = context().currentStreamTimeMs();
        String key = record.key();
        ResolverInput input = record.value();
        if (!(input instanceof ResolverInput.ResolveDue) && (key == null || key.isBlank() || key.indexOf('|') >= 0)) {
            throw new RejectedRecordException("record key '" + key + "' is not a ticker");
        }
        if (input instanceof ResolverInput.NewPrediction p) {
            onPrediction(key, p.prediction(), now);
        } else if (input instanceof ResolverInput.NewCandle c) {
            onCandle(key, c.candle(), now);
        } else if (input instanceof ResolverInput.NewTrade t) {
            onTrade(key, t.trade());
        } else if (input instanceof ResolverInput.ResolveDue r) {
            long at = Math.max(r.asOf(), now);
            LOG.info("resolve-due request by {}: resolving at stream time {}", r.requestedBy(), Instant.ofEpochMilli(at));
            sweep(at);
            advanceMark(at, true);
            Long handled = clock.get(ResolverStores.REQUEST_KEY);
            if (handled == null || handled < r.asOf()) {
                clock.put(ResolverStores.REQUEST_KEY, r.asOf());
            }
        }
        tick(now);
    }

    private void onPrediction(String key, Prediction prediction, long now) {
        if (!prediction.getTicker().equals(key)) {
            throw new RejectedRecordException("prediction " + prediction.getId() + " of " + prediction.getTicker()
                    + " is keyed by '" + key + "'; predictions are keyed by their ticker");
        }
        PredictionTerms terms;
        try {
            terms = OutcomeMapping.terms(prediction, config.defaultHorizonDays());
        } catch (IllegalArgumentException e) {
            throw new RejectedRecordException("unusable prediction: " + e.getMessage(), e);
        }
        String id = terms.predictionId();
        Long stored = clock.get(ResolverStores.CLOCK_KEY);
        long clockNow = Math.max(now, stored == null ? Long.MIN_VALUE : stored);
        if (retention.tooOld(terms.time(), clockNow)) {
            throw new RejectedRecordException("prediction " + id + " of " + Instant.ofEpochMilli(terms.time())
                    + " is older than the retention (stream time " + Instant.ofEpochMilli(clockNow) + " minus "
                    + config.retention().toDays() + " days): whether it already has an outcome is no longer known");
        }
        if (outcomes.get(id) != null || predictions.get(id) != null) {
            LOG.debug("duplicate prediction {} dropped: its outcome is open or already out", id);
            return;
        }
        predictions.put(id, prediction);
        totals.prediction();
        PendingOutcome open = PendingOutcome.open(terms, outcomeConfig(terms.ticker()));
        TickerDays days = days(terms.ticker());
        if (!days.holdsBarsAfter(open.predictionDate())) {
            emit(open.expire("the daily bars after " + open.predictionDate() + " are no longer held (the resolver "
                    + "keeps the last " + config.recentDailyBars() + ", the oldest of " + days.oldestDate().orElseThrow()
                    + "): the prediction arrived too late to measure its horizon", clockNow),
                    ResolverStores.pendingKey(terms.ticker(), id));
            return;
        }
        for (Candle daily : days.after(open.predictionDate())) {
            open.onDailyCandle(daily);
        }
        String tradeId = tradeLinks.get(id);
        if (tradeId != null) {
            open.onTrade(new TradeRef(tradeId, terms.ticker(), id, terms.time()));
        }
        settle(open, now);
    }

    private void onCandle(String key, io.edgeloop.schemas.avro.Candle record, long now) {
        Candle candle;
        try {
            candle = OutcomeMapping.candle(record);
        } catch (IllegalArgumentException e) {
            throw new RejectedRecordException(e.getMessage(), e);
        }
        if (!candle.ticker().equals(key)) {
            throw new RejectedRecordException("candle of " + candle.ticker() + " is keyed by '" + key
                    + "'; candles are keyed by their ticker");
        }
        Validation validation = validator.validate(candle);
        if (validation instanceof Validation.Rejection rejection) {
            throw new RejectedRecordException("candle of " + candle.ticker() + " at "
                    + Instant.ofEpochMilli(candle.openTime()) + " refused: " + rejection.reason());
        }
        if (candle.interval() != Timeframe.D1 && !candle.interval().intraday()) {
            LOG.debug("{} bar of {} ignored: outcomes use daily bars", candle.interval().code(), candle.ticker());
            return;
        }
        List<Candle> closed;
        if (candle.interval() == Timeframe.D1) {
            closed = List.of(candle);
        } else {
            FormingDay forming = FormingDay.fromBytes(candle.ticker(), formingDays.get(candle.ticker()));
            closed = forming.offerIntraday(candle);
            formingDays.put(candle.ticker(), forming.toBytes());
        }
        addDays(candle.ticker(), closed, now);
    }

    /**
     * Adds closed daily bars to the ticker's days (read and written only here, when there is a
     * bar to add) and feeds the new ones to its open outcomes.
     */
    private void addDays(String ticker, List<Candle> closed, long now) {
        if (closed.isEmpty()) {
            return;
        }
        TickerDays days = days(ticker);
        List<Candle> fresh = new ArrayList<>(closed.size());
        for (Candle daily : closed) {
            if (days.addDaily(daily)) {
                fresh.add(daily);
            }
        }
        if (fresh.isEmpty()) {
            return;
        }
        tickerDays.put(ticker, days.toBytes());
        for (Candle daily : fresh) {
            feedDaily(daily, now);
        }
    }

    private void onTrade(String key, Trade trade) {
        if (!trade.getTicker().equals(key)) {
            throw new RejectedRecordException("trade " + trade.getId() + " of " + trade.getTicker()
                    + " is keyed by '" + key + "'; trades are keyed by their ticker");
        }
        TradeRef ref;
        try {
            ref = OutcomeMapping.trade(trade);
        } catch (IllegalArgumentException e) {
            throw new RejectedRecordException("unusable trade: " + e.getMessage(), e);
        }
        if (ref.linked()) {
            linkTrade(ref);
        } else if (trade.getEvent() == TradeEvent.OPEN) {
            for (KeyValue<String, byte[]> entry : openOutcomes(ResolverStores.pendingPrefix(ref.ticker()))) {
                PendingOutcome open = restore(entry.value);
                if (!open.traded() && open.onTrade(ref)) {
                    String id = open.terms().predictionId();
                    if (tradeLinks.get(id) == null) {
                        tradeLinks.put(id, ref.tradeId());
                    }
                    pending.put(entry.key, open.toBytes());
                }
            }
        }
    }

    private void linkTrade(TradeRef ref) {
        String id = ref.predictionId();
        if (tradeLinks.get(id) == null) {
            tradeLinks.put(id, ref.tradeId());
        }
        String pendingKey = ResolverStores.pendingKey(ref.ticker(), id);
        byte[] bytes = pending.get(pendingKey);
        if (bytes != null) {
            PendingOutcome open = restore(bytes);
            if (!open.traded()) {
                open.onTrade(ref);
                pending.put(pendingKey, open.toBytes());
            }
        } else if (outcomes.get(id) != null) {
            LOG.info("trade {} acts on prediction {} whose outcome is already out; the outcome stays as it was",
                    ref.tradeId(), id);
        }
    }

    /** Offers a new daily bar to every open outcome of its ticker, and resolves those that are due. */
    private void feedDaily(Candle daily, long now) {
        for (KeyValue<String, byte[]> entry : openOutcomes(ResolverStores.pendingPrefix(daily.ticker()))) {
            PendingOutcome open = restore(entry.value);
            open.onDailyCandle(daily);
            settle(open, now);
        }
    }

    /**
     * The stream-time sweep: closes intraday-built daily bars whose session ended, then expires
     * every open outcome whose expiry time has passed.
     */
    private void sweep(long streamTime) {
        upgradeOnce();
        List<KeyValue<String, byte[]>> forming = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> it = formingDays.all()) {
            it.forEachRemaining(forming::add);
        }
        for (KeyValue<String, byte[]> entry : forming) {
            FormingDay day = FormingDay.fromBytes(entry.key, entry.value);
            List<Candle> closed = day.advanceTo(streamTime);
            if (!closed.isEmpty()) {
                formingDays.put(entry.key, day.toBytes());
                addDays(entry.key, closed, streamTime);
            }
        }
        List<KeyValue<String, byte[]>> open = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> it = pending.all()) {
            it.forEachRemaining(open::add);
        }
        for (KeyValue<String, byte[]> entry : open) {
            PendingOutcome outcome = restore(entry.value);
            if (outcome.isExpired(streamTime)) {
                settle(outcome, streamTime);
            }
        }
    }

    /** The retention purge ({@link OutcomeRetention}), once a day of stream time. */
    private void purge(long streamTime) {
        upgradeOnce();
        OutcomeRetention.Purged purged = retention.purge(streamTime, predictions, outcomes, tradeLinks, tickerDays,
                formingDays, pending, config.recentDailyBars());
        if (purged.any()) {
            LOG.info("retention at stream time {}: forgot {} resolved predictions and {} silent tickers",
                    Instant.ofEpochMilli(streamTime), purged.predictions(), purged.tickers());
        }
    }

    /** Emits the outcome when it is known at this stream time, else keeps the open state. */
    private void settle(PendingOutcome open, long streamTime) {
        Optional<io.edgeloop.core.outcome.Outcome> outcome = open.tryResolve(streamTime);
        String pendingKey = ResolverStores.pendingKey(open.terms().ticker(), open.terms().predictionId());
        if (outcome.isPresent()) {
            emit(outcome.get(), pendingKey);
        } else {
            pending.put(pendingKey, open.toBytes());
        }
    }

    private void emit(io.edgeloop.core.outcome.Outcome outcome, String pendingKey) {
        String id = outcome.predictionId();
        pending.delete(pendingKey);
        if (outcomes.get(id) != null) {
            LOG.warn("prediction {} already has its outcome; a second one is not emitted", id);
            return;
        }
        Prediction prediction = predictions.get(id);
        Outcome record = OutcomeMapping.toAvro(outcome, prediction, tradeLinks.get(id));
        outcomes.put(id, record);
        totals.outcome(record, prediction);
        context().forward(new Record<>(outcome.ticker(), new OutcomeOutput.Published(record), outcome.resolvedAt()));
        if (outcome.learnable()) {
            context().forward(new Record<>(outcome.ticker(),
                    new OutcomeOutput.Learning(LearningRecord.outcome(source, markSent, record)), outcome.resolvedAt()));
        }
        LOG.debug("outcome of {}: {} return {}%", id, outcome.status(), record.getReturnPct());
    }

    private List<KeyValue<String, byte[]>> openOutcomes(String prefix) {
        List<KeyValue<String, byte[]>> out = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> it = pending.prefixScan(prefix, KEYS)) {
            it.forEachRemaining(out::add);
        }
        return out;
    }

    /** The prediction date and expiry time are in the bytes; the config only gives the thresholds. */
    private PendingOutcome restore(byte[] bytes) {
        return PendingOutcome.fromBytes(bytes, config.outcome());
    }

    private TickerDays days(String ticker) {
        return TickerDays.fromBytes(ticker, config.recentDailyBars(), tickerDays.get(ticker));
    }

    /**
     * Once per task start, before the first record or punctuation: moves the forming bar of
     * ticker-days entries written in the format before the split (the forming bar inside) to
     * {@link ResolverStores#FORMING_DAYS}, so an upgraded app continues the day that was forming,
     * and starts the all-time counts ({@link OutcomeTotals#startFrom}) of a store that predates them.
     * Done on the first record rather than in {@code init}, so the writes are changelogged in
     * that record's transaction; a no-op (one scan of the ticker-days keys) once upgraded.
     */
    private void upgradeOnce() {
        if (upgraded) {
            return;
        }
        upgraded = true;
        totals.startFrom(predictions, outcomes);
        List<KeyValue<String, byte[]>> legacy = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> it = tickerDays.all()) {
            it.forEachRemaining(kv -> {
                if (TickerDays.isLegacy(kv.value)) {
                    legacy.add(kv);
                }
            });
        }
        for (KeyValue<String, byte[]> entry : legacy) {
            TickerDays days = TickerDays.fromBytes(entry.key, config.recentDailyBars(), entry.value);
            if (formingDays.get(entry.key) == null) {
                formingDays.put(entry.key, days.legacyForming().toBytes());
            }
            tickerDays.put(entry.key, days.toBytes());
        }
        if (!legacy.isEmpty()) {
            LOG.info("moved the forming daily bar of {} tickers to {}", legacy.size(), ResolverStores.FORMING_DAYS.name());
        }
    }

    private OutcomeConfig outcomeConfig(String ticker) {
        return config.outcomeFor(Symbols.isCryptoPair(ticker));
    }

    private void tick(long now) {
        if (now > clockWritten) {
            clock.put(ResolverStores.CLOCK_KEY, now);
            clockWritten = now;
        }
        if (now != Long.MIN_VALUE) {
            advanceMark(now - MARK_LAG_MS, false);
        }
    }

    /**
     * Sends the task's progress mark to the keeper when it moved by a step (or at once when
     * {@code force}, for a resolve-due request): every outcome this task emits afterwards is
     * ordered at or after it ({@link LearningRecord#outcome}). Kept in {@link ResolverStores#CLOCK},
     * in the same transaction as the records, so a restart continues from it.
     */
    private void advanceMark(long mark, boolean force) {
        if (mark <= markSent || (!force && markSent != Long.MIN_VALUE && mark - markSent < MARK_STEP_MS)) {
            return;
        }
        markSent = mark;
        clock.put(ResolverStores.MARK_KEY, mark);
        context().forward(new Record<>(MARK_RECORD_KEY, new OutcomeOutput.Learning(LearningRecord.mark(source, mark)),
                mark));
    }
}
