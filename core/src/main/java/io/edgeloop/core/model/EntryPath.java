package io.edgeloop.core.model;

/** Which of the kanban's entry paths (MODEL_REFERENCE "Kanban") opened a position. */
public enum EntryPath {
    /** Pullback in a trend: |HTF| &gt;= 10 in the direction, LTF in the pullback band, plus a confirming signal. */
    PULLBACK,
    /** Rank &gt;= 85. */
    RANK,
    /** A squeeze released on an LTF frame in the HTF direction. */
    SQUEEZE,
    /** Momentum elite with rank &gt;= 70 (long only). */
    MOMENTUM_ELITE
}
