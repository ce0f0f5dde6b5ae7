package io.edgeloop.core.outcome;

import io.edgeloop.core.rules.Direction;
import java.util.Objects;

/**
 * What the market did after a prediction, judged against it. One per prediction; its id is the
 * prediction id. Formulas (entry = the prediction's entry price, exit = last close observed,
 * H = highest high and L = lowest low of the observed bars after the prediction's bar):
 * <ul>
 *   <li>raw return r = (exit - entry) / entry x 100;</li>
 *   <li>{@code returnPct}: UP r, DOWN -r (a short's gain), NEUTRAL r;</li>
 *   <li>{@code mfePct} (maximum favourable excursion, >= 0): UP and NEUTRAL
 *       max(0, (H - entry) / entry x 100), DOWN max(0, (entry - L) / entry x 100);</li>
 *   <li>{@code maePct} (maximum adverse excursion, <= 0): UP and NEUTRAL
 *       min(0, (L - entry) / entry x 100), DOWN min(0, (entry - H) / entry x 100).
 *       Both excursions include the entry itself as the path's start, so a gap through the
 *       entry never reports a negative MFE (Sweeney's MFE/MAE);</li>
 *   <li>{@code timeToPeakDays}: the 1-based index of the first observed bar that reached the
 *       favourable extreme (H for UP and NEUTRAL, L for DOWN); 0 when MFE is 0;</li>
 *   <li>{@code hit}: RESOLVED only; UP/DOWN returnPct >= hit threshold (2%), NEUTRAL
 *       |r| < neutral band (2%);</li>
 *   <li>{@code magnitude}: bucket of |returnPct| (5 / 15);</li>
 *   <li>{@code action}: TRADED when traded, else MISSED_OPPORTUNITY for a directional hit,
 *       else SKIPPED.</li>
 * </ul>
 * With no observed bar (an EXPIRED prediction whose ticker never traded again) exit equals
 * entry and every percentage is 0.
 *
 * @param predictionId   the prediction's id, also this outcome's id
 * @param ticker         normalised symbol
 * @param predictionTime the prediction's timestamp, epoch ms UTC
 * @param direction      the predicted direction
 * @param status         RESOLVED or EXPIRED
 * @param expiryReason   why an EXPIRED outcome expired; empty when RESOLVED
 * @param horizonDays    the horizon in trading days
 * @param barsObserved   daily bars observed after the prediction (horizonDays when RESOLVED)
 * @param entryPrice     the prediction's entry price
 * @param exitPrice      the close of the last observed bar
 * @param returnPct      directional close-to-close return, percent
 * @param mfePct         maximum favourable excursion, percent, >= 0
 * @param maePct         maximum adverse excursion, percent, <= 0
 * @param timeToPeakDays trading days from the prediction to the favourable extreme
 * @param hit            whether the prediction came true (never for EXPIRED)
 * @param magnitude      size bucket of the move
 * @param action         traded, skipped or missed opportunity
 * @param resolvedAt     event time of resolution, epoch ms UTC: the open time of the last
 *                       horizon bar when RESOLVED, the expiry time when EXPIRED (both
 *                       deterministic, so a replay emits the identical outcome)
 */
public record Outcome(
        String predictionId,
        String ticker,
        long predictionTime,
        Direction direction,
        OutcomeStatus status,
        String expiryReason,
        int horizonDays,
        int barsObserved,
        double entryPrice,
        double exitPrice,
        double returnPct,
        double mfePct,
        double maePct,
        int timeToPeakDays,
        boolean hit,
        Magnitude magnitude,
        Action action,
        long resolvedAt) {

    public Outcome {
        Objects.requireNonNull(predictionId, "predictionId");
        Objects.requireNonNull(ticker, "ticker");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(expiryReason, "expiryReason");
        Objects.requireNonNull(magnitude, "magnitude");
        Objects.requireNonNull(action, "action");
    }

    /** True when this outcome may update pattern statistics: it is RESOLVED, not EXPIRED. */
    public boolean learnable() {
        return status == OutcomeStatus.RESOLVED;
    }
}
