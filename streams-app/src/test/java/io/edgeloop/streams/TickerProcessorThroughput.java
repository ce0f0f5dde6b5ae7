package io.edgeloop.streams;

import io.edgeloop.core.candle.Candle;
import io.edgeloop.embedded.Directories;
import io.edgeloop.kstreams.DeferredKeyValueStore;
import io.edgeloop.schemas.serde.EdgeloopSerdes;
import io.edgeloop.schemas.topics.Topics;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Throughput harness of the ticker processor alone (not a test, not in the suite): the hourly
 * history files ({@code history/*_60.json}, the candles of {@code ./edgeloop bench streams}) in
 * open-time order, as Avro candles, through {@link TickerProcessor#process} on a
 * {@link MockProcessorContext} with its stores (RocksDB, changelogs off, the deferred values
 * written every {@code bench.commit.every} records as a commit would), the same empty pattern
 * library as the bench. It prints the processor's CPU time per candle (thread CPU time of the
 * feeding thread, so other load on the machine does not skew it): the part of the topology's
 * cost that is this project's code, without Kafka Streams' record handling, the consumer or the
 * producer, which {@code bench streams} measures with them.
 *
 * <pre>
 * mvn -B -q -pl streams-app -am test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * cd streams-app &amp;&amp; java -Dedgeloop.data.dir=&lt;shared data&gt; [-Dbench.rounds=8] \
 *     -cp "target/classes:target/test-classes:$(cat target/cp.txt)" io.edgeloop.streams.TickerProcessorThroughput
 * </pre>
 */
public final class TickerProcessorThroughput {

    private TickerProcessorThroughput() {
    }

    /** Runs the harness; prints one line per round and the median of the second half (the upper middle of an even count). */
    public static void main(String[] args) throws IOException {
        int rounds = Integer.getInteger("bench.rounds", 8);
        int commitEvery = Integer.getInteger("bench.commit.every", 10_000);
        List<Record<String, Object>> records = new ArrayList<>();
        for (Candle c : candles()) {
            records.add(new Record<>(c.ticker(), MarketData.avro(c), c.openTime() + c.interval().lengthMillis()));
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double[] micros = new double[rounds];
        for (int round = 0; round < rounds; round++) {
            Path dir = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "ticker-throughput");
            Properties props = new Properties();
            props.put(StreamsConfig.APPLICATION_ID_CONFIG, "ticker-throughput");
            props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
            MockProcessorContext<String, Object> context = new MockProcessorContext<>(props, new TaskId(0, 0),
                    dir.toFile());
            List<StateStore> stores = new ArrayList<>();
            for (StoreBuilder<?> builder : List.of(
                    new DeferredKeyValueStore.Builder<>(Stores.keyValueStoreBuilder(
                            Stores.persistentKeyValueStore(Names.TICKER_STATE_STORE), EdgeloopSerdes.string(),
                            Serdes.ByteArray())),
                    new DeferredKeyValueStore.Builder<>(Stores.keyValueStoreBuilder(
                            Stores.persistentKeyValueStore(Names.LATEST_STORE), EdgeloopSerdes.string(),
                            Topics.SCORES.valueSerde())),
                    Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(Names.REFERENCE_STORE),
                            EdgeloopSerdes.string(), Topics.REFERENCE_TICKERS.valueSerde()),
                    Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(Names.LIBRARY_STORE),
                            EdgeloopSerdes.string(), Topics.PATTERN_LIBRARY.valueSerde()))) {
                StateStore store = builder.withLoggingDisabled().build();
                store.init(context.getStateStoreContext(), store);
                context.addStateStore(store);
                stores.add(store);
            }
            StreamsSettings settings = Harness.settings();
            TickerProcessor processor = new TickerProcessor(CoreTickerModels.of(settings), new LibraryWatch(), settings,
                    new io.edgeloop.core.candle.CandleValidator(settings.clock()));
            processor.init(context);
            long cpu = threads.getCurrentThreadCpuTime();
            long offset = 0;
            int sinceCommit = 0;
            for (Record<String, Object> record : records) {
                context.setRecordMetadata(Topics.CANDLES.name(), 0, offset++);
                context.setCurrentSystemTimeMs(record.timestamp());
                processor.process(record);
                if (++sinceCommit == commitEvery) {
                    sinceCommit = 0;
                    commit(stores);
                    context.resetForwards();
                }
            }
            commit(stores);
            micros[round] = (threads.getCurrentThreadCpuTime() - cpu) / 1e3 / records.size();
            System.out.printf("round %d: %d candles, %d records forwarded since the last commit, %.3f us CPU per candle%n",
                    round + 1, records.size(), context.forwarded().size(), micros[round]);
            processor.close();
            stores.forEach(StateStore::close);
            Directories.deleteRecursively(dir);
        }
        double[] last = Arrays.copyOfRange(micros, rounds / 2, rounds);
        Arrays.sort(last);
        System.out.printf("median of rounds %d to %d: %.3f us CPU per candle%n", rounds / 2 + 1, rounds,
                last[last.length / 2]);
    }

    private static void commit(List<StateStore> stores) {
        for (StateStore store : stores) {
            if (store instanceof DeferredKeyValueStore<?> deferred) {
                deferred.writePending();
            }
            store.flush();
        }
    }

    /** The bench's candles: every hourly history file, normalised, in open-time order. */
    private static List<Candle> candles() throws IOException {
        List<List<Candle>> series = new ArrayList<>();
        try (Stream<Path> files = Files.list(MarketData.dir().resolve("history"))) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith("_60.json")).sorted().toList()) {
                series.add(MarketData.read(file));
            }
        }
        return MarketData.merged(series);
    }
}
