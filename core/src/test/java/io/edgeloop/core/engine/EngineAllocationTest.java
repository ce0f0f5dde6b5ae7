package io.edgeloop.core.engine;

import io.edgeloop.core.candle.Candle;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EngineAllocationTest {

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    @Test
    void shouldNotAllocatePerCandleNorWhenSwappingTickerStates() {
        List<Candle> spy = HistoryData.history("SPY_60");
        List<Candle> qqq = HistoryData.history("QQQ_60");
        int n = Math.min(spy.size(), qqq.size());
        long[][] t = new long[2][n];
        double[][][] v = new double[2][5][n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < 2; k++) {
                Candle c = (k == 0 ? spy : qqq).get(i);
                t[k][i] = c.openTime();
                v[k][0][i] = c.open();
                v[k][1][i] = c.high();
                v[k][2][i] = c.low();
                v[k][3][i] = c.close();
                v[k][4][i] = c.volume();
            }
        }
        TickerEngine engine = EngineRuns.engineFor(spy);
        ByteBuffer[] states = {ByteBuffer.allocate(engine.size()), ByteBuffer.allocate(engine.size())};
        ByteBuffer fresh = ByteBuffer.wrap(engine.toBytes());
        for (ByteBuffer s : states) {
            fresh.rewind();
            s.put(fresh);
        }
        // One task engine, two tickers interleaved: read the ticker's state, update, write it back.
        int warm = n / 2;
        for (int i = 0; i < warm; i++) {
            step(engine, states, t, v, i);
        }
        long before = THREADS.getCurrentThreadAllocatedBytes();
        for (int i = warm; i < n; i++) {
            step(engine, states, t, v, i);
        }
        long allocated = THREADS.getCurrentThreadAllocatedBytes() - before;
        assertThat(allocated).as("bytes allocated over %d candles of 2 tickers", 2 * (n - warm)).isLessThan(1024);
    }

    private static void step(TickerEngine engine, ByteBuffer[] states, long[][] t, double[][][] v, int i) {
        for (int k = 0; k < 2; k++) {
            ByteBuffer s = states[k];
            s.clear();
            engine.read(s);
            engine.update(t[k][i], v[k][0][i], v[k][1][i], v[k][2][i], v[k][3][i], v[k][4][i]);
            s.clear();
            engine.write(s);
        }
    }
}
