package io.edgeloop.core.outcome;

/** What was done about a prediction, judged when its outcome is known. */
public enum Action {
    /** A trade is linked to the prediction, or an unlinked trade of its ticker entered in the trade window. */
    TRADED,
    /** Not traded, and rightly so or without consequence: not a hit, expired, or a NEUTRAL prediction. */
    SKIPPED,
    /** Not traded although the directional prediction was a hit: money left on the table. */
    MISSED_OPPORTUNITY
}
