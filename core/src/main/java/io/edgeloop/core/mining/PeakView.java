package io.edgeloop.core.mining;

/**
 * The trail at the move's peak, and the signals seen on the way there (exhaustion). These are
 * descriptive: they use days after the start and are never inputs of a prediction.
 *
 * @param state      state quadrant on the peak day, null when absent
 * @param htfScore   HTF score on the peak day
 * @param ltfScore   LTF score on the peak day
 * @param phaseZone  phase zone on the peak day, null when absent
 * @param completion completion on the peak day
 * @param flags      signals on the days after the start up to and including the peak day
 */
public record PeakView(String state, double htfScore, double ltfScore, String phaseZone, double completion,
                       FlagCounts flags) {
}
