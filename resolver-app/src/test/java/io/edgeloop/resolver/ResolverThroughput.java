package io.edgeloop.resolver;

import io.edgeloop.core.candle.Candle;
import io.edgeloop.core.candle.Timeframe;
import io.edgeloop.schemas.avro.Direction;
import io.edgeloop.schemas.avro.Outcome;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.internals.WrappedStateStore;
import org.apache.kafka.streams.processor.api.Record;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Throughput harness of the outcome side (not a test, not in the suite): feeds the real hourly,
 * daily and weekly history of {@code history/}, in event-time order, with a prediction (UP, 5
 * days) after every 5th daily bar, and prints candles per second and a digest of the outcomes
 * (so two builds can be checked to compute the same thing).
 *
 * <p>Two modes ({@code bench.mode}): {@code processor} (default) runs the {@link OutcomeProcessor}
 * alone on a {@link MockProcessorContext} with its stores (changelogs off) and fires the
 * stream-time punctuators as stream time passes them, and commits (flushes the stores' caches
 * and the values handed over to be written at a commit) every {@code bench.commit.every} records,
 * which measures the processor's own cost;
 * the rate is per CPU second of the feeding thread, so other load on the machine does not skew
 * it; {@code driver} pipes the records through {@link ResolverTopology} on a
 * {@code TopologyTestDriver}, whose per-record commit and topic checks dominate the time.
 *
 * <p>System properties: {@code edgeloop.data.dir} (required), {@code bench.from} (first date,
 * default 2021-01-01), {@code bench.rounds} (default 3, the best is reported),
 * {@code bench.memory} (in-memory stores instead of RocksDB, default false),
 * {@code bench.commit.every} (records between two commits, default 1000).
 */
public final class ResolverThroughput {

    private ResolverThroughput() {
    }

    /** Runs the harness; prints one line per round and the best. */
    public static void main(String[] args) throws IOException {
        LocalDate from = LocalDate.parse(System.getProperty("bench.from", "2021-01-01"));
        int rounds = Integer.getInteger("bench.rounds", 3);
        boolean memory = Boolean.getBoolean("bench.memory");
        int commitEvery = Integer.getInteger("bench.commit.every", 1000);
        long fromMs = from.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        List<Candle> candles = new ArrayList<>();
        for (String ticker : List.of("SPY", "QQQ", "IWM", "GLD", "MSTR", "NVDA", "TSLA", "UNH", "USO", "XLE")) {
            for (String tf : List.of("60", "D", "W")) {
                MarketData.history(ticker + "_" + tf + ".json").stream()
                        .filter(c -> c.openTime() >= fromMs).forEach(candles::add);
            }
        }
        candles.sort(Comparator.comparingLong(Candle::openTime).thenComparing(Candle::ticker));
        ResolverConfig config = memory ? ResolverConfig.defaults().withInMemoryStores() : ResolverConfig.defaults();
        if (!"driver".equals(System.getProperty("bench.mode", "processor"))) {
            processorRounds(candles, config, rounds, memory, from, commitEvery);
            return;
        }
        double best = 0;
        for (int round = 1; round <= rounds; round++) {
            Path dir = Files.createTempDirectory("resolver-throughput");
            long predictions = 0;
            long started;
            List<Outcome> outcomes;
            try (ResolverDriver driver = new ResolverDriver(config, dir)) {
                int[] dailyCount = new int[1];
                started = System.nanoTime();
                for (Candle c : candles) {
                    driver.candle(c);
                    if (c.interval() == Timeframe.D1 && ++dailyCount[0] % 5 == 0) {
                        driver.predict(TestRecords.prediction(c, Direction.UP));
                        predictions++;
                    }
                }
                outcomes = driver.outcomes();
            }
            long nanos = System.nanoTime() - started;
            double perSecond = candles.size() / (nanos / 1e9);
            best = Math.max(best, perSecond);
            double sum = outcomes.stream().mapToDouble(o -> o.getReturnPct() == null ? 0 : o.getReturnPct()).sum();
            System.out.printf("round %d: %d candles, %d predictions, %d outcomes (return sum %.6f) in %.2f s: "
                            + "%.0f candles/s%n", round, candles.size(), predictions, outcomes.size(), sum, nanos / 1e9,
                    perSecond);
        }
        System.out.printf("best of %d (%s stores, from %s, %s): %.0f candles/s%n", rounds, memory ? "memory" : "RocksDB",
                from, Instant.now(), best);
    }

