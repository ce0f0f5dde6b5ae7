package io.edgeloop.streams;

import io.edgeloop.core.signals.MarketBreadth;
import io.edgeloop.core.signals.SectorBreadth;
import io.edgeloop.core.signals.SectorSignal;
import io.edgeloop.core.signals.SignalConfig;
import io.edgeloop.schemas.avro.MarketSignal;
import io.edgeloop.schemas.avro.TickerReference;
import io.edgeloop.schemas.topics.Topics;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Sector and market breadth, in event time, on the single partition the ticker tasks' votes are
 * repartitioned to ({@link BreadthVote}: a ticker's new label, or a partition's progress mark).
 *
 * <p>A vote (ticker, label, bar close time, sector from reference data) waits in the store until
 * its boundary, its close time C, is complete: every candle partition has reported progress past
 * C (the watermark is the smallest latest close time over the partitions). Completed boundaries
 * are applied in close-time order; after each, the sectors it touched and the market are emitted,
 * when their reading changed, with the latest bar (open) time of the boundary's votes. So the
 * breadth at a bar counts each ticker's latest label at or before that bar's close whatever order
 * the partitions' votes arrived in, and two runs over the same candles emit the same signals.
 *
 * <p>End of input: a ticker task passes on the {@code streams.control} mark that its partition's
 * input has ended as a progress mark at {@code Long.MAX_VALUE}, after the partition's candles
 * (the mark is written once they are consumed, see {@code CandleInputMarks}). Such a partition holds nothing back until it sends again
 * (then it is waited for from that bar on), so once every partition has ended, every boundary is
 * applied, and the outcome depends only on the candles and the marks, not on timing. A replay
 * writes the mark once streams-app has committed its candles; a partition without tickers gets one too.
 *
 * <p>Liveness, the one wall-clock path: every {@code candles} partition is waited for from the
 * start, and a partition that sent nothing for {@code signals.breadth.idle} of wall-clock time (it
 * holds no ticker, its feed ended or paused without a mark, its task fell behind) stops holding
 * the watermark back until it sends again, as {@code max.task.idle.ms} does for joins. A vote
 * that arrives for a boundary already emitted (its partition was idle, or the feed was not in time
 * order) is applied at once without rewriting the past: its sector and the market show it at the
 * next boundary, so where it shows depends on timing. Each release, return and late vote is logged.
 */
final class BreadthProcessor implements Processor<String, BreadthVote, String, MarketSignal> {

    private final SignalConfig config;
    private final long idleMs;
    private final int partitions;
    private final Serializer<MarketSignal> serializer = Topics.SIGNALS.valueSerde().serializer();
    private final Deserializer<MarketSignal> deserializer = Topics.SIGNALS.valueSerde().deserializer();
    private ProcessorContext<String, MarketSignal> context;
    private KeyValueStore<String, byte[]> store;
    private ReadOnlyKeyValueStore<String, TickerReference> reference;
    private SectorBreadth sectors;
    private MarketBreadth market;
    private final Map<String, BreadthState.Vote> members = new HashMap<>();
    private final Map<Integer, Long> progress = new HashMap<>();
    private final Map<Integer, Long> lastSeen = new HashMap<>();
    private final Map<String, MarketSignal> emitted = new HashMap<>();
    /** The pending votes, mirrored from the store so a drain never scans it: close time, then ticker. */
    private final TreeMap<Long, TreeMap<String, BreadthState.Vote>> pending = new TreeMap<>();
    private long emittedThrough = Long.MIN_VALUE;
    /** Progress of a partition whose input has ended ({@code streams.control}): it holds nothing back until it sends again. */
    private static final long END = Long.MAX_VALUE;
    /**
     * Sectors whose counts moved since the last emitted boundary: by that boundary's votes while it
     * drains, and by late votes until the next one.
     */
    private final TreeSet<String> touched = new TreeSet<>();
    /** Partitions that stopped holding the watermark back by wall-clock silence, until they send again. */
    private final java.util.Set<Integer> idle = new TreeSet<>();
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(BreadthProcessor.class);

    /**
     * @param config     signal thresholds
     * @param idle       wall-clock silence after which a partition stops holding breadth back
     * @param partitions partitions of the {@code candles} topic; each is waited for from the start
     */
    BreadthProcessor(SignalConfig config, Duration idle, int partitions) {
        this.config = config;
        this.idleMs = idle.toMillis();
        this.partitions = partitions;
    }

