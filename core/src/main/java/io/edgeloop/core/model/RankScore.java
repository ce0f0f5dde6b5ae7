package io.edgeloop.core.model;

/**
 * Opportunity rank 0..100 (MODEL_REFERENCE "Phase, completion, rank"), in the HTF direction:
 * <pre>{@code
 *   rank = 30
 *        + 12 aligned state (BULL/BULL, BEAR/BEAR),  + 4 pullback state
 *        + 10 x min(1, |HTF| / 50) + 10 x min(1, |LTF| / 50)
 *        + 15 / 10 / 5 for completion <= 0.2 / 0.4 / 0.6
 *        - 20 x (phase_pct - 0.5)  when phase_pct > 0.5           (up to -10 at |phase| >= 100)
 *        + 12 squeeze release on an LTF frame in the HTF direction, else + 4 squeeze on (LTF)
 *        + 15 momentum elite (bull side only: the screen measures a rise)
 *        + 5 EMA 13/48 cross in the HTF direction on the primary frame within its last 5 bars
 *        + 5 risk/reward >= 2,  else + 3 risk/reward >= 1.5
 *   clamped to 0..100;  NaN until both scores exist
 * }</pre>
 * The phase penalty's slope and the risk/reward bonuses are edgeloop's reading of the original's
 * "minus for phase &gt; 0.5" and "risk/reward bonuses".
 */
public final class RankScore {

    private RankScore() {
    }

    /**
     * @param state          the state quadrant, null when unknown
     * @param completion     completion in the HTF direction, NaN when none
     * @param phasePct       clamp(|phase| / 100, 0, 1), NaN when unknown
     * @param releaseInDir   a squeeze released on an LTF frame in the HTF direction
     * @param squeezeOn      a squeeze is on on an LTF frame
     * @param elite          momentum elite
     * @param recentCross    recent EMA cross in the HTF direction on the primary frame
     * @param riskReward     see {@link RiskReward}, NaN when unknown
     */
    public static double of(StateQuadrant state, double htf, double ltf, double completion, double phasePct,
                            boolean releaseInDir, boolean squeezeOn, boolean elite, boolean recentCross,
                            double riskReward, ModelConfig.Rank config) {
        if (state == null) {
            return Double.NaN;
        }
        double rank = 30;
        rank += state.aligned() ? 12 : 4;
        rank += 10 * Math.min(1, Math.abs(htf) / 50) + 10 * Math.min(1, Math.abs(ltf) / 50);
        if (completion <= 0.2) {
            rank += 15;
        } else if (completion <= 0.4) {
            rank += 10;
        } else if (completion <= 0.6) {
            rank += 5;
        }
        if (phasePct > 0.5) {
            rank -= 20 * (phasePct - 0.5);
        }
        if (releaseInDir) {
            rank += 12;
        } else if (squeezeOn) {
            rank += 4;
        }
        if (elite && state.htfSign() > 0) {
            rank += 15;
        }
        if (recentCross) {
            rank += 5;
        }
        if (riskReward >= config.goodRiskReward()) {
            rank += 5;
        } else if (riskReward >= config.fairRiskReward()) {
            rank += 3;
        }
        return Signs.clamp(rank, 0, 100);
    }
}
