package io.edgeloop.core.indicators;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ExponentialAverageTest {

    @Test
    void shouldSeedEmaWithSmaAndBeNaNBefore() {
        ExponentialAverage ema = ExponentialAverage.ema(3);
        assertThat(ema.update(1)).isNaN();
        assertThat(ema.update(2)).isNaN();
        assertThat(ema.isWarm()).isFalse();
        assertThat(ema.update(3)).isEqualTo(2.0);
        assertThat(ema.isWarm()).isTrue();
        // alpha = 2 / (3 + 1) = 0.5
        assertThat(ema.update(4)).isEqualTo(0.5 * 4 + 0.5 * 2);
        assertThat(ema.update(5)).isEqualTo(0.5 * 5 + 0.5 * 3);
    }

    @Test
    void shouldSmoothRmaWithWilderAlpha() {
        ExponentialAverage rma = ExponentialAverage.rma(3);
        rma.update(1);
        rma.update(2);
        assertThat(rma.update(3)).isEqualTo(2.0);
        // alpha = 1/3: 4/3 + 2/3 * 2 = 8/3, then 5/3 + 2/3 * 8/3 = 31/9
        assertThat(rma.update(4)).isCloseTo(8.0 / 3, within(1e-15));
        assertThat(rma.update(5)).isCloseTo(31.0 / 9, within(1e-15));
        assertThat(rma.alpha()).isEqualTo(1.0 / 3);
    }

    @Test
    void shouldSkipNaNInputsLikePine() {
        ExponentialAverage ema = ExponentialAverage.ema(2);
        ema.update(1);
        assertThat(ema.update(Double.NaN)).isNaN();
        assertThat(ema.update(3)).isEqualTo(2.0);
        assertThat(ema.update(Double.NaN)).isEqualTo(2.0);
        assertThat(ema.update(5)).isCloseTo(2.0 / 3 * 5 + 1.0 / 3 * 2, within(1e-15));
    }

    @Test
    void shouldContinueIdenticallyAfterRestoreDuringSeed() {
        ExponentialAverage original = ExponentialAverage.ema(4);
        original.update(10.5);
        original.update(11.25);
        ByteBuffer buffer = ByteBuffer.allocate(original.size());
        original.write(buffer);
        assertThat(buffer.position()).isEqualTo(original.size());
        ExponentialAverage restored = ExponentialAverage.ema(4);
        restored.read(buffer.flip());
        for (double x : new double[] {12, 9.75, 13.5, 14.125}) {
            assertThat(Double.doubleToLongBits(restored.update(x)))
                    .isEqualTo(Double.doubleToLongBits(original.update(x)));
        }
    }

    @Test
    void shouldRejectStateOfAnotherLength() {
        ExponentialAverage ema = ExponentialAverage.ema(4);
        ByteBuffer buffer = ByteBuffer.allocate(ema.size());
        ema.write(buffer);
        assertThatThrownBy(() -> ExponentialAverage.ema(5).read(buffer.flip()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("length 4").hasMessageContaining("length 5");
    }

    @Test
    void shouldRejectNonPositiveLength() {
        assertThatThrownBy(() -> ExponentialAverage.ema(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("EMA length must be >= 1");
    }
}
