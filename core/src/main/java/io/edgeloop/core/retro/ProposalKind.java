package io.edgeloop.core.retro;

/** What a retrospective proposal asks for; the names are those of the changelog's change kinds. */
public enum ProposalKind {
    /** An ACTIVE pattern's hit rate fell significantly: degrade it. */
    DEGRADE,
    /** A DEGRADED or CANDIDATE pattern's hit rate rose significantly: promote it. */
    PROMOTE,
    /** A discovered feature combination survived FDR, out-of-sample and coverage checks: add it. */
    ADD_PATTERN,
    /** The market's or a sector's UP share of moves changed significantly (informational). */
    REGIME_ALERT
}
