package io.edgeloop.core.mining;

/**
 * Lead-up window and trend threshold (MODEL_REFERENCE "Study").
 *
 * @param days           trading days before the start day that the lead-up covers (default 5)
 * @param trendThreshold a score is rising when its change over the lead-up is above
 *                       {@code +trendThreshold}, falling below {@code -trendThreshold} (default 5)
 */
public record LeadUpConfig(int days, double trendThreshold) {

    public LeadUpConfig {
        if (days < 1) {
            throw new IllegalArgumentException("lead-up days must be >= 1, got " + days);
        }
        if (!(trendThreshold >= 0)) {
            throw new IllegalArgumentException("trendThreshold must be >= 0, got " + trendThreshold);
        }
    }

    public static LeadUpConfig defaults() {
        return new LeadUpConfig(5, 5.0);
    }
}
