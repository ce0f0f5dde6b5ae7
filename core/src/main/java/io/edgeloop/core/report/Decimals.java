package io.edgeloop.core.report;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Rounding of report numbers, the same digits as {@link BigDecimal} gives, faster where it can. */
final class Decimals {

    /** Largest |v x 10^4| taken on the fast path: its floor is exact in a long and in a double. */
    private static final double FAST_LIMIT = 0x1p52;

    private Decimals() {
    }

    /**
     * {@code v} rounded half-up to 4 decimals with trailing zeros stripped: exactly
     * {@code BigDecimal.valueOf(v).setScale(4, HALF_UP).stripTrailingZeros()}, the decimal of
     * {@code v}'s shortest string rounded. That string and {@code v x 10^4} computed in double
     * differ by a few units in the last place of the product, so rounding the product gives the
     * same digits unless it lies that close to a half; those, and very large values, take the
     * BigDecimal path.
     */
    static BigDecimal round4(double v) {
        double r = Math.abs(v * 10_000);
        if (r < FAST_LIMIT) {
            double floor = Math.floor(r);
            if (Math.abs(r - floor - 0.5) > 8 * Math.ulp(r)) {
                long units = (long) Math.floor(r + 0.5);
                return BigDecimal.valueOf(v < 0 ? -units : units, 4).stripTrailingZeros();
            }
        }
        return BigDecimal.valueOf(v).setScale(4, RoundingMode.HALF_UP).stripTrailingZeros();
    }
}
