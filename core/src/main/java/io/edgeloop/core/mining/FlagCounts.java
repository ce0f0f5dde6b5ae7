package io.edgeloop.core.mining;

import io.edgeloop.core.snapshot.Field;
import io.edgeloop.core.snapshot.Fields;
import io.edgeloop.core.snapshot.Fields.Family;
import io.edgeloop.core.snapshot.Snapshot;

/**
 * On how many trail days of a range each signal was set. A directional signal counts as bull
 * (+1) or bear (-1) when the {@code _ltf} or the {@code _htf} aggregate carries that direction,
 * so a day can count for both when the two sides disagree.
 *
 * @param sqReleaseBull days with a squeeze release with positive momentum
 * @param sqReleaseBear days with a squeeze release with negative momentum
 * @param stFlipBull    days with a SuperTrend flip to bull
 * @param stFlipBear    days with a SuperTrend flip to bear
 * @param emaCrossUp    days with EMA13 crossing above EMA48
 * @param emaCrossDown  days with EMA13 crossing below EMA48
 * @param momentumElite days flagged momentum elite
 * @param compressed    days with compression on either side
 */
public record FlagCounts(int sqReleaseBull, int sqReleaseBear, int stFlipBull, int stFlipBear, int emaCrossUp,
                         int emaCrossDown, int momentumElite, int compressed) {

    /** No day, no signal. */
    public static final FlagCounts NONE = new FlagCounts(0, 0, 0, 0, 0, 0, 0, 0);

    public int sqReleases() {
        return sqReleaseBull + sqReleaseBear;
    }

    public int stFlips() {
        return stFlipBull + stFlipBear;
    }

    public int emaCrosses() {
        return emaCrossUp + emaCrossDown;
    }

    /**
     * How many of the five signal kinds of {@link Fields#SIGNAL_COUNT} were seen at least once:
     * squeeze release, SuperTrend flip, EMA cross, momentum elite, compression.
     */
    public int kinds() {
        return (sqReleases() > 0 ? 1 : 0) + (stFlips() > 0 ? 1 : 0) + (emaCrosses() > 0 ? 1 : 0)
                + (momentumElite > 0 ? 1 : 0) + (compressed > 0 ? 1 : 0);
    }

    /** Counts over trail days {@code from..to} inclusive; NONE when the range is empty. */
    static FlagCounts over(Trail trail, int from, int to) {
        int[] c = new int[8];
        for (int day = from; day <= to; day++) {
            Snapshot s = trail.at(day);
            count(s, Family.SQ_RELEASE, c, 0);
            count(s, Family.ST_FLIP, c, 2);
            count(s, Family.EMA_CROSS, c, 4);
            c[6] += s.get(Fields.MOMENTUM_ELITE) == 1 ? 1 : 0;
            c[7] += s.get(Fields.ltf(Family.COMPRESSED)) == 1 || s.get(Fields.htf(Family.COMPRESSED)) == 1 ? 1 : 0;
        }
        return new FlagCounts(c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]);
    }

    private static void count(Snapshot s, Family family, int[] c, int at) {
        Field ltf = Fields.ltf(family);
        Field htf = Fields.htf(family);
        c[at] += s.get(ltf) == 1 || s.get(htf) == 1 ? 1 : 0;
        c[at + 1] += s.get(ltf) == -1 || s.get(htf) == -1 ? 1 : 0;
    }
}
