package io.edgeloop.connectors;

import io.edgeloop.connectors.CandleFileScanner.FileStat;
import io.edgeloop.core.candle.CandleFiles;
import io.edgeloop.core.candle.SectorMap;
import io.edgeloop.schemas.avro.TickerReference;
import io.edgeloop.schemas.serde.AvroSerde;
import io.edgeloop.schemas.serde.EdgeloopSerdes;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * Publishes the reference table ({@link TickerReferences}) to the compacted reference topic,
 * keyed by ticker, Avro single-object encoded (same wire rules as {@link CandleRecords}).
 *
 * <p>The table is republished whole whenever its inputs change: the sector file, or the set of
 * tickers found in the candle files. Source partition {@code {"sectors": "<path>"}}; offset
 * {@code fingerprint} (hash of the inputs), {@code next} (entries of that version published) and
 * {@code total}, so a restart finishes an interrupted table and then stays quiet until an
 * input changes. A sector file that cannot be read fails the task.
 */
public final class TickerReferenceSourceTask extends SourceTask {

    private static final Logger LOG = LoggerFactory.getLogger(TickerReferenceSourceTask.class);
    private static final AvroSerde<TickerReference> SERDE = EdgeloopSerdes.of(TickerReference.class);
    private static final int MAX_RECORDS = 1_000;

    private final Clock clock;
    private final SourceTaskProgress progress = new SourceTaskProgress();
    private final Map<FileStat, String> tickerOfFile = new HashMap<>();
    private TickerReferenceConfig config;
    private CandleFileScanner scanner;
    private Map<String, Object> partition;
    private String fingerprint;
    private List<TickerReference> table = List.of();
    private int next;
    private long nextScanNanos;
    private volatile boolean stopping;

    public TickerReferenceSourceTask() {
        this(Clock.systemUTC());
    }

    TickerReferenceSourceTask(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String version() {
        return ConnectorVersion.get();
    }

    @Override
    public void start(Map<String, String> props) {
        config = new TickerReferenceConfig(props);
        scanner = new CandleFileScanner(config.paths(), config.fileMinAgeMs(), clock);
        partition = Map.of("sectors", config.sectorsFile().toString());
        Map<String, Object> stored = context.offsetStorageReader().offset(partition);
        fingerprint = stored == null ? "" : String.valueOf(stored.get("fingerprint"));
        next = stored == null ? 0 : (int) CandleFeed.asLong(stored.get("next"));
        table = List.of();
        nextScanNanos = System.nanoTime();
        stopping = false;
        progress.register(config.connectorName(), 0);
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
        while (next < table.size() && out.size() < MAX_RECORDS) {
            TickerReference ref = table.get(next++);
            Map<String, Object> offset = Map.of("fingerprint", fingerprint, "next", (long) next, "total",
                    (long) table.size());
            out.add(new SourceRecord(partition, offset, config.topic(), null, Schema.STRING_SCHEMA, ref.getTicker(),
                    Schema.BYTES_SCHEMA, SERDE.encode(ref), ingest));
        }
        progress.emitted(out.size(), 0, table.size() - next);
        if (!out.isEmpty()) {
            return out;
        }
        TimeUnit.NANOSECONDS.sleep(Math.min(TimeUnit.MILLISECONDS.toNanos(CandleFileSourceTask.MAX_WAIT_MS),
                Math.max(0, nextScanNanos - System.nanoTime())));
        return null;
    }

    private void scan() {
        SectorMap map;
        BasicFileAttributes attrs;
        try {
            attrs = Files.readAttributes(config.sectorsFile(), BasicFileAttributes.class);
            map = SectorMap.read(config.sectorsFile());
        } catch (IOException | RuntimeException e) {
            throw new ConnectException(config.connectorName() + ": cannot read the sector file "
                    + config.sectorsFile() + ": " + e.getMessage(), e);
        }
        TreeSet<String> tickers = new TreeSet<>(candleTickers());
        String version = Fingerprint.of(config.sectorsFile() + "|" + attrs.size() + ":"
                + attrs.lastModifiedTime().toMillis() + "|" + String.join(",", tickers));
        if (!version.equals(fingerprint) || table.isEmpty()) {
            List<TickerReference> built = TickerReferences.build(map, tickers);
            if (!version.equals(fingerprint)) {
                next = 0;
                fingerprint = version;
                LOG.info("{}: publishing {} ticker references ({} from candle files)", config.connectorName(),
                        built.size(), tickers.size());
            }
            table = built;
        }
        progress.scanned(table.size() - next);
    }

    /**
     * Tickers of the candle files, each read without its rows once per version; unreadable ones
     * are skipped. A known file that is there but not ready now keeps its ticker.
     */
    private List<String> candleTickers() {
        CandleFileScanner.Scan found = scanner.scan();
        List<FileStat> stats = found.ready();
        Set<Path> ready = new HashSet<>();
        stats.forEach(s -> ready.add(s.path()));
        tickerOfFile.keySet().removeIf(known -> !stats.contains(known)
                && (ready.contains(known.path()) || !found.mayBePresent(known.path())));
        for (FileStat stat : stats) {
            if (!tickerOfFile.containsKey(stat)) {
                try {
                    tickerOfFile.put(stat, CandleFiles.ticker(stat.path()));
                } catch (IOException | RuntimeException e) {
                    LOG.debug("{}: no ticker from {} (the candle source reports it)", config.connectorName(),
                            stat.path(), e);
                }
            }
        }
        return new ArrayList<>(tickerOfFile.values());
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
