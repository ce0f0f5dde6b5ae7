package io.edgeloop.core.mining;

import java.util.BitSet;

/**
 * Outcome of the moves in one group (an archetype's matches, a pair, a feature, all moves).
 * Percentages are 0..100; NaN where undefined (no moves, or no moves of a direction).
 *
 * @param n            moves in the group
 * @param up           UP moves
 * @param down         DOWN moves
 * @param upPct        hit rate {@code 100 x up / n}
 * @param upLowPct     lower end of the Wilson interval of the UP share
 * @param upHighPct    upper end of the Wilson interval of the UP share
 * @param avgUpPct     mean magnitude of the UP moves
 * @param avgDownPct   mean absolute magnitude of the DOWN moves
 * @param avgReturnPct mean signed magnitude (UP positive, DOWN negative)
 * @param expectedValue {@code (upPct x avgUpPct - downPct x avgDownPct) / 100}, the original
 *                     study's expected value; a direction with no moves contributes 0
 */
public record GroupStats(int n, int up, int down, double upPct, double upLowPct, double upHighPct, double avgUpPct,
                         double avgDownPct, double avgReturnPct, double expectedValue) {

    /** {@code 100 - upPct}. */
    public double downPct() {
        return n == 0 ? Double.NaN : 100.0 * down / n;
    }

    /** Stats of the moves {@code i} with {@code member[i]}. */
    static GroupStats of(BitSet member, BitSet upMask, double[] size, double z) {
        int n = 0;
        int up = 0;
        double upSum = 0;
        double downSum = 0;
        for (int i = member.nextSetBit(0); i >= 0; i = member.nextSetBit(i + 1)) {
            n++;
            if (upMask.get(i)) {
                up++;
                upSum += size[i];
            } else {
                downSum += size[i];
            }
        }
        int down = n - up;
        if (n == 0) {
            return new GroupStats(0, 0, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                    Double.NaN);
        }
        double upPct = 100.0 * up / n;
        double downPct = 100.0 * down / n;
        double avgUp = up == 0 ? Double.NaN : upSum / up;
        double avgDown = down == 0 ? Double.NaN : downSum / down;
        double ev = ((up == 0 ? 0 : upPct * avgUp) - (down == 0 ? 0 : downPct * avgDown)) / 100.0;
        double[] ci = Wilson.interval(up, n, z);
        return new GroupStats(n, up, down, upPct, 100 * ci[0], 100 * ci[1], avgUp, avgDown, (upSum - downSum) / n, ev);
    }
}
