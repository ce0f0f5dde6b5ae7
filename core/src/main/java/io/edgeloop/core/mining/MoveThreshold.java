package io.edgeloop.core.mining;

/**
 * The significant-move threshold as prices: the price a bar's high must reach (UP) or its low
 * must fall to (DOWN) for a move of at least {@code minMovePct} percent from a close. One rule
 * for the move miner ({@link MoveMiner}) and the retrospective's hit rule ({@code PriceSeries}),
 * so that the two agree bar for bar.
 *
 * <p>Prices are decimals (3.40, 3.57) held as doubles, and neither {@code (high - close) / close x
 * 100} nor {@code close x 1.05} is exact in double arithmetic: 3.40 to 3.57 is exactly +5%, but
 * the first gives 4.999999999999998, and the product misses the exact value on about a third of
 * the two-decimal prices that lie exactly 5% from a close. So a move counts when the extreme
 * reaches {@code close x (1 +- minMovePct / 100)} to within {@value #RELATIVE_TOLERANCE} of the
 * close: some thousand times the rounding error of the computation, and far below a price tick
 * (a cent on 20,000).
 */
public final class MoveThreshold {

    /** Slack, relative to the close, for the rounding of prices and percentages in doubles. */
    public static final double RELATIVE_TOLERANCE = 1e-12;

    private MoveThreshold() {
    }

    /** The high that makes an UP move of {@code minMovePct} percent from {@code close}: reached when high &gt;= it. */
    public static double upTarget(double close, double minMovePct) {
        return close * (1 + minMovePct / 100) - close * RELATIVE_TOLERANCE;
    }

    /** The low that makes a DOWN move of {@code minMovePct} percent from {@code close}: reached when low &lt;= it. */
    public static double downTarget(double close, double minMovePct) {
        return close * (1 - minMovePct / 100) + close * RELATIVE_TOLERANCE;
    }
}
