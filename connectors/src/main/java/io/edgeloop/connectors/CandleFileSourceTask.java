package io.edgeloop.connectors;

import io.edgeloop.connectors.FeedItem.Bar;
import io.edgeloop.connectors.FeedItem.DeadRow;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The Connect shell around {@link CandleFeed}: scans every {@code poll.interval.ms}, publishes
 * dead rows first and then bars in close-time order, paced by {@link Pacer}. A poll never
 * blocks longer than {@value #MAX_WAIT_MS} ms so the worker can stop the task promptly. The
 * pacing schedule reads the clock when it schedules a bar, after the scan, so a slow scan does
 * not make the paced bars due in the past. A directory that cannot be listed and a file that
 * cannot be read now are retried on the next scan (their series keep what was read before); a
 * file that is malformed as a whole goes to the dead-letter topic; anything else fails the task
 * loudly.
 */
public final class CandleFileSourceTask extends SourceTask {

    private static final Logger LOG = LoggerFactory.getLogger(CandleFileSourceTask.class);
    static final long MAX_WAIT_MS = 200;

    private final Clock clock;
    private final SourceTaskProgress progress = new SourceTaskProgress();
    private final ArrayDeque<DeadRow> deadRows = new ArrayDeque<>();
    private CandleSourceConfig config;
    private CandleFeed feed;
    private CandleRecords records;
    private Pacer pacer;
    private long nextScanNanos;
    private long headDueNanos = Long.MIN_VALUE;
    private volatile boolean stopping;

    public CandleFileSourceTask() {
        this(Clock.systemUTC());
    }

    /** With a clock for record timestamps and file ages (tests). */
    CandleFileSourceTask(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String version() {
        return ConnectorVersion.get();
    }

    @Override
    public void start(Map<String, String> props) {
        config = new CandleSourceConfig(props);
        CandleFileScanner scanner = new CandleFileScanner(config.paths(), config.fileMinAgeMs(), clock);
        feed = new CandleFeed(scanner, partitions -> context.offsetStorageReader().offsets(partitions),
                config.tickers(), config.intervals(), config.dates(), config.taskIndex(), config.taskCount());
        records = new CandleRecords(config.topic(), config.dlqTopic(), config.connectorName());
        pacer = config.pacer();
        nextScanNanos = System.nanoTime();
        stopping = false;
        progress.register(config.connectorName(), config.taskIndex());
        LOG.info("candle source task {}/{} of {} started on {} (pacing {})", config.taskIndex() + 1,
                config.taskCount(), config.connectorName(), config.paths(), pacer.mode().code());
    }

    @Override
    public List<SourceRecord> poll() throws InterruptedException {
        if (stopping) {
            return null;
        }
        long now = System.nanoTime();
        if (now - nextScanNanos >= 0) {
            scan();
            nextScanNanos = now + TimeUnit.MILLISECONDS.toNanos(config.pollIntervalMs());
        }
        List<SourceRecord> out = new ArrayList<>();
        long ingest = clock.millis();
        int max = config.pollMaxRecords();
        int dead = 0;
        while (!deadRows.isEmpty() && out.size() < max) {
            out.add(records.deadLetter(deadRows.removeFirst(), ingest));
            dead++;
        }
        long waitNanos = TimeUnit.MILLISECONDS.toNanos(MAX_WAIT_MS);
        while (feed.hasNext() && out.size() < max) {
            if (headDueNanos == Long.MIN_VALUE) {
                headDueNanos = pacer.due(feed.nextCloseTime(), System.nanoTime());
            }
            long wait = headDueNanos - System.nanoTime();
            if (wait > 0) {
                waitNanos = Math.min(waitNanos, wait);
                break;
            }
            Bar bar = feed.next();
            headDueNanos = Long.MIN_VALUE;
            out.add(records.candle(bar, ingest));
        }
        progress.emitted(out.size(), dead, feed.pending() + deadRows.size());
        if (!out.isEmpty()) {
            return out;
        }
        waitNanos = Math.min(waitNanos, Math.max(0, nextScanNanos - System.nanoTime()));
        TimeUnit.NANOSECONDS.sleep(waitNanos);
        return null;
    }

    private void scan() {
        long t0 = System.nanoTime();
        long pendingBefore = feed.pending();
        try {
            List<DeadRow> found = feed.scan();
            if (feed.pending() != pendingBefore || !found.isEmpty()) {
                LOG.info("{}: scan found {} bars to publish in {} series in {} ms", config.connectorName(),
                        feed.pending(), feed.seriesCount(), (System.nanoTime() - t0) / 1_000_000);
            }
            deadRows.addAll(found);
            if (!found.isEmpty()) {
                LOG.warn("{}: {} rows or files refused; they go to {}", config.connectorName(), found.size(),
                        config.dlqTopic());
            }
        } catch (RuntimeException e) {
            throw new ConnectException(config.connectorName() + ": scanning the candle files failed", e);
        }
        progress.scanned(feed.pending() + deadRows.size());
    }

    @Override
    public void commitRecord(SourceRecord record, RecordMetadata metadata) {
        progress.acked();
    }

    @Override
    public void stop() {
        stopping = true;
        progress.unregister();
    }
}
