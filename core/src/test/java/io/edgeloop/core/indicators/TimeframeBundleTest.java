package io.edgeloop.core.indicators;

import io.edgeloop.core.candle.Candle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class TimeframeBundleTest {

    @Test
    void shouldWarmUpEachIndicatorAtItsDocumentedBar() {
        List<Candle> candles = MarketData.history("SPY_D");
        TimeframeBundle bundle = new TimeframeBundle();
        Map<String, Integer> firstValue = new LinkedHashMap<>();
        int firstWarm = -1;
        for (int i = 0; i < 260; i++) {
            bundle.update(candles.get(i));
            for (BundleValues.Accessor a : BundleValues.ALL) {
                if (!Double.isNaN(a.get().applyAsDouble(bundle))) {
                    firstValue.putIfAbsent(a.name(), i);
                }
            }
            if (firstWarm < 0 && bundle.isWarm()) {
                firstWarm = i;
            }
        }
        Map<String, Integer> expected = new LinkedHashMap<>();
        expected.put("close", 0);
        expected.put("ema3", 2);
        expected.put("ema5", 4);
        expected.put("ema8", 7);
        expected.put("ema13", 12);
        expected.put("ema21", 20);
        expected.put("ema34", 33);
        expected.put("ema48", 47);
        expected.put("ema89", 88);
        expected.put("ema200", 199);
        expected.put("ema48Slope", 48);
        expected.put("rsi14", 14);
        expected.put("atr14", 13);
        expected.put("atrRatio", 32);
        expected.put("stDir", 9);
        expected.put("stLine", 9);
        expected.put("stFlip", 10);
        expected.put("stLineSlope", 10);
        expected.put("sqOn", 19);
        expected.put("sqRelease", 20);
        expected.put("sqReleaseDir", 20);
        expected.put("basis20", 19);
        expected.put("bbUpper", 19);
        expected.put("bbLower", 19);
        expected.put("kcUpper", 19);
        expected.put("kcLower", 19);
        expected.put("mom", 38);
        expected.put("momStd", 57);
        expected.put("volumeRatio", 19);
        expected.put("compressed", 20);
        expected.put("emaCross", 48);
        expected.put("phase", 59);
        assertThat(firstValue).isEqualTo(expected);
        assertThat(firstWarm).isEqualTo(199);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 5, 10, 57, 60, 333, 1500})
    void shouldContinueBitForBitAfterSerializingMidStream(int cut) {
        List<Candle> candles = MarketData.history("SPY_60");
        TimeframeBundle original = new TimeframeBundle();
        for (int i = 0; i < cut; i++) {
            original.update(candles.get(i));
        }
        ByteBuffer buffer = ByteBuffer.allocate(original.size());
        original.write(buffer);
        assertThat(buffer.position()).isEqualTo(original.size());
        TimeframeBundle restored = new TimeframeBundle();
        restored.read(buffer.flip());
        assertThat(buffer.hasRemaining()).isFalse();
        assertThat(BundleValues.bits(restored)).isEqualTo(BundleValues.bits(original));
        for (int i = cut; i < candles.size(); i++) {
            original.update(candles.get(i));
            restored.update(candles.get(i));
            assertThat(BundleValues.bits(restored)).as("bar %d", i).isEqualTo(BundleValues.bits(original));
        }
    }

    @Test
    void shouldHaveFixedStateSize() {
        TimeframeBundle bundle = new TimeframeBundle();
        int empty = bundle.size();
        MarketData.history("SPY_D").subList(0, 300).forEach(bundle::update);
        assertThat(bundle.size()).isEqualTo(empty).isLessThan(2_000);
    }

    @Test
    void shouldResetToFreshState() {
        TimeframeBundle bundle = new TimeframeBundle();
        MarketData.history("SPY_D").subList(0, 250).forEach(bundle::update);
        bundle.reset();
        TimeframeBundle fresh = new TimeframeBundle();
        assertThat(BundleValues.bits(bundle)).isEqualTo(BundleValues.bits(fresh));
        Candle next = MarketData.history("SPY_D").get(250);
        bundle.update(next);
        fresh.update(next);
        assertThat(BundleValues.bits(bundle)).isEqualTo(BundleValues.bits(fresh));
    }

    @Test
    void shouldRejectStateOfAnotherVersion() {
        TimeframeBundle bundle = new TimeframeBundle();
        ByteBuffer buffer = ByteBuffer.allocate(bundle.size());
        bundle.write(buffer);
        buffer.putInt(0, TimeframeBundle.STATE_VERSION + 1);
        assertThatThrownBy(() -> new TimeframeBundle().read(buffer.flip()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("format version " + (TimeframeBundle.STATE_VERSION + 1));
    }

    @Test
    void shouldPeekAsIfTheBarClosedWithoutChangingState() {
        List<Candle> candles = MarketData.history("NVDA_D");
        TimeframeBundle bundle = new TimeframeBundle();
        TimeframeBundle scratch = new TimeframeBundle();
        TimeframeBundle committed = new TimeframeBundle();
        ByteBuffer before = ByteBuffer.allocate(bundle.size());
        ByteBuffer after = ByteBuffer.allocate(bundle.size());
        for (Candle c : candles.subList(0, 400)) {
            before.clear();
            bundle.write(before);
            bundle.peek(c, scratch);
            after.clear();
            bundle.write(after);
            assertThat(after.flip()).isEqualTo(before.flip());

            committed.update(c);
            bundle.update(c);
            assertThat(BundleValues.bits(scratch)).isEqualTo(BundleValues.bits(committed));
        }
    }

    @Test
    void shouldGiveTheSameStateWhenPeekingAFormingBarAgainAsAFreshCopyPlusTheBar() {
        List<Candle> days = MarketData.history("NVDA_D").subList(0, 600);
        TimeframeBundle weekly = new TimeframeBundle();
        TimeframeBundle scratch = new TimeframeBundle();
        TimeframeBundle reference = new TimeframeBundle();
        ByteBuffer peeked = ByteBuffer.allocate(weekly.size());
        ByteBuffer expected = ByteBuffer.allocate(weekly.size());
        for (int start = 0; start + 5 <= days.size(); start += 5) {
            double open = days.get(start).open();
            double high = Double.NEGATIVE_INFINITY;
            double low = Double.POSITIVE_INFINITY;
            double volume = 0;
            for (Candle day : days.subList(start, start + 5)) {
                high = Math.max(high, day.high());
                low = Math.min(low, day.low());
                volume += day.volume();
                weekly.peek(open, high, low, day.close(), volume, scratch);
                reference.copyFrom(weekly);
                reference.update(open, high, low, day.close(), volume);
                peeked.clear();
                scratch.write(peeked);
                expected.clear();
                reference.write(expected);
                assertThat(peeked.flip()).as("week starting at day %d", start).isEqualTo(expected.flip());
            }
            weekly.update(open, high, low, days.get(start + 4).close(), volume);
        }
    }

    @Test
    void shouldRejectPeekIntoItself() {
        TimeframeBundle bundle = new TimeframeBundle();
        assertThatThrownBy(() -> bundle.peek(1, 1, 1, 1, 1, bundle))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("scratch bundle");
    }

    @Test
    void shouldRejectBadBarAndKeepState() {
        TimeframeBundle bundle = new TimeframeBundle();
        bundle.update(10, 11, 9, 10.5, 1000);
        long[] before = BundleValues.bits(bundle);
        assertThatThrownBy(() -> bundle.update(10, 9, 11, 10, 1000))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("high=9.0 low=11.0");
        assertThatThrownBy(() -> bundle.update(10, 11, 9, Double.NaN, 1000)).hasMessageContaining("close=NaN");
        assertThatThrownBy(() -> bundle.update(10, 11, 9, 10, -1)).hasMessageContaining("volume=-1.0");
        assertThat(BundleValues.bits(bundle)).isEqualTo(before);
    }

    @Test
    void shouldRejectBadPeekAndKeepTheScratchsPeek() {
        TimeframeBundle bundle = new TimeframeBundle();
        TimeframeBundle scratch = new TimeframeBundle();
        bundle.update(10, 11, 9, 10.5, 1000);
        bundle.peek(10.5, 12, 10, 11.5, 400, scratch);
        long[] before = BundleValues.bits(scratch);
        assertThatThrownBy(() -> bundle.peek(10.5, 10, 12, 11, 400, scratch))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("high=10.0 low=12.0");
        assertThat(BundleValues.bits(scratch)).isEqualTo(before);
    }

    @Test
    void shouldComputeRatiosAndPhaseFromTheirDocumentedFormulas() {
        List<Candle> candles = MarketData.history("SPY_60");
        int n = candles.size();
        TimeframeBundle bundle = new TimeframeBundle();
        double[] volume = new double[n];
        double[] atr = new double[n];
        double[] raw = new double[n];
        double phase = Double.NaN;
        int rawCount = 0;
        double rawSum = 0;
        for (int i = 0; i < n; i++) {
            Candle c = candles.get(i);
            bundle.update(c);
            volume[i] = c.volume();
            atr[i] = bundle.atr14();
            if (i >= 19) {
                assertThat(bundle.volumeRatio()).isCloseTo(volume[i] / mean(volume, i - 19, i), within(1e-12));
            }
            if (i >= 13 + 19) {
                assertThat(bundle.atrRatio()).isCloseTo(atr[i] / mean(atr, i - 19, i), within(1e-12));
            }
            if (!Double.isNaN(bundle.momStd())) {
                raw[i] = 0.6 * (c.close() - bundle.ema21()) / (3 * bundle.atr14()) * 100
                        + 0.3 * (bundle.mom() / bundle.momStd()) * 20
                        + 0.1 * (bundle.volumeRatio() - 1) * 30;
                rawCount++;
                if (rawCount <= 3) {
                    rawSum += raw[i];
                    phase = rawCount == 3 ? rawSum / 3 : Double.NaN;
                } else {
                    phase = 0.5 * raw[i] + 0.5 * phase;
                }
            }
            if (Double.isNaN(phase)) {
                assertThat(bundle.phase()).isNaN();
            } else {
                assertThat(bundle.phase()).as("phase at %d", i).isCloseTo(phase, within(1e-9));
            }
        }
    }

    private static double mean(double[] x, int from, int to) {
        double s = 0;
        for (int i = from; i <= to; i++) {
            s += x[i];
        }
        return s / (to - from + 1);
    }

    @Test
    void shouldNotAllocateInSteadyState() {
        List<Candle> candles = MarketData.history("SPY_60");
        int n = candles.size();
        double[] o = new double[n];
        double[] h = new double[n];
        double[] l = new double[n];
        double[] c = new double[n];
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            Candle k = candles.get(i);
            o[i] = k.open();
            h[i] = k.high();
            l[i] = k.low();
            c[i] = k.close();
            v[i] = k.volume();
        }
        TimeframeBundle bundle = new TimeframeBundle();
        TimeframeBundle scratch = new TimeframeBundle();
        run(bundle, scratch, o, h, l, c, v);
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        long start = threads.getThreadAllocatedBytes(thread);
        int updates = 0;
        for (int round = 0; round < 20; round++) {
            updates += run(bundle, scratch, o, h, l, c, v);
        }
        long allocated = threads.getThreadAllocatedBytes(thread) - start;
        assertThat(updates).isEqualTo(20 * 2 * n);
        assertThat((double) allocated / updates).as("bytes allocated per update or peek").isLessThan(0.1);
    }

    private static int run(TimeframeBundle bundle, TimeframeBundle scratch,
                           double[] o, double[] h, double[] l, double[] c, double[] v) {
        int count = 0;
        for (int i = 0; i < c.length; i++) {
            bundle.peek(o[i], h[i], l[i], c[i], v[i], scratch);
            bundle.update(o[i], h[i], l[i], c[i], v[i]);
            count += 2;
        }
        return count;
    }
}
