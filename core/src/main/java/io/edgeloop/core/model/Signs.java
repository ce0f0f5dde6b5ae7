package io.edgeloop.core.model;

/** Small sign helpers shared by the score formulas; NaN never counts as a side. */
final class Signs {

    private Signs() {
    }

    /**
     * +1 when a &gt; b, -1 when a &lt; b, 0 when equal or either is NaN. Written without a
     * branch on the data (the compiler emits set-on-compare), since EMA orderings flip often.
     */
    static double cmp(double a, double b) {
        return icmp(a, b);
    }

    /** {@link #cmp} as an int, for scores that add their integer terms as ints. */
    static int icmp(double a, double b) {
        return (a > b ? 1 : 0) - (a < b ? 1 : 0);
    }

    /** Sign of x: +1, -1, or 0 for 0 and NaN. */
    static double sign(double x) {
        return cmp(x, 0);
    }

    /** True when the flag value is exactly 1 (NaN and 0 are false). */
    static boolean on(double flag) {
        return flag == 1;
    }

    /** x clamped to [lo, hi]; -0.0 becomes 0.0 so equal snapshots are equal bit for bit. */
    static double clamp(double x, double lo, double hi) {
        return (x < lo ? lo : x > hi ? hi : x) + 0.0;
    }
}