    private static void processorRounds(List<Candle> candles, ResolverConfig config, int rounds, boolean memory,
                                        LocalDate from, int commitEvery) throws IOException {
        List<Record<String, ResolverInput>> records = new ArrayList<>();
        int daily = 0;
        for (Candle c : candles) {
            records.add(new Record<>(c.ticker(), new ResolverInput.NewCandle(TestRecords.candle(c)), c.openTime()));
            if (c.interval() == Timeframe.D1 && ++daily % 5 == 0) {
                records.add(new Record<>(c.ticker(),
                        new ResolverInput.NewPrediction(TestRecords.prediction(c, Direction.UP)), c.openTime()));
            }
        }
        double best = 0;
        for (int round = 1; round <= rounds; round++) {
            Path dir = Files.createTempDirectory("resolver-throughput");
            MockProcessorContext<String, OutcomeOutput> context = new MockProcessorContext<>(new Properties(),
                    new TaskId(0, 0), dir.toFile());
            List<StateStore> stores = new ArrayList<>();
            for (StoreSpec<?, ?> spec : ResolverStores.OUTCOME_STORES) {
                StateStore store = spec.builder(memory).withLoggingDisabled().build();
                store.init(context.getStateStoreContext(), store);
                context.addStateStore(store);
                stores.add(store);
            }
            OutcomeProcessor processor = new OutcomeProcessor(config);
            processor.init(context);
            Map<MockProcessorContext.CapturedPunctuator, Long> due = new LinkedHashMap<>();
            long streamTime = Long.MIN_VALUE;
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long cpuStarted = threads.getCurrentThreadCpuTime();
            long started = System.nanoTime();
            int sinceCommit = 0;
            for (Record<String, ResolverInput> record : records) {
                if (++sinceCommit == commitEvery) {
                    sinceCommit = 0;
                    commit(stores);
                }
                streamTime = Math.max(streamTime, record.timestamp());
                context.setCurrentStreamTimeMs(streamTime);
                processor.process(record);
                for (MockProcessorContext.CapturedPunctuator p : context.scheduledPunctuators()) {
                    long interval = p.getInterval().toMillis();
                    long next = due.computeIfAbsent(p, k -> record.timestamp() + interval);
                    if (streamTime >= next) {
                        p.getPunctuator().punctuate(streamTime);
                        due.put(p, streamTime + interval - Math.floorMod(streamTime - next, interval));
                    }
                }
            }
            commit(stores);
            commit(stores);
            long nanos = System.nanoTime() - started;
            long cpuNanos = threads.getCurrentThreadCpuTime() - cpuStarted;
            List<Outcome> outcomes = context.forwarded().stream().map(f -> f.record().value())
                    .filter(OutcomeOutput.Published.class::isInstance)
                    .map(v -> ((OutcomeOutput.Published) v).outcome()).toList();
            stores.forEach(StateStore::close);
            double perCpuSecond = candles.size() / (cpuNanos / 1e9);
            best = Math.max(best, perCpuSecond);
            double sum = outcomes.stream().mapToDouble(o -> o.getReturnPct() == null ? 0 : o.getReturnPct()).sum();
            System.out.printf("round %d: %d candles, %d outcomes (return sum %.6f) in %.2f s wall, %.2f s CPU: "
                            + "%.0f candles per CPU second%n", round, candles.size(), outcomes.size(), sum, nanos / 1e9,
                    cpuNanos / 1e9, perCpuSecond);
        }
        System.out.printf("processor, best of %d (%s stores, from %s): %.0f candles per CPU second%n", rounds,
                memory ? "memory" : "RocksDB", from, best);
    }

    /** What a task commit does to the stores: flushes their caches (and the values handed over to be written then). */
    private static void commit(List<StateStore> stores) {
        for (StateStore store : stores) {
            if (store instanceof WrappedStateStore<?, ?, ?> wrapped) {
                wrapped.flushCache();
            }
        }
    }
}
