package io.edgeloop.core.candle;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Result of {@link CandleNormaliser#normalise}: one candle per instrument and period, in time
 * order, with every bar that was dropped and why, so callers can report it.
 *
 * @param candles   the kept candles, strictly increasing open times
 * @param dropped   every input bar that was not kept, with its reason
 * @param conflicts how many dropped same-period bars differed from the kept one by more than
 *                  {@link CandleNormaliser#CONFLICT_TOLERANCE} in a price (a second source
 *                  disagreeing, not just rounding)
 * @param input     how many bars came in
 */
public record NormalisedSeries(List<Candle> candles, List<Dropped> dropped, int conflicts, int input) {

    /** Why a bar was not kept. */
    public enum DropReason {
        /** Same open time as a kept bar and identical values. */
        DUPLICATE,
        /** Same open time as a later bar of the input, with other values: the later row wins. */
        REVISED,
        /** Another bar of the same period came from a source of higher priority. */
        SECONDARY_SOURCE,
        /** Its period is not a session of the calendar (a weekend date for US equities). */
        NOT_A_SESSION_DAY,
        /** A lower-priority source whose price is off the primary series by more than 3x. */
        SOURCE_MISMATCH,
        /** The previous session repeated (same open and close, volume within 0.1%). */
        STALE_REPEAT
    }

    /** A bar that was not kept. */
    public record Dropped(Candle candle, DropReason reason, String detail) {
    }

    public NormalisedSeries {
        candles = List.copyOf(candles);
        dropped = List.copyOf(dropped);
    }

    /** How many bars were dropped for a reason. */
    public int count(DropReason reason) {
        int n = 0;
        for (Dropped d : dropped) {
            if (d.reason() == reason) {
                n++;
            }
        }
        return n;
    }

    /** Drop counts by reason, every reason present (0 when none). */
    public Map<DropReason, Integer> counts() {
        Map<DropReason, Integer> m = new EnumMap<>(DropReason.class);
        for (DropReason r : DropReason.values()) {
            m.put(r, count(r));
        }
        return m;
    }
}
