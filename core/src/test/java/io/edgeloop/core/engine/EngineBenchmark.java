package io.edgeloop.core.engine;

import io.edgeloop.core.candle.Candle;
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
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * JMH benchmark of the full per-candle model update: one {@link TickerEngine#update} per
 * operation (aggregation to every timeframe of the profile, all frames' indicators including
 * the forming-bar peeks, scores, flags, phase, completion, rank, matching the 17 seed patterns,
 * kanban and paper position), over the real hourly files {@code history/*_60.json} one after
 * the other. At the end of a file its engine is restored to its fresh state from bytes captured
 * at setup (no allocation), so the loop never stops. Run by {@link EngineBenchmarkRun}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class EngineBenchmark {

    private TickerEngine[] engines;
    private ByteBuffer[] fresh;
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
}
