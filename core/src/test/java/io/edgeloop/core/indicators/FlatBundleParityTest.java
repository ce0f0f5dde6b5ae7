package io.edgeloop.core.indicators;

import io.edgeloop.core.candle.Candle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link TimeframeBundle} keeps its state flat (primitive arrays laid out for the update loop);
 * {@link ComposedBundle} is the same bundle composed of the indicator classes, as it was before.
 * Driven through the same bars, peeks, copies, resets and serializations, the two must agree bit
 * for bit on every accessor and on every serialized byte (so states stored by either read into
 * the other), on real history and on generated bars with the edge cases (flat prices, zero
 * volume, zero ranges).
 */
class FlatBundleParityTest {

    private static final List<Method[]> ACCESSORS = accessors();

    /** Every public no-argument double accessor of the bundle, paired with the reference's. */
    private static List<Method[]> accessors() {
        List<Method[]> pairs = new ArrayList<>();
        for (Method m : TimeframeBundle.class.getMethods()) {
            if (m.getParameterCount() == 0 && (m.getReturnType() == double.class || m.getReturnType() == long.class
                    || m.getReturnType() == boolean.class || m.getReturnType() == int.class)
                    && m.getDeclaringClass() == TimeframeBundle.class) {
                try {
                    pairs.add(new Method[] {m, ComposedBundle.class.getMethod(m.getName())});
                } catch (NoSuchMethodException e) {
                    throw new AssertionError("reference has no " + m.getName(), e);
                }
            }
        }
        pairs.sort((a, b) -> a[0].getName().compareTo(b[0].getName()));
        return pairs;
    }

    private static void assertSame(TimeframeBundle flat, ComposedBundle composed, String where) {
        for (Method[] pair : ACCESSORS) {
            try {
                Object a = pair[0].invoke(flat);
                Object b = pair[1].invoke(composed);
                if (a instanceof Double x && b instanceof Double y) {
                    assertThat(Double.doubleToRawLongBits(x)).as("%s at %s: %s vs %s", pair[0].getName(), where, x, y)
                            .isEqualTo(Double.doubleToRawLongBits(y));
                } else {
                    assertThat(a).as("%s at %s", pair[0].getName(), where).isEqualTo(b);
                }
            } catch (ReflectiveOperationException e) {
                throw new AssertionError(e);
            }
        }
        assertThat(flat.size()).isEqualTo(composed.size());
        ByteBuffer x = ByteBuffer.allocate(flat.size());
        ByteBuffer y = ByteBuffer.allocate(composed.size());
        flat.write(x);
        composed.write(y);
        assertThat(x.array()).as("serialized state at %s", where).isEqualTo(y.array());
    }

    @Test
    void shouldHaveTheAccessorsOfTheReference() {
        assertThat(ACCESSORS).hasSizeGreaterThan(30);
    }

    @ParameterizedTest
    @ValueSource(strings = {"NVDA_60", "MSTR_D", "SPY_W", "USO_60", "GLD_D"})
    void shouldMatchTheComposedBundleOnRealBarsPeeksAndStates(String history) {
        List<Candle> candles = MarketData.history(history);
        double[][] bars = new double[candles.size()][];
        for (int i = 0; i < bars.length; i++) {
            Candle c = candles.get(i);
            bars[i] = new double[] {c.open(), c.high(), c.low(), c.close(), c.volume()};
        }
        drive(bars, new SplittableRandom(history.hashCode()), history);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4})
    void shouldMatchTheComposedBundleOnGeneratedEdgeCases(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] bars = new double[1500][];
        double price = 100;
        for (int i = 0; i < bars.length; i++) {
            int regime = (i / 60) % 4;
            if (regime == 1) {
                // a flat stretch: no move, no range, sometimes no volume
                bars[i] = new double[] {price, price, price, price, random.nextInt(3) == 0 ? 0 : 1000};
                continue;
            }
            double move = regime == 3 ? random.nextDouble(-0.2, 0.2) : random.nextGaussian() * price * 0.02;
            double open = price;
            double close = Math.max(0.01, price + move);
            double high = Math.max(open, close) + random.nextDouble() * price * 0.01;
            double low = Math.max(0.001, Math.min(open, close) - random.nextDouble() * price * 0.01);
            double volume = regime == 2 ? 0 : Math.rint(random.nextDouble() * 1e6);
            bars[i] = new double[] {open, high, low, close, volume};
            price = close;
        }
        drive(bars, random, "seed " + seed);
    }

    /**
     * Closes bars into both bundles; between closes peeks one to three forming bars of a higher
     * frame built from the following bars; now and then restores both from the other's bytes,
     * copies, or resets.
     */
    private static void drive(double[][] bars, SplittableRandom random, String name) {
        TimeframeBundle flat = new TimeframeBundle();
        ComposedBundle composed = new ComposedBundle();
        TimeframeBundle flatScratch = new TimeframeBundle();
        ComposedBundle composedScratch = new ComposedBundle();
        assertSame(flat, composed, name + " fresh");
        for (int i = 0; i < bars.length; i++) {
            double[] b = bars[i];
            double high = b[1];
            double low = b[2];
            double volume = b[4];
            for (int j = i; j < Math.min(bars.length, i + 1 + random.nextInt(3)); j++) {
                high = Math.max(high, bars[j][1]);
                low = Math.min(low, bars[j][2]);
                volume += j > i ? bars[j][4] : 0;
                flat.peek(b[0], high, low, bars[j][3], volume, flatScratch);
                composed.peek(b[0], high, low, bars[j][3], volume, composedScratch);
                assertSame(flatScratch, composedScratch, name + " peek at bar " + i + "+" + (j - i));
            }
            flat.update(b[0], b[1], b[2], b[3], b[4]);
            composed.update(b[0], b[1], b[2], b[3], b[4]);
            assertSame(flat, composed, name + " bar " + i);
            int event = random.nextInt(200);
            if (event == 0) {
                ByteBuffer state = ByteBuffer.allocate(composed.size());
                composed.write(state);
                flat.read(state.flip());
                assertSame(flat, composed, name + " read at bar " + i);
            } else if (event == 1) {
                TimeframeBundle copy = new TimeframeBundle();
                copy.copyFrom(flat);
                flat = copy;
                assertSame(flat, composed, name + " copy at bar " + i);
            } else if (event == 2 && i < bars.length / 2) {
                flat.reset();
                composed.reset();
                assertSame(flat, composed, name + " reset at bar " + i);
            }
        }
    }
}
