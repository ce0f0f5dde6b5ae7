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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs {@link EngineBenchmark} with JMH and its GC profiler (the model and its two baselines in
 * the same run), then a plain single-thread pass of each measured with the thread's CPU time and
 * allocation counter, and prints: base candles per second of the model and of each baseline, the
 * model's cost as a multiple of each baseline's (the figure that does not depend on the machine
 * or its load), bytes allocated per candle, and the system load average before and after. Only
 * with {@code -Pbench} ({@code mvn -B -q -pl core test -Pbench}); the default suite skips it.
 * Options: {@code -Dedgeloop.bench.forks}, {@code .warmup} and {@code .iterations} (2 s each),
 * and {@code -Dedgeloop.bench.jfr=FILE.jfr} to record the forked JVMs with Java Flight Recorder
 * (method profile with non-safepoint debug info, so samples land on the right line; read it with
 * {@code jfr print --events jdk.ExecutionSample} or JDK Mission Control). JMH runs the benchmarks
 * in name order, each in its own fork, so the file ends up holding the last one, the model's.
 */
@EnabledIfSystemProperty(named = "edgeloop.bench", matches = "true")
class EngineBenchmarkRun {

    private static final Logger LOG = LoggerFactory.getLogger(EngineBenchmarkRun.class);
    private static final String MODEL = "update";
    private static final String AGGREGATE = "aggregate";
    private static final String INDICATORS = "indicators";

    @Test
    void shouldUpdateTheWholeModelPerCandleWithoutAllocating() throws RunnerException {
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        int warmup = Integer.getInteger("edgeloop.bench.warmup", 5);
        int iterations = Integer.getInteger("edgeloop.bench.iterations", 5);
        List<String> jvmArgs = new ArrayList<>(List.of("-Dedgeloop.data.dir=" + HistoryData.dataDir()));
        String jfr = System.getProperty("edgeloop.bench.jfr", "");
        if (!jfr.isBlank()) {
            jvmArgs.addAll(List.of("-XX:+UnlockDiagnosticVMOptions", "-XX:+DebugNonSafepoints",
                    "-XX:StartFlightRecording=filename=" + jfr + ",settings=profile"));
        }
        Options options = new OptionsBuilder()
                .include(EngineBenchmark.class.getName() + ".(" + MODEL + "|" + AGGREGATE + "|" + INDICATORS + ")$")
                .forks(Integer.getInteger("edgeloop.bench.forks", 1))
                .warmupIterations(warmup).warmupTime(TimeValue.seconds(2))
                .measurementIterations(iterations).measurementTime(TimeValue.seconds(2))
                .jvmArgsAppend(jvmArgs.toArray(new String[0]))
                .addProfiler(GCProfiler.class)
                .build();
        Map<String, double[]> jmh = new LinkedHashMap<>();
        for (RunResult run : new Runner(options).run()) {
            String label = run.getParams().getBenchmark();
            label = label.substring(label.lastIndexOf('.') + 1);
            Result<?> primary = run.getPrimaryResult();
            double allocated = Double.NaN;
            for (Map.Entry<String, Result> e : run.getSecondaryResults().entrySet()) {
                if (e.getKey().endsWith("gc.alloc.rate.norm")) {
                    allocated = e.getValue().getScore();
                }
            }
            jmh.put(label, new double[] {primary.getScore(), primary.getScoreError(), allocated});
        }
        double[] model = jmh.get(MODEL);
        LOG.info("JMH (wall clock): model {} base candles/s (+- {}), {} bytes allocated per candle",
                rate(model[0]), rate(model[1]), String.format("%.3f", model[2]));
        logBaseline("JMH", AGGREGATE, jmh.get(AGGREGATE)[0], model[0]);
        logBaseline("JMH", INDICATORS, jmh.get(INDICATORS)[0], model[0]);

        double[] plainModel = plainLoop(MODEL);
        double plainAggregate = plainLoop(AGGREGATE)[0];
        double plainIndicators = plainLoop(INDICATORS)[0];
        LOG.info("plain loop (thread CPU time, median of 10 passes over {} candles): model {} base candles/s "
                        + "(best {}), {} bytes allocated per candle", (long) plainModel[3],
                rate(plainModel[0]), rate(plainModel[1]), String.format("%.3f", plainModel[2]));
        logBaseline("plain loop", AGGREGATE, plainAggregate, plainModel[0]);
        logBaseline("plain loop", INDICATORS, plainIndicators, plainModel[0]);
        LOG.info("system load average: {} before, {} after ({} CPUs)", String.format("%.2f", loadBefore),
                String.format("%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()),
                Runtime.getRuntime().availableProcessors());
        assertThat(plainModel[2]).as("bytes allocated per candle in the steady state").isLessThan(1.0);
    }

    private static void logBaseline(String how, String name, double baseline, double model) {
        LOG.info("{}: baseline {} {} base candles/s; the model costs {} x {}", how, name, rate(baseline),
                String.format("%.2f", baseline / model), name);
    }

    /**
     * Median and best candles per CPU second over 10 passes after 5 warm-up passes, bytes per
     * candle, and the candles of one pass.
     */
    private static double[] plainLoop(String benchmark) {
        EngineBenchmark bench = new EngineBenchmark();
        bench.load();
        int candles = bench.candles();
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        for (int pass = 0; pass < 5; pass++) {
            pass(bench, benchmark, candles);
        }
        int passes = 10;
        double[] rates = new double[passes];
        long bytes0 = threads.getCurrentThreadAllocatedBytes();
        for (int pass = 0; pass < passes; pass++) {
            long cpu0 = threads.getCurrentThreadCpuTime();
            pass(bench, benchmark, candles);
            rates[pass] = candles / ((threads.getCurrentThreadCpuTime() - cpu0) / 1e9);
        }
        double perCandle = (threads.getCurrentThreadAllocatedBytes() - bytes0) / ((double) passes * candles);
        Arrays.sort(rates);
        return new double[] {rates[passes / 2], rates[passes - 1], perCandle, candles};
    }

    private static void pass(EngineBenchmark bench, String benchmark, int candles) {
        switch (benchmark) {
            case MODEL -> {
                for (int i = 0; i < candles; i++) {
                    bench.update();
                }
            }
            case AGGREGATE -> {
                for (int i = 0; i < candles; i++) {
                    bench.aggregate();
                }
            }
            default -> {
                for (int i = 0; i < candles; i++) {
                    bench.indicators();
                }
            }
        }
    }

    private static String rate(double perSecond) {
        return String.format("%,.0f", perSecond);
    }
}
