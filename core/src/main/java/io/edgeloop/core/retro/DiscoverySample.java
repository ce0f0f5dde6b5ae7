package io.edgeloop.core.retro;

import io.edgeloop.core.mining.MoveDirection;
import io.edgeloop.core.mining.MoveFeatures;

import java.util.BitSet;
import java.util.List;

/**
 * The moves of a discovery as bit sets over their index: fit window (prior), test window
 * (recent), UP moves, each feature's moves; the start week of each move; and each window's
 * intraclass correlation of UP moves within a week.
 */
final class DiscoverySample {

    final BitSet fit = new BitSet();
    final BitSet test = new BitSet();
    final BitSet up = new BitSet();
    final BitSet[] feature;
    final long[] week;
    final int fitN;
    final int fitUp;
    final int testN;
    final int testUp;
    final double fitRho;
    final double testRho;

    DiscoverySample(List<MoveFeatures> sample, RetroWindows windows, List<DiscoveryFeature> features) {
        feature = new BitSet[features.size()];
        week = new long[sample.size()];
        for (int f = 0; f < feature.length; f++) {
            feature[f] = new BitSet(sample.size());
        }
        for (int i = 0; i < sample.size(); i++) {
            MoveFeatures m = sample.get(i);
            switch (windows.of(m.move().startDate())) {
                case PRIOR -> fit.set(i);
                case RECENT -> test.set(i);
                default -> {
                    continue;
                }
            }
            up.set(i, m.move().direction() == MoveDirection.UP);
            week[i] = ClusteredCounts.week(m.move().startDate().toEpochDay());
            for (int f = 0; f < feature.length; f++) {
                if (features.get(f).test().test(m.features())) {
                    feature[f].set(i);
                }
            }
        }
        fitN = fit.cardinality();
        fitUp = intersect(fit, up);
        testN = test.cardinality();
        testUp = intersect(test, up);
        fitRho = ClusteredCounts.intraclassCorrelation(counts(fit, true));
        testRho = ClusteredCounts.intraclassCorrelation(counts(test, true));
    }

    /** The moves of a set clustered by start week; a hit is a move in the given direction (UP when true). */
    ClusteredCounts counts(BitSet moves, boolean upHits) {
        ClusteredCounts counts = new ClusteredCounts();
        for (int i = moves.nextSetBit(0); i >= 0; i = moves.nextSetBit(i + 1)) {
            counts.add(week[i], up.get(i) == upHits);
        }
        return counts;
    }

    /** Moves with every feature of the combination, in either window (all moves for an empty one). */
    BitSet members(int[] combo) {
        BitSet m = new BitSet();
        m.or(fit);
        m.or(test);
        for (int f : combo) {
            m.and(feature[f]);
        }
        return m;
    }

    static int intersect(BitSet a, BitSet b) {
        BitSet x = (BitSet) a.clone();
        x.and(b);
        return x.cardinality();
    }
}
