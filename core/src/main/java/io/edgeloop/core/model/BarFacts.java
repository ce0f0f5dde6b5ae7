package io.edgeloop.core.model;

/** The values of one bar that the kanban decides on, computed by {@link TickerModel#score}. */
final class BarFacts {
    /** Bit of an upward signal in {@link #releaseLtf}, {@link #flipLtf}, {@link #crossLtf}. */
    static final int UP = 1;
    /** Bit of a downward signal. */
    static final int DOWN = 2;

    /** The bit of a signal's direction (+1, -1), 0 for none or NaN. */
    static int bit(double direction) {
        return direction == 1 ? UP : direction == -1 ? DOWN : 0;
    }

    /** Whether the bits hold a signal in direction {@code dir} (+1 or -1). */
    static boolean in(int bits, int dir) {
        return (bits & (dir > 0 ? UP : DOWN)) != 0;
    }

    long time;
    double close;
    double htf;
    double ltf;
    StateQuadrant state;
    double rank;
    double riskReward;
    boolean elite;
    /**
     * Directions of the squeeze releases on the LTF frames at this bar, as bits ({@link #UP},
     * {@link #DOWN}): two frames releasing opposite ways at one bar set both.
     */
    int releaseLtf;
    /** Directions of the SuperTrend flips on the LTF frames, as bits. */
    int flipLtf;
    /** Directions of the EMA 13/48 crosses on the LTF frames, as bits. */
    int crossLtf;
    double primaryRsi;
    double primaryMom;
    double primaryStDir;
    double primaryStLine;
    /** Fallback risk distance: 1 x daily ATR14 (or the primary frame's ATR14), NaN when unknown. */
    double riskUnit;
}
