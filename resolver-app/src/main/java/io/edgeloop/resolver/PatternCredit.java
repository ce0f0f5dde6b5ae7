package io.edgeloop.resolver;

import io.edgeloop.core.rules.Direction;
import io.edgeloop.core.stats.Observation;
import io.edgeloop.schemas.avro.Outcome;

/**
 * What one resolved outcome says about one pattern that matched its prediction, judged in the
 * PATTERN's expected direction, not the prediction's (a DOWN pattern that matched an UP call
 * hits when the price fell).
 *
 * <p>From the outcome: raw return r = (exit - entry) / entry x 100; the up excursion U and the
 * down excursion D (both &gt;= 0) are recovered from the prediction-direction MFE/MAE (an UP or
 * NEUTRAL call: U = MFE, D = -MAE; a DOWN call: U = -MAE, D = MFE). Then for the pattern:
 * <ul>
 *   <li>UP: return r, MFE U, MAE D, hit when r &gt;= threshold;</li>
 *   <li>DOWN: return -r, MFE D, MAE U, hit when -r &gt;= threshold;</li>
 *   <li>NEUTRAL ("a large move either way", core's {@link Direction#NEUTRAL}): return r (the raw
 *       return, as {@link Observation} defines it), MFE max(U, D), MAE min(U, D), hit when
 *       |r| &gt;= threshold.</li>
 * </ul>
 * MAE is a magnitude here, as {@link Observation} wants it.
 */
final class PatternCredit {

    private PatternCredit() {
    }

    /**
     * @throws IllegalArgumentException for an outcome without an exit price (not RESOLVED)
     */
    static Observation observe(Outcome outcome, Direction patternDirection, double hitThresholdPct) {
        if (outcome.getExitPrice() == null || outcome.getMfePct() == null || outcome.getMaePct() == null) {
            throw new IllegalArgumentException("outcome of " + outcome.getPredictionId()
                    + " has no figures to learn from (status " + outcome.getStatus() + ")");
        }
        double entry = outcome.getEntryPrice();
        double raw = (outcome.getExitPrice() - entry) / entry * 100.0;
        boolean downCall = outcome.getDirection() == io.edgeloop.schemas.avro.Direction.DOWN;
        double up = downCall ? -outcome.getMaePct() : outcome.getMfePct();
        double down = downCall ? outcome.getMfePct() : -outcome.getMaePct();
        boolean hit = patternDirection.hit(raw, hitThresholdPct);
        return switch (patternDirection) {
            case UP -> new Observation(hit, raw, up, down);
            case DOWN -> new Observation(hit, -raw, down, up);
            case NEUTRAL -> new Observation(hit, raw, Math.max(up, down), Math.min(up, down));
        };
    }
}
