package io.edgeloop.core.report;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link Decimals#round4} against the BigDecimal rounding it stands for, on seeded random values. */
class DecimalsTest {

    private static final int TRIES = 200_000;

    private static String exact(double v) {
        return BigDecimal.valueOf(v).setScale(4, RoundingMode.HALF_UP).stripTrailingZeros().toString();
    }

    private static void check(double v) {
        assertThat(Decimals.round4(v).toString()).as("%s", v).isEqualTo(exact(v));
    }

    @Test
    void shouldGiveTheDigitsOfTheBigDecimalRoundingOnAnyBits() {
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < TRIES; i++) {
            double v = Double.longBitsToDouble(random.nextLong());
            if (Double.isFinite(v)) {
                check(v);
            }
        }
    }

    @Test
    void shouldGiveThemOnReportSizedValues() {
        SplittableRandom random = new SplittableRandom(12);
        for (int i = 0; i < TRIES; i++) {
            double scale = Math.pow(10, random.nextInt(-6, 7));
            check(random.nextDouble(-1, 1) * scale);
        }
    }

    @Test
    void shouldGiveThemOnAndNextToHalves() {
        SplittableRandom random = new SplittableRandom(13);
        for (int i = 0; i < TRIES; i++) {
            double v = (random.nextLong(-2_000_000_000L, 2_000_000_000L) + 0.5) / 10_000;
            int ulps = random.nextInt(-6, 7);
            for (int k = 0; k < Math.abs(ulps); k++) {
                v = ulps > 0 ? Math.nextUp(v) : Math.nextDown(v);
            }
            check(v);
        }
    }

    @Test
    void shouldRoundHalvesAwayFromZeroAndStripZeros() {
        assertThat(Decimals.round4(0.00005).toString()).isEqualTo("0.0001");
        assertThat(Decimals.round4(-0.00005).toString()).isEqualTo("-0.0001");
        assertThat(Decimals.round4(12.5).toString()).isEqualTo("12.5");
        assertThat(Decimals.round4(0.0).toString()).isEqualTo("0");
        check(10.0);
        check(-0.0);
        check(1e300);
    }
}
