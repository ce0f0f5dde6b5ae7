package io.edgeloop.core.engine;

import io.edgeloop.core.candle.Aggregator;
import io.edgeloop.core.candle.Candle;
import io.edgeloop.core.indicators.TimeframeBundle;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * JMH benchmark of the full per-candle model update, with two baselines measured in the same run
 * on the same candles so that the model's cost can be read as a ratio, independent of the
 * machine and of its load:
 * <ul>
 *   <li>{@link #update}: one {@link TickerEngine#update} per operation (aggregation to every
 *   timeframe of the profile, all frames' indicators including the forming-bar peeks, scores,
 *   flags, phase, completion, rank, matching the 17 seed patterns, kanban and paper position);</li>
 *   <li>{@link #aggregate}: the same candle into an {@link Aggregator} building the profile's
 *   higher timeframes, nothing else;</li>
 *   <li>{@link #indicators}: the same candle into one {@link TimeframeBundle} (every indicator of
 *   one frame, one closed bar).</li>
 * </ul>
 * Candles are the real hourly files {@code history/*_60.json}, one after the other. At the end of
 * a file its engine (aggregator, bundle) is restored to its fresh state from bytes captured at
 * setup (no allocation), so the loop never stops. Run by {@link EngineBenchmarkRun}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class EngineBenchmark {

    private TickerEngine[] engines;
    private ByteBuffer[] fresh;
    private Aggregator[] aggregators;
    private ByteBuffer[] freshAggregators;
    private TimeframeBundle bundle;
    private long[][] times;
    private double[][] open;
    private double[][] high;
    private double[][] low;
    private double[][] close;
    private double[][] volume;
    private int file;
    private int bar;

    @Setup(Level.Trial)
    public void load() {
        List<Path> files = HistoryData.hourlyFiles();
        int n = files.size();
        engines = new TickerEngine[n];
        fresh = new ByteBuffer[n];
        aggregators = new Aggregator[n];
        freshAggregators = new ByteBuffer[n];
        bundle = new TimeframeBundle();
        times = new long[n][];
        open = new double[n][];
        high = new double[n][];
        low = new double[n][];
        close = new double[n][];
        volume = new double[n][];
        for (int f = 0; f < n; f++) {
            List<Candle> candles = HistoryData.file(files.get(f));
            engines[f] = EngineRuns.engineFor(candles);
            fresh[f] = ByteBuffer.wrap(engines[f].toBytes());
            aggregators[f] = new Aggregator(engines[f].calendar(), candles.get(0).interval(),
                    EnumSet.copyOf(engines[f].profile().aggregated()));
            freshAggregators[f] = ByteBuffer.allocate(aggregators[f].size());
            aggregators[f].write(freshAggregators[f]);
            int m = candles.size();
            times[f] = new long[m];
            open[f] = new double[m];
            high[f] = new double[m];
            low[f] = new double[m];
            close[f] = new double[m];
            volume[f] = new double[m];
            for (int i = 0; i < m; i++) {
                Candle c = candles.get(i);
                times[f][i] = c.openTime();
                open[f][i] = c.open();
                high[f][i] = c.high();
                low[f][i] = c.low();
                close[f][i] = c.close();
                volume[f][i] = c.volume();
            }
        }
    }

    /** Total base candles in the hourly files. */
    public int candles() {
        int total = 0;
        for (long[] t : times) {
            total += t.length;
        }
        return total;
    }

    /** One base candle through its ticker's engine. */
    @Benchmark
    public EngineResult update() {
        int f = file;
        int i = bar;
        EngineResult r = engines[f].update(times[f][i], open[f][i], high[f][i], low[f][i], close[f][i], volume[f][i]);
        if (++i == times[f].length) {
            fresh[f].rewind();
            engines[f].read(fresh[f]);
            i = 0;
            file = f + 1 == engines.length ? 0 : f + 1;
        }
        bar = i;
        return r;
    }

    /** Baseline: one base candle through its ticker's aggregator only. */
    @Benchmark
    public int aggregate() {
        int f = file;
        int i = bar;
        int closed = aggregators[f].update(times[f][i], open[f][i], high[f][i], low[f][i], close[f][i], volume[f][i],
                null);
        if (++i == times[f].length) {
            freshAggregators[f].rewind();
            aggregators[f].read(freshAggregators[f]);
            i = 0;
            file = f + 1 == engines.length ? 0 : f + 1;
        }
        bar = i;
        return closed;
    }

    /** Baseline: one base candle through one frame's indicators only. */
    @Benchmark
    public double indicators() {
        int f = file;
        int i = bar;
        bundle.update(open[f][i], high[f][i], low[f][i], close[f][i], volume[f][i]);
        if (++i == times[f].length) {
            bundle.reset();
            i = 0;
            file = f + 1 == engines.length ? 0 : f + 1;
        }
        bar = i;
        return bundle.phase();
    }
}
