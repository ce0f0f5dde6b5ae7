package io.edgeloop.streams;

import io.edgeloop.core.signals.MarketBreadth;
import io.edgeloop.core.signals.SectorBreadth;
import io.edgeloop.core.signals.SectorSignal;
import io.edgeloop.core.signals.SignalConfig;
import io.edgeloop.core.signals.SignalLabel;
import io.edgeloop.schemas.avro.MarketSignal;
import io.edgeloop.schemas.avro.TickerReference;
import io.edgeloop.schemas.topics.Topics;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Sector and market breadth, in event time, on the single partition every ticker signal is
 * repartitioned to.
 *
 * <p>Each ticker signal is a vote (ticker, label, bar time, sector from reference data) that
 * waits in the store until its bar-time boundary is complete. A boundary T is complete when
 * every candle partition has sent a vote with a later bar time: the watermark is the smallest
 * latest bar time over the partitions (each vote carries its partition, see
 * {@link BreadthPartitionTag}). Completed boundaries are applied in bar-time order; after each,
 * the sectors it touched and the market are emitted with time T when their reading changed. So
 * the breadth at T counts each ticker's latest label at or before T whatever order the
 * partitions' votes arrived in, and two runs over the same candles emit the same signals.
 *
 * <p>Liveness: a partition that sent nothing for {@code signals.breadth.idle} of wall-clock time
 * (its feed ended or paused) stops holding the watermark back until it sends again, as
 * {@code max.task.idle.ms} does for joins. A vote that arrives for a boundary already emitted
 * (its partition was idle, or the feed was not in time order) is applied at once without
 * rewriting the past: it shows in the next boundary.
 */
final class BreadthProcessor implements Processor<String, MarketSignal, String, MarketSignal> {

    private final SignalConfig config;
    private final long idleMs;
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
    /** The pending votes, mirrored from the store so a drain never scans it: bar time, then ticker. */
    private final TreeMap<Long, TreeMap<String, BreadthState.Vote>> pending = new TreeMap<>();
    private long emittedThrough = Long.MIN_VALUE;

    BreadthProcessor(SignalConfig config, Duration idle) {
        this.config = config;
        this.idleMs = idle.toMillis();
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
        long now = context.currentSystemTimeMs();
        try (KeyValueIterator<String, byte[]> it = store.range(BreadthState.PENDING, BreadthState.PENDING + BreadthState.END)) {
            it.forEachRemaining(kv -> wait(BreadthState.Vote.decode(BreadthState.pendingTicker(kv.key), kv.value)));
        }
        try (KeyValueIterator<String, byte[]> it = store.range(BreadthState.MEMBER, BreadthState.MEMBER + BreadthState.END)) {
            it.forEachRemaining(kv -> join(BreadthState.Vote.decode(kv.key.substring(BreadthState.MEMBER.length()),
                    kv.value), new TreeSet<>()));
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
        byte[] through = store.get(BreadthState.EMITTED);
        emittedThrough = through == null ? Long.MIN_VALUE : BreadthState.time(through);
        context.schedule(Duration.ofMillis(Math.max(100, idleMs / 2)), PunctuationType.WALL_CLOCK_TIME,
                t -> drain(watermark(context.currentSystemTimeMs())));
    }

    @Override
    public void process(Record<String, MarketSignal> record) {
        MarketSignal signal = record.value();
        if (signal == null) {
            return;
        }
        int partition = partition(record);
        long barTime = signal.getTime().toEpochMilli();
        TickerReference ref = reference.get(signal.getKey());
        String sector = ref == null || ref.getSector() == null ? "" : ref.getSector();
        BreadthState.Vote vote = new BreadthState.Vote(signal.getKey(), sector,
                SignalLabel.valueOf(signal.getLabel().name()), barTime);
        lastSeen.put(partition, context.currentSystemTimeMs());
        Long before = progress.get(partition);
        if (before == null || barTime > before) {
            progress.put(partition, barTime);
            store.put(BreadthState.PROGRESS + partition, BreadthState.time(barTime));
        }
        if (barTime <= emittedThrough) {
            BreadthState.Vote member = members.get(vote.ticker());
            if (member == null || member.barTime() <= barTime) {
                join(vote, new TreeSet<>());
                store.put(BreadthState.MEMBER + vote.ticker(), vote.encode());
            }
        } else {
            store.put(vote.pendingKey(), vote.encode());
            wait(vote);
        }
        drain(watermark(context.currentSystemTimeMs()));
    }

    private void wait(BreadthState.Vote vote) {
        pending.computeIfAbsent(vote.barTime(), t -> new TreeMap<>()).put(vote.ticker(), vote);
    }

    /** The smallest latest bar time over the partitions that are not idle; MAX when all are idle. */
    private long watermark(long now) {
        long min = Long.MAX_VALUE;
        for (Map.Entry<Integer, Long> e : progress.entrySet()) {
            Long seen = lastSeen.get(e.getKey());
            if (seen != null && now - seen < idleMs) {
                min = Math.min(min, e.getValue());
            }
        }
        return min;
    }

    /** Applies and emits every boundary before the watermark, in bar-time order. */
    private void drain(long watermark) {
        TreeSet<String> touched = new TreeSet<>();
        while (!pending.isEmpty() && pending.firstKey() < watermark) {
            Map.Entry<Long, TreeMap<String, BreadthState.Vote>> boundary = pending.pollFirstEntry();
            for (BreadthState.Vote vote : boundary.getValue().values()) {
                store.delete(vote.pendingKey());
                BreadthState.Vote member = members.get(vote.ticker());
                if (member == null || member.barTime() <= vote.barTime()) {
                    join(vote, touched);
                    store.put(BreadthState.MEMBER + vote.ticker(), vote.encode());
                }
            }
            emit(boundary.getKey(), touched);
        }
    }

    /** Records a member's vote in the breadth counts; adds the sectors whose counts moved. */
    private void join(BreadthState.Vote vote, TreeSet<String> touched) {
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

    private void emit(long boundary, TreeSet<String> touched) {
        for (String sector : touched) {
            String key = BreadthSignals.sectorKey(sector);
            java.util.Optional<SectorSignal> now = sectors.signal(sector);
            if (now.isPresent()) {
                send(key, BreadthSignals.sector(now.get(), boundary), boundary);
            } else if (emitted.remove(key) != null) {
                store.delete(BreadthState.OUTPUT + key);
                context.forward(new Record<>(key, null, boundary));
            }
        }
        touched.clear();
        send(BreadthSignals.MARKET_KEY, BreadthSignals.market(market.signal(), boundary), boundary);
        emittedThrough = boundary;
        store.put(BreadthState.EMITTED, BreadthState.time(boundary));
    }

    private void send(String key, MarketSignal signal, long boundary) {
        if (BreadthSignals.sameReading(emitted.get(key), signal)) {
            return;
        }
        emitted.put(key, signal);
        store.put(BreadthState.OUTPUT + key, serializer.serialize(Topics.SIGNALS.name(), signal));
        context.forward(new Record<>(key, signal, boundary));
    }

    private static int partition(Record<String, MarketSignal> record) {
        Header header = record.headers().lastHeader(BreadthPartitionTag.HEADER);
        return header == null || header.value().length != Integer.BYTES ? 0 : ByteBuffer.wrap(header.value()).getInt();
    }
}
