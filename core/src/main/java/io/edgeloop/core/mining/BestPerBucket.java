package io.edgeloop.core.mining;

import java.util.ArrayList;
import java.util.List;

/**
 * Keeps the largest candidate per direction and start bucket of one ticker. Candidates arrive
 * by ascending window, then ascending start, and only a strictly larger size replaces the kept
 * one: ties therefore keep the shorter window, then the earlier start.
 */
final class BestPerBucket implements MoveMiner.CandidateSink {

    private final DailySeries series;
    private final int[] bucketOfBar;
    private final double[][] size;
    private final int[][] window;
    private final int[][] start;
    private final int[][] peak;
    private final double[][] pct;

    BestPerBucket(DailySeries series, int bucketDays) {
        this.series = series;
        int n = series.size();
        this.bucketOfBar = new int[n];
        int buckets = 0;
        if (n > 0) {
            long first = MoveMiner.startBucket(series.dates[0], bucketDays);
            for (int i = 0; i < n; i++) {
                bucketOfBar[i] = (int) (MoveMiner.startBucket(series.dates[i], bucketDays) - first);
            }
            buckets = bucketOfBar[n - 1] + 1;
        }
        int directions = MoveDirection.values().length;
        this.size = new double[directions][buckets];
        this.window = new int[directions][buckets];
        this.start = new int[directions][buckets];
        this.peak = new int[directions][buckets];
        this.pct = new double[directions][buckets];
    }

    @Override
    public void offer(MoveDirection direction, int w, int i, int p, double changePct) {
        int d = direction.ordinal();
        int b = bucketOfBar[i];
        double s = Math.abs(changePct);
        if (s > size[d][b]) {
            size[d][b] = s;
            window[d][b] = w;
            start[d][b] = i;
            peak[d][b] = p;
            pct[d][b] = changePct;
        }
    }

    /** The kept moves, by start date, then direction. */
    List<Move> moves(String sector) {
        List<Move> moves = new ArrayList<>();
        for (MoveDirection direction : MoveDirection.values()) {
            int d = direction.ordinal();
            for (int b = 0; b < size[d].length; b++) {
                if (size[d][b] > 0) {
                    moves.add(MoveMiner.move(series, sector, direction, window[d][b], start[d][b], peak[d][b],
                            pct[d][b]));
                }
            }
        }
        moves.sort(MoveMiner.ORDER);
        return moves;
    }
}