    @Override
    public void init(ProcessorContext<String, MarketSignal> context) {
        this.context = context;
        store = context.getStateStore(Names.BREADTH_STORE);
        reference = context.getStateStore(Names.REFERENCE_STORE);
        sectors = new SectorBreadth(config);
        market = new MarketBreadth(config);
        members.clear();
        progress.clear();
        lastSeen.clear();
        emitted.clear();
        pending.clear();
        touched.clear();
        idle.clear();
        long now = context.currentSystemTimeMs();
        try (KeyValueIterator<String, byte[]> it = store.range(BreadthState.PENDING, BreadthState.PENDING + BreadthState.END)) {
            it.forEachRemaining(kv -> wait(BreadthState.Vote.decode(BreadthState.pendingTicker(kv.key), kv.value)));
        }
        try (KeyValueIterator<String, byte[]> it = store.range(BreadthState.MEMBER, BreadthState.MEMBER + BreadthState.END)) {
            // A late vote stored before the restart may have moved a sector not emitted since: every
            // member's sector is checked at the next boundary (one whose reading is unchanged stays quiet).
            it.forEachRemaining(kv -> join(BreadthState.Vote.decode(kv.key.substring(BreadthState.MEMBER.length()),
                    kv.value)));
        }
        try (KeyValueIterator<String, byte[]> it = store.range(BreadthState.PROGRESS, BreadthState.PROGRESS + BreadthState.END)) {
            it.forEachRemaining(kv -> {
                int partition = Integer.parseInt(kv.key.substring(BreadthState.PROGRESS.length()));
                progress.put(partition, BreadthState.time(kv.value));
                lastSeen.put(partition, now);
            });
        }
        try (KeyValueIterator<String, byte[]> it = store.range(BreadthState.OUTPUT, BreadthState.OUTPUT + BreadthState.END)) {
            it.forEachRemaining(kv -> emitted.put(kv.key.substring(BreadthState.OUTPUT.length()),
                    deserializer.deserialize(Topics.SIGNALS.name(), kv.value)));
        }
        for (int p = 0; p < partitions; p++) {
            lastSeen.putIfAbsent(p, now);
        }
        byte[] through = store.get(BreadthState.EMITTED);
        emittedThrough = through == null ? Long.MIN_VALUE : BreadthState.time(through);
        context.schedule(Duration.ofMillis(Math.max(100, idleMs / 2)), PunctuationType.WALL_CLOCK_TIME,
                t -> drain(watermark(context.currentSystemTimeMs())));
    }

    @Override
    public void process(Record<String, BreadthVote> record) {
        BreadthVote in = record.value();
        if (in == null) {
            return;
        }
        int partition = in.partition();
        long close = in.closeTime();
        lastSeen.put(partition, context.currentSystemTimeMs());
        if (idle.remove(partition)) {
            LOG.info("breadth: candle partition {} sends again at bar close {} (breadth emitted through {})", partition,
                    time(close), time(emittedThrough));
        }
        Long before = progress.get(partition);
        if (before == null || close > before || before == END) {
            if (close == END) {
                LOG.info("breadth: candle partition {} reports the end of its input (progress {}, breadth emitted through {})",
                        partition, time(before == null ? Long.MIN_VALUE : before), time(emittedThrough));
            } else if (before != null && before == END) {
                LOG.info("breadth: candle partition {} sends again after the end of its input, at bar close {}",
                        partition, time(close));
            }
            progress.put(partition, close);
            store.put(BreadthState.PROGRESS + partition, BreadthState.time(close));
        }
        if (!in.isProgress()) {
            TickerReference ref = reference.get(in.ticker());
            String sector = ref == null || ref.getSector() == null ? "" : ref.getSector();
            BreadthState.Vote vote = new BreadthState.Vote(in.ticker(), sector, in.label(), in.openTime(), close);
            if (close <= emittedThrough) {
                LOG.info("breadth: late vote {} {} of partition {} at bar close {}, breadth emitted through {}",
                        in.ticker(), in.label(), partition, time(close),
                        time(emittedThrough));
                BreadthState.Vote member = members.get(vote.ticker());
                if (member == null || member.closeTime() <= close) {
                    join(vote);
                    store.put(BreadthState.MEMBER + vote.ticker(), vote.encode());
                }
            } else {
                store.put(vote.pendingKey(), vote.encode());
                wait(vote);
            }
        }
        drain(watermark(context.currentSystemTimeMs()));
    }

