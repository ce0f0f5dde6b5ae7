package io.edgeloop.core.model;

/**
 * Risk/reward of a trade in direction {@code dir} at {@code close} (the kanban's "risk/reward
 * &gt;= 1.5" and the rank's bonus). The original named the ratio without a formula; edgeloop:
 * <pre>{@code
 *   reward = target - dir x (close - trigger close)      remaining distance to the move's target
 *          = 1.618 x daily ATR14                           when there is no trigger in dir
 *   risk   = |close - stLine|     when the primary SuperTrend points in dir with close on its right side
 *          = 1 x daily ATR14      otherwise
 *   rr     = max(0, reward) / risk,   NaN when risk is not > 0 or unknown
 * }</pre>
 */
public final class RiskReward {

    private RiskReward() {
    }

    /**
     * @param dir           +1 long, -1 short
     * @param triggerPrice  close at the last trigger in dir, NaN when none
     * @param target        that trigger's target distance, NaN when none
     * @param freshTarget   target distance for a move starting now (1.618 x daily ATR14)
     * @param stDir         primary frame SuperTrend direction
     * @param stLine        primary frame SuperTrend line
     * @param riskUnit      fallback risk distance (1 x daily ATR14)
     */
    public static double of(int dir, double close, double triggerPrice, double target, double freshTarget,
                            double stDir, double stLine, double riskUnit) {
        double reward = Double.isNaN(triggerPrice) || Double.isNaN(target)
                ? freshTarget
                : target - dir * (close - triggerPrice);
        double risk = stDir == dir && dir * (close - stLine) > 0 ? Math.abs(close - stLine) : riskUnit;
        if (!(risk > 0) || Double.isNaN(reward)) {
            return Double.NaN;
        }
        return Math.max(0, reward) / risk;
    }
}
