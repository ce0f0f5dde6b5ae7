package io.edgeloop.core.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs {@link EngineBenchmark} with JMH and its GC profiler, then a plain single-thread pass
 * measured with the thread's CPU time and allocation counter, and prints both figures:
 * base candles per second and bytes allocated per candle. Only with {@code -Pbench}
 * ({@code mvn -B -q -pl core test -Pbench}); the default suite skips it. Options:
 * {@code -Dedgeloop.bench.forks}, {@code .warmup} and {@code .iterations} (seconds each).
 */
@EnabledIfSystemProperty(named = "edgeloop.bench", matches = "true")
class EngineBenchmarkRun {

    private static final Logger LOG = LoggerFactory.getLogger(EngineBenchmarkRun.class);

    @Test
    void shouldUpdateTheWholeModelPerCandleWithoutAllocating() throws RunnerException {
        int warmup = Integer.getInteger("edgeloop.bench.warmup", 5);
        int iterations = Integer.getInteger("edgeloop.bench.iterations", 5);
        Options options = new OptionsBuilder()
                .include(EngineBenchmark.class.getName() + ".update")
                .forks(Integer.getInteger("edgeloop.bench.forks", 1))
                .warmupIterations(warmup).warmupTime(TimeValue.seconds(2))
                .measurementIterations(iterations).measurementTime(TimeValue.seconds(2))
                .jvmArgsAppend("-Dedgeloop.data.dir=" + HistoryData.dataDir())
                .addProfiler(GCProfiler.class)
                .build();
        Collection<RunResult> results = new Runner(options).run();
        RunResult run = results.iterator().next();
        Result<?> primary = run.getPrimaryResult();
        double allocated = Double.NaN;
        for (Map.Entry<String, Result> e : run.getSecondaryResults().entrySet()) {
            if (e.getKey().endsWith("gc.alloc.rate.norm")) {
                allocated = e.getValue().getScore();
            }
        }
        LOG.info("JMH: {} base candles/s (+- {}), {} bytes allocated per candle (gc.alloc.rate.norm)",
                String.format("%,.0f", primary.getScore()), String.format("%,.0f", primary.getScoreError()),
                String.format("%.3f", allocated));

        EngineBenchmark bench = new EngineBenchmark();
        bench.load();
        int candles = bench.candles();
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        for (int pass = 0; pass < 5; pass++) {
            for (int i = 0; i < candles; i++) {
                bench.update();
            }
        }
        int passes = 10;
        double[] rates = new double[passes];
        long bytes0 = threads.getCurrentThreadAllocatedBytes();
        for (int pass = 0; pass < passes; pass++) {
            long cpu0 = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < candles; i++) {
                bench.update();
            }
            rates[pass] = candles / ((threads.getCurrentThreadCpuTime() - cpu0) / 1e9);
        }
        double perCandle = (threads.getCurrentThreadAllocatedBytes() - bytes0) / ((double) passes * candles);
        Arrays.sort(rates);
        LOG.info("plain loop, {} passes of {} candles: median {} base candles/s of thread CPU time (best {}), "
                        + "{} bytes allocated per candle", passes, candles, String.format("%,.0f", rates[passes / 2]),
                String.format("%,.0f", rates[passes - 1]), String.format("%.3f", perCandle));
        assertThat(perCandle).as("bytes allocated per candle in the steady state").isLessThan(1.0);
    }
}
