package io.edgeloop.resolver;

import io.edgeloop.kstreams.DeferredKeyValueStore;
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
import io.edgeloop.core.outcome.TradingDates;
import io.edgeloop.schemas.avro.Outcome;
import io.edgeloop.schemas.avro.Prediction;
import io.edgeloop.schemas.avro.Trade;
import io.edgeloop.schemas.avro.TradeEvent;
import org.apache.kafka.streams.KeyValue;
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
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

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
 * of its horizon bars still counts them.
 *
 * <p>The task's tickers' forming days, recent daily bars and open outcomes, and its stream time,
 * are kept live in memory (read from the stores once, at the first record after the task starts)
 * and handed to their stores to be encoded once per commit ({@link DeferredKeyValueStore}), not
 * once per candle: at every commit the stores hold the state as of the last record, so a restore
 * from the changelog continues exactly where the commit left off, and {@link #init} (called again
 * when Kafka Streams revives a task after dropping uncommitted work) forgets the live state.
 *
 * <p>The stream-time sweep expires predictions of tickers that went quiet and closes
 * intraday-built daily bars of half days; the operator's resolve-due request runs the same sweep
 * at a later stream time.
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
    /** Key of a progress mark on the learning topic (an outcome is keyed by its ticker). */
    static final String MARK_RECORD_KEY = "";

    private final ResolverConfig config;
    private final OutcomeRetention retention;
    private final CandleValidator validator;
    private KeyValueStore<String, Prediction> predictions;
    private DeferredKeyValueStore<byte[]> pending;
    private KeyValueStore<String, Outcome> outcomes;
    private DeferredKeyValueStore<byte[]> tickerDays;
    private DeferredKeyValueStore<byte[]> formingDays;
    private KeyValueStore<String, String> tradeLinks;
    private KeyValueStore<String, byte[]> recentTrades;
    private DeferredKeyValueStore<Long> clock;
    /** Open outcomes by pending key (ticker|prediction id), in the store's key order. */
    private final TreeMap<String, PendingOutcome> open = new TreeMap<>();
    /** Recent closed daily bars by ticker. */
    private final TreeMap<String, TickerDays> days = new TreeMap<>();
    /** Forming daily bars by ticker, in the store's key order. */
    private final TreeMap<String, FormingDay> forming = new TreeMap<>();
    /** Bar time of every prediction the predictions store holds, by id: what the purge reads. */
    private final TreeMap<String, Long> predictionTimes = new TreeMap<>();
    private OutcomeTotals totals;
    private long clockWritten;
    private long markSent;
    /** Stream time at or after which the next sweep runs; {@link Long#MIN_VALUE}: at the first record. */
    private long nextSweep;
    /** Stream time at or after which the next purge runs; {@link Long#MIN_VALUE}: at the first record. */
    private long nextPurge;
    private int source;
    private boolean upgraded;

    OutcomeProcessor(ResolverConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.retention = new OutcomeRetention(config.retention());
        this.validator = new CandleValidator(config.clock());
    }

    @Override
    public void init(ProcessorContext<String, OutcomeOutput> context) {
        super.init(context);
        predictions = context.getStateStore(ResolverStores.PREDICTIONS.name());
        pending = deferred(context, ResolverStores.PENDING);
        outcomes = context.getStateStore(ResolverStores.OUTCOMES.name());
        tickerDays = deferred(context, ResolverStores.TICKER_DAYS);
        formingDays = deferred(context, ResolverStores.FORMING_DAYS);
        tradeLinks = context.getStateStore(ResolverStores.TRADE_LINKS.name());
        recentTrades = context.getStateStore(ResolverStores.RECENT_TRADES.name());
        clock = deferred(context, ResolverStores.CLOCK);
        open.clear();
        days.clear();
        forming.clear();
        predictionTimes.clear();
        totals = new OutcomeTotals(context.getStateStore(ResolverStores.TOTALS.name()));
        source = context.taskId().partition();
        upgraded = false;
        nextSweep = Long.MIN_VALUE;
        nextPurge = Long.MIN_VALUE;
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
            onTrade(key, t.trade(), now);
        } else if (input instanceof ResolverInput.ResolveDue r) {
            long at = Math.max(r.asOf(), now);
            LOG.info("resolve-due request by {}: resolving at stream time {}", r.requestedBy(), Instant.ofEpochMilli(at));
            sweep(at);
            advanceMark(releaseMark(at, markSent), true);
            Long handled = clock.get(ResolverStores.REQUEST_KEY);
            if (handled == null || handled < r.asOf()) {
                clock.put(ResolverStores.REQUEST_KEY, r.asOf());
            }
        }
        tick(now);
        runDue(now);
    }

    /**
     * Runs the sweep and the purge when stream time has reached their next run, as stream-time
     * punctuators aligned to multiples of their intervals would (first at the task's first record,
     * then at the first record at or past the next multiple), but inline, right after the record
     * that moved stream time there. Not punctuators: a punctuation makes Kafka Streams halve the
     * number of records its thread processes between two looks at every task, and an hourly sweep
     * on hourly candles ran nearly every record, so the thread went back to one record a loop, and
     * each loop formats a log text for every task and every empty partition (Kafka 4.3, whether or
     * not it is logged). Inline, the sweep also runs at the same record whatever the thread's pace.
     */
    private void runDue(long streamTime) {
        if (streamTime == Long.MIN_VALUE) {
            return;
        }
        if (streamTime >= nextSweep) {
            sweep(streamTime);
            nextSweep = nextMultiple(streamTime, config.sweepInterval().toMillis());
        }
        if (streamTime >= nextPurge) {
            purge(streamTime);
            nextPurge = nextMultiple(streamTime, OutcomeRetention.PURGE_INTERVAL.toMillis());
        }
    }

    /** The first multiple of {@code interval} after {@code time}. */
    static long nextMultiple(long time, long interval) {
        return Math.floorDiv(time, interval) * interval + interval;
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
        long clockNow = Math.max(now, clockWritten);
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
        predictionTimes.put(id, terms.time());
        totals.prediction();
        PendingOutcome opened = PendingOutcome.open(terms, outcomeConfig(terms.ticker()));
        TickerDays held = days.get(terms.ticker());
        if (held == null) {
            held = noDays(terms.ticker());
        }
        if (!held.holdsBarsAfter(opened.predictionDate())) {
            emit(opened.expire("the daily bars after " + opened.predictionDate() + " are no longer all held (the "
                    + "resolver keeps the last " + config.recentDailyBars() + "; it dropped the bars up to "
                    + held.newestDroppedDate().orElseThrow() + ", the oldest kept is of " + held.oldestDate().orElseThrow()
                    + "): the prediction arrived too late to measure its horizon", clockNow),
                    ResolverStores.pendingKey(terms.ticker(), id));
            return;
        }
        for (Candle daily : held.after(opened.predictionDate())) {
            opened.onDailyCandle(daily);
        }
        String tradeId = tradeLinks.get(id);
        if (tradeId != null) {
            opened.onTrade(TradeRef.linked(tradeId, terms.ticker(), id, terms.time()));
        } else {
            offerRecentTrades(opened, now);
        }
        settle(opened, now);
    }

    /**
     * Offers a newly opened prediction the ticker's recent unlinked OPEN trades (those that came
     * before it), in arrival order; the first that counts is linked, as when a trade comes while
     * the prediction is open.
     */
    private void offerRecentTrades(PendingOutcome opened, long now) {
        String ticker = opened.terms().ticker();
        long cutoff = recentTradeCutoff(now);
        for (TradeRef trade : RecentTrades.fromBytes(ticker, recentTrades.get(ticker)).trades()) {
            if (trade.entryTime() >= cutoff && opened.onTrade(trade)) {
                tradeLinks.put(opened.terms().predictionId(), trade.tradeId());
                return;
            }
        }
    }

    /**
     * Entry time before which a recent trade is forgotten: stream time minus the trade window
     * (before + after), so a prediction up to tradeWindowAfter behind stream time still finds the
     * trades of its whole window.
     */
    private long recentTradeCutoff(long streamTime) {
        if (streamTime == Long.MIN_VALUE) {
            return Long.MIN_VALUE;
        }
        OutcomeConfig outcome = config.outcome();
        return streamTime - outcome.tradeWindowBefore().toMillis() - outcome.tradeWindowAfter().toMillis();
    }

    /** Keeps an unlinked OPEN trade for the predictions of its ticker that arrive after it. */
    private void keepRecentTrade(TradeRef trade, long now) {
        long cutoff = recentTradeCutoff(now);
        if (trade.entryTime() < cutoff) {
            return;
        }
        RecentTrades recent = RecentTrades.fromBytes(trade.ticker(), recentTrades.get(trade.ticker()));
        int dropped = recent.add(trade, cutoff);
        if (dropped > 0) {
            LOG.warn("{} more than {} unlinked OPEN trades within the trade window: forgot the {} oldest",
                    trade.ticker(), RecentTrades.CAPACITY, dropped);
        }
        recentTrades.put(trade.ticker(), recent.toBytes());
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
            TickerDays held = days.get(candle.ticker());
            if (held != null && held.verdict(candle) == TickerDays.Verdict.LATE) {
                throw new RejectedRecordException("daily candle of " + candle.ticker() + " for "
                        + TradingDates.candleDate(candle) + " refused: late, the ticker's newest daily bar is of "
                        + held.newestDate() + " and open outcomes count only bars after the last one they counted");
            }
            closed = List.of(candle);
        } else {
            FormingDay day = forming.computeIfAbsent(candle.ticker(), FormingDay::new);
            closed = day.offerIntraday(candle);
            formingDays.putLater(candle.ticker(), day::toBytes);
        }
        addDays(candle.ticker(), closed, now);
    }

    /** An empty list of a ticker's daily bars, holding the configured number. */
    private TickerDays noDays(String ticker) {
        return new TickerDays(ticker, config.recentDailyBars());
    }

    /**
     * Adds closed daily bars to the ticker's days and feeds the new ones to its open outcomes. A
     * late daily candle was refused before (dead-lettered); a late bar built from intraday bars
     * (its day closed after a daily candle of a later date came in) cannot be, and is logged.
     */
    private void addDays(String ticker, List<Candle> closed, long now) {
        if (closed.isEmpty()) {
            return;
        }
        TickerDays held = days.computeIfAbsent(ticker, this::noDays);
        List<Candle> fresh = new ArrayList<>(closed.size());
        for (Candle daily : closed) {
            TickerDays.Verdict verdict = held.addDaily(daily);
            if (verdict == TickerDays.Verdict.ADDED) {
                fresh.add(daily);
            } else if (verdict == TickerDays.Verdict.LATE) {
                LOG.info("daily bar of {} for {} built from intraday bars dropped: late, the newest daily bar is of {}",
                        ticker, TradingDates.candleDate(daily), held.newestDate());
            }
        }
        if (fresh.isEmpty()) {
            return;
        }
        tickerDays.putLater(ticker, held::toBytes);
        for (Candle daily : fresh) {
            feedDaily(daily, now);
        }
    }

    private void onTrade(String key, Trade trade, long now) {
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
            for (Map.Entry<String, PendingOutcome> entry : openOf(ref.ticker()).entrySet()) {
                PendingOutcome outcome = entry.getValue();
                if (!outcome.traded() && outcome.onTrade(ref)) {
                    String id = outcome.terms().predictionId();
                    if (tradeLinks.get(id) == null) {
                        tradeLinks.put(id, ref.tradeId());
                    }
                    pending.putLater(entry.getKey(), outcome::toBytes);
                }
            }
            keepRecentTrade(ref, now);
        }
    }

    private void linkTrade(TradeRef ref) {
        String id = ref.predictionId();
        if (tradeLinks.get(id) == null) {
            tradeLinks.put(id, ref.tradeId());
        }
        String pendingKey = ResolverStores.pendingKey(ref.ticker(), id);
        PendingOutcome outcome = open.get(pendingKey);
        if (outcome != null) {
            if (!outcome.traded()) {
                outcome.onTrade(ref);
                pending.putLater(pendingKey, outcome::toBytes);
            }
        } else if (outcomes.get(id) != null) {
            LOG.info("trade {} acts on prediction {} whose outcome is already out; the outcome stays as it was",
                    ref.tradeId(), id);
        }
    }

    /** Offers a new daily bar to every open outcome of its ticker, and resolves those that are due. */
    private void feedDaily(Candle daily, long now) {
        for (PendingOutcome outcome : new ArrayList<>(openOf(daily.ticker()).values())) {
            outcome.onDailyCandle(daily);
            settle(outcome, now);
        }
    }

    /**
     * The stream-time sweep: closes intraday-built daily bars whose session ended, then expires
     * every open outcome whose expiry time has passed.
     */
    private void sweep(long streamTime) {
        upgradeOnce();
        for (Map.Entry<String, FormingDay> entry : forming.entrySet()) {
            FormingDay day = entry.getValue();
            List<Candle> closed = day.advanceTo(streamTime);
            if (!closed.isEmpty()) {
                formingDays.putLater(entry.getKey(), day::toBytes);
                addDays(entry.getKey(), closed, streamTime);
            }
        }
        for (PendingOutcome outcome : new ArrayList<>(open.values())) {
            if (outcome.isExpired(streamTime)) {
                settle(outcome, streamTime);
            }
        }
    }

    /** The retention purge ({@link OutcomeRetention}), once a day of stream time. */
    private void purge(long streamTime) {
        upgradeOnce();
        Map<String, Long> lastBar = new TreeMap<>();
        days.forEach((ticker, held) -> lastBar.merge(ticker, held.lastBarOpen(), Math::max));
        forming.forEach((ticker, day) -> lastBar.merge(ticker, day.lastIntradayOpen(), Math::max));
        OutcomeRetention.Purged purged = retention.purge(streamTime, predictionTimes, id -> outcomes.get(id) != null,
                lastBar, ticker -> !openOf(ticker).isEmpty());
        for (String id : purged.predictions()) {
            predictionTimes.remove(id);
            predictions.delete(id);
            outcomes.delete(id);
            tradeLinks.delete(id);
        }
        for (String ticker : purged.tickers()) {
            days.remove(ticker);
            forming.remove(ticker);
            tickerDays.delete(ticker);
            formingDays.delete(ticker);
        }
        if (purged.any()) {
            LOG.info("retention at stream time {}: forgot {} resolved predictions and {} silent tickers",
                    Instant.ofEpochMilli(streamTime), purged.predictions().size(), purged.tickers().size());
        }
        purgeRecentTrades(streamTime);
    }

    /** Forgets the recent trades that entered before the cutoff ({@link #recentTradeCutoff}). */
    private void purgeRecentTrades(long streamTime) {
        long cutoff = recentTradeCutoff(streamTime);
        List<RecentTrades> changed = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> it = recentTrades.all()) {
            it.forEachRemaining(kv -> {
                RecentTrades recent = RecentTrades.fromBytes(kv.key, kv.value);
                if (recent.purge(cutoff)) {
                    changed.add(recent);
                }
            });
        }
        for (RecentTrades recent : changed) {
            if (recent.isEmpty()) {
                recentTrades.delete(recent.ticker());
            } else {
                recentTrades.put(recent.ticker(), recent.toBytes());
            }
        }
    }

    /** Emits the outcome when it is known at this stream time, else keeps the open state. */
    private void settle(PendingOutcome outcome, long streamTime) {
        Optional<io.edgeloop.core.outcome.Outcome> resolved = outcome.tryResolve(streamTime);
        String pendingKey = ResolverStores.pendingKey(outcome.terms().ticker(), outcome.terms().predictionId());
        if (resolved.isPresent()) {
            emit(resolved.get(), pendingKey);
        } else {
            open.put(pendingKey, outcome);
            pending.putLater(pendingKey, outcome::toBytes);
        }
    }

    private void emit(io.edgeloop.core.outcome.Outcome outcome, String pendingKey) {
        String id = outcome.predictionId();
        if (open.remove(pendingKey) != null) {
            pending.delete(pendingKey);
        }
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

    /** The ticker's open outcomes, a view in key order. */
    private SortedMap<String, PendingOutcome> openOf(String ticker) {
        String prefix = ResolverStores.pendingPrefix(ticker);
        return open.subMap(prefix, prefix + Character.MAX_VALUE);
    }

    /** The prediction date and expiry time are in the bytes; the config only gives the thresholds. */
    private PendingOutcome restore(byte[] bytes) {
        return PendingOutcome.fromBytes(bytes, config.outcome());
    }

    private static <V> DeferredKeyValueStore<V> deferred(ProcessorContext<?, ?> context, StoreSpec<String, V> spec) {
        DeferredKeyValueStore<V> store = DeferredKeyValueStore.of(context.getStateStore(spec.name()));
        store.dropPending();
        return store;
    }

    /**
     * Once per task start, before the first record or punctuation: moves the forming bar of
     * ticker-days entries written in the format before the split (the forming bar inside) to
     * {@link ResolverStores#FORMING_DAYS}, so an upgraded app continues the day that was forming,
     * and starts the all-time counts ({@link OutcomeTotals#startFrom}) of a store that predates them.
     * Done on the first record rather than in {@code init}, so the writes are changelogged in
     * that record's transaction. Then reads the task's clock and live state (forming days, daily
     * bars, open outcomes) from the stores.
     */
    private void upgradeOnce() {
        if (upgraded) {
            return;
        }
        upgraded = true;
        Long written = clock.get(ResolverStores.CLOCK_KEY);
        clockWritten = written == null ? Long.MIN_VALUE : written;
        Long mark = clock.get(ResolverStores.MARK_KEY);
        markSent = mark == null ? Long.MIN_VALUE : mark;
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
        try (KeyValueIterator<String, byte[]> it = formingDays.all()) {
            it.forEachRemaining(kv -> forming.put(kv.key, FormingDay.fromBytes(kv.key, kv.value)));
        }
        try (KeyValueIterator<String, byte[]> it = tickerDays.all()) {
            it.forEachRemaining(kv -> days.put(kv.key, TickerDays.fromBytes(kv.key, config.recentDailyBars(), kv.value)));
        }
        try (KeyValueIterator<String, byte[]> it = pending.all()) {
            it.forEachRemaining(kv -> open.put(kv.key, restore(kv.value)));
        }
        try (KeyValueIterator<String, Prediction> it = predictions.all()) {
            it.forEachRemaining(kv -> predictionTimes.put(kv.key, kv.value.getBarTime().toEpochMilli()));
        }
    }

    private OutcomeConfig outcomeConfig(String ticker) {
        return config.outcomeFor(Symbols.isCryptoPair(ticker));
    }

    private void tick(long now) {
        if (now > clockWritten) {
            clockWritten = now;
            clock.putLater(ResolverStores.CLOCK_KEY, () -> clockWritten);
        }
        if (now != Long.MIN_VALUE) {
            advanceMark(now - MARK_LAG_MS, false);
        }
    }

    /**
     * The progress mark a resolve-due request at {@code at} sends, after its sweep: the next
     * millisecond after the request's time, or after the task's last mark when that is later (an
     * earlier request's). Every outcome the task has emitted so far, those the request's sweep
     * released included, is ordered at most at the later of the two (an outcome resolves at the
     * open time of a bar the task has read, at or before its stream time, or at its mark when that
     * is later), so the keeper, which learns the outcomes ordered before the smallest mark, learns
     * every one of them once every task has handled the request; one the task emits afterwards
     * (a daily bar that opened before the request, read after it) is ordered at or after this mark
     * and waits for the next.
     */
    static long releaseMark(long at, long markSent) {
        return KeeperProcessor.after(Math.max(at, markSent));
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