    private void wait(BreadthState.Vote vote) {
        pending.computeIfAbsent(vote.closeTime(), t -> new TreeMap<>()).put(vote.ticker(), vote);
    }

    /**
     * The smallest latest bar time over the partitions that are not idle (a partition not heard
     * from yet holds everything back until it goes idle); MAX when all are idle.
     */
    private long watermark(long now) {
        long min = Long.MAX_VALUE;
        for (Map.Entry<Integer, Long> e : lastSeen.entrySet()) {
            if (now - e.getValue() < idleMs) {
                min = Math.min(min, progress.getOrDefault(e.getKey(), Long.MIN_VALUE));
            } else if (idle.add(e.getKey())) {
                Long at = progress.get(e.getKey());
                LOG.info("breadth: candle partition {} silent for {} ms of wall clock, no longer holds breadth back"
                        + " (its progress {}, breadth emitted through {})", e.getKey(), now - e.getValue(),
                        at == null ? "none" : time(at), time(emittedThrough));
            }
        }
        return min;
    }

    /** Applies and emits every boundary before the watermark, in close-time order. */
    private void drain(long watermark) {
        while (!pending.isEmpty() && pending.firstKey() < watermark) {
            Map.Entry<Long, TreeMap<String, BreadthState.Vote>> boundary = pending.pollFirstEntry();
            for (BreadthState.Vote vote : boundary.getValue().values()) {
                store.delete(vote.pendingKey());
                BreadthState.Vote member = members.get(vote.ticker());
                if (member == null || member.closeTime() <= vote.closeTime()) {
                    join(vote);
                    store.put(BreadthState.MEMBER + vote.ticker(), vote.encode());
                }
            }
            emit(boundary.getKey());
        }
    }

    /** Records a member's vote in the breadth counts; the sectors whose counts moved join {@link #touched}. */
    private void join(BreadthState.Vote vote) {
        BreadthState.Vote previous = members.put(vote.ticker(), vote);
        if (previous != null && !previous.sector().isEmpty()) {
            touched.add(previous.sector());
        }
        if (vote.sector().isEmpty()) {
            sectors.remove(vote.ticker());
        } else {
            sectors.update(vote.ticker(), vote.sector(), vote.label());
            touched.add(vote.sector());
        }
        market.update(vote.ticker(), vote.label());
    }

    private void emit(long boundary) {
        // A signal's time is the bar time of the latest snapshot in it: the latest open time of its
        // members (not of this boundary's votes, which can be older: a daily bar opens before the
        // hourly bars that closed earlier that day).
        Map<String, Long> sectorTime = new HashMap<>();
        long marketTime = Long.MIN_VALUE;
        for (BreadthState.Vote member : members.values()) {
            marketTime = Math.max(marketTime, member.openTime());
            if (touched.contains(member.sector())) {
                sectorTime.merge(member.sector(), member.openTime(), Math::max);
            }
        }
        for (String sector : touched) {
            String key = BreadthSignals.sectorKey(sector);
            java.util.Optional<SectorSignal> now = sectors.signal(sector);
            if (now.isPresent()) {
                send(key, BreadthSignals.sector(now.get(), sectorTime.getOrDefault(sector, marketTime)));
            } else if (emitted.remove(key) != null) {
                store.delete(BreadthState.OUTPUT + key);
                context.forward(new Record<>(key, null, context.currentSystemTimeMs()));
            }
        }
        touched.clear();
        send(BreadthSignals.MARKET_KEY, BreadthSignals.market(market.signal(), marketTime));
        emittedThrough = boundary;
        store.put(BreadthState.EMITTED, BreadthState.time(boundary));
    }

    private void send(String key, MarketSignal signal) {
        if (BreadthSignals.sameReading(emitted.get(key), signal)) {
            return;
        }
        emitted.put(key, signal);
        store.put(BreadthState.OUTPUT + key, serializer.serialize(Topics.SIGNALS.name(), signal));
        context.forward(new Record<>(key, signal, context.currentSystemTimeMs()));
    }

    /** A bar close time for the log. */
    private static String time(long t) {
        return t == Long.MIN_VALUE ? "none" : t == Long.MAX_VALUE ? "end" : java.time.Instant.ofEpochMilli(t).toString();
    }
}
