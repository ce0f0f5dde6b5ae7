package io.edgeloop.core.mining;

import java.util.Objects;

/**
 * A ticker the miner skipped, and why.
 *
 * @param ticker the ticker
 * @param reason the first rule it failed
 * @param bars   its number of daily bars
 * @param avgVolume its mean daily volume over its last {@link MiningConfig#liquidityDays()} calendar days
 */
public record Exclusion(String ticker, Reason reason, int bars, double avgVolume) {

    /** Why a ticker is not mined, in the order the rules are checked. */
    public enum Reason {
        /** Fewer daily bars than {@link MiningConfig#minBars()}. */
        TOO_SHORT,
        /** Mean daily volume below {@link MiningConfig#minAvgVolume()}. */
        ILLIQUID
    }

    public Exclusion {
        Objects.requireNonNull(ticker, "ticker");
        Objects.requireNonNull(reason, "reason");
    }
}
