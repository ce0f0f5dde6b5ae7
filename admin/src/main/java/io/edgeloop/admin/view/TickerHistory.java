package io.edgeloop.admin.view;

import io.edgeloop.schemas.avro.Candle;
import io.edgeloop.schemas.avro.ScoreSnapshot;
import io.edgeloop.schemas.topics.Topic;
import io.edgeloop.schemas.topics.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.utils.Utils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads one ticker's candles and score snapshots on demand. Both topics are keyed by ticker, so
 * a ticker's records live in one partition each, the one Kafka's default partitioner picks
 * ({@code toPositive(murmur2(key)) % partitions}); only that partition is read, and only the
 * ticker's own records are decoded. What was read is cached per ticker (the {@value #CACHED}
 * most recently viewed), and the next view reads only what arrived since. At most
 * {@code maxBars} candles per interval and score points are kept.
 */
public final class TickerHistory implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TickerHistory.class);
    private static final int CACHED = 24;

    private static final class Entry {
        long candlePosition;
        long scorePosition;
        final Map<String, TreeMap<Long, TickerSeries.Bar>> candles = new TreeMap<>();
        final TreeMap<Long, TickerSeries.ScorePoint> scores = new TreeMap<>();
        ScoreSnapshot latest;
    }

    private final KafkaClients clients;
    private final int maxBars;
    private final Map<String, Entry> cache = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
            return size() > CACHED;
        }
    };
    private KafkaConsumer<byte[], byte[]> consumer;

    public TickerHistory(KafkaClients clients, int maxBars) {
        if (maxBars < 10) {
            throw new IllegalArgumentException("maxBars must be >= 10, got " + maxBars);
        }
        this.clients = clients;
        this.maxBars = maxBars;
    }

    /**
     * The ticker's history as the topics hold it now.
     *
     * @throws BrokerUnavailableException when the cluster does not answer in time
     */
    public synchronized TickerSeries read(String ticker) {
        Entry entry = cache.computeIfAbsent(ticker, t -> new Entry());
        try {
            if (consumer == null) {
                consumer = clients.consumer("edgeloop-admin-ticker");
            }
            TopicPartition candles = partition(Topics.CANDLES, ticker);
            TopicPartition scores = partition(Topics.SCORES, ticker);
            byte[] key = ticker.getBytes(StandardCharsets.UTF_8);
            if (candles != null) {
                entry.candlePosition = readPartition(candles, entry.candlePosition, key, entry, Topics.CANDLES);
            }
            if (scores != null) {
                entry.scorePosition = readPartition(scores, entry.scorePosition, key, entry, Topics.SCORES);
            }
        } catch (TimeoutException e) {
            cache.remove(ticker);
            throw TopicReader.unreachable(clients, e);
        }
        Map<String, List<TickerSeries.Bar>> bars = new TreeMap<>();
        entry.candles.forEach((interval, map) -> bars.put(interval, new ArrayList<>(map.values())));
        return new TickerSeries(ticker, bars, new ArrayList<>(entry.scores.values()), entry.latest);
    }

    private TopicPartition partition(Topic<String, ?> topic, String ticker) {
        List<PartitionInfo> infos = consumer.partitionsFor(topic.name(), clients.brokerTimeout());
        if (infos == null || infos.isEmpty()) {
            return null;
        }
        int p = Utils.toPositive(Utils.murmur2(ticker.getBytes(StandardCharsets.UTF_8))) % infos.size();
        return new TopicPartition(topic.name(), p);
    }

    private long readPartition(TopicPartition tp, long from, byte[] key, Entry entry, Topic<String, ?> topic) {
        consumer.assign(List.of(tp));
        consumer.seek(tp, from);
        long end = consumer.endOffsets(List.of(tp), clients.brokerTimeout()).get(tp);
        long deadline = System.nanoTime() + clients.brokerTimeout().toNanos();
        while (consumer.position(tp) < end) {
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("reading " + tp + " took longer than " + clients.brokerTimeout());
            }
            for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                if (r.value() != null && Arrays.equals(key, r.key())) {
                    Object value;
                    try {
                        value = topic.valueSerde().deserializer().deserialize(tp.topic(), r.value());
                    } catch (RuntimeException e) {
                        // as the views do (TopicReader): a record that does not decode is skipped,
                        // or every later read of the ticker would fail on it again
                        LOG.warn("skipping a record that does not decode ({}@{}): {}", tp, r.offset(), e.getMessage());
                        continue;
                    }
                    accept(entry, value);
                }
            }
        }
        return consumer.position(tp);
    }

    private void accept(Entry entry, Object value) {
        if (value instanceof Candle c) {
            TreeMap<Long, TickerSeries.Bar> bars = entry.candles.computeIfAbsent(c.getInterval(), i -> new TreeMap<>());
            long time = c.getOpenTime().getEpochSecond();
            bars.put(time, new TickerSeries.Bar(time, c.getOpen(), c.getHigh(), c.getLow(), c.getClose(), c.getVolume()));
            trim(bars);
        } else if (value instanceof ScoreSnapshot s) {
            long time = s.getBarTime().getEpochSecond();
            entry.scores.put(time, new TickerSeries.ScorePoint(time, s.getHtfScore(), s.getLtfScore(),
                    s.getState() == null ? null : s.getState().name(), s.getStage().name()));
            trim(entry.scores);
            if (entry.latest == null || !s.getBarTime().isBefore(entry.latest.getBarTime())) {
                entry.latest = s;
            }
        }
    }

    private void trim(TreeMap<Long, ?> map) {
        while (map.size() > maxBars) {
            map.pollFirstEntry();
        }
    }

    @Override
    public synchronized void close() {
        if (consumer != null) {
            consumer.close();
            consumer = null;
        }
    }
}
