package io.edgeloop.core.model;

/** The values of one bar that the kanban decides on, computed by {@link TickerModel#score}. */
final class BarFacts {
    long time;
    double close;
    double htf;
    double ltf;
    StateQuadrant state;
    double rank;
    double riskReward;
    boolean elite;
    /** Direction of a squeeze release on any LTF frame (finest first), 0 none. */
    int releaseLtf;
    /** Direction of a SuperTrend flip on any LTF frame, 0 none. */
    int flipLtf;
    /** Direction of an EMA 13/48 cross on any LTF frame, 0 none. */
    int crossLtf;
    double primaryRsi;
    double primaryMom;
    double primaryStDir;
    double primaryStLine;
    /** Fallback risk distance: 1 x daily ATR14 (or the primary frame's ATR14), NaN when unknown. */
    double riskUnit;
}
