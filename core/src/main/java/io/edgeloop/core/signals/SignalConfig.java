package io.edgeloop.core.signals;

/**
 * Weights and thresholds of the multi-level signals. {@link #defaults()} are the original
 * model's (MODEL_REFERENCE, "Multi-level signals"). Percentages are 0..100.
 *
 * @param bullBullWeight       state part for HTF_BULL_LTF_BULL (+0.5)
 * @param bullPullbackWeight   state part for HTF_BULL_LTF_PULLBACK (+0.25)
 * @param bearBearWeight       state part for HTF_BEAR_LTF_BEAR (-0.5)
 * @param bearPullbackWeight   state part for HTF_BEAR_LTF_PULLBACK (-0.25)
 * @param enterWeight          stage part for enter (+0.2)
 * @param setupWeight          stage part for setup (+0.1)
 * @param exitWeight           stage part for exit (-0.2)
 * @param trimWeight           stage part for trim (-0.1)
 * @param htfFactor            HTF part = clamp(HTF score x htfFactor, -htfCap, +htfCap) (0.04)
 * @param htfCap               bound of the HTF part (0.2)
 * @param bullishAbove         net above this is BULLISH (0.1)
 * @param bearishBelow         net below this is BEARISH (-0.1)
 * @param sectorMajorityPct    a sector is BULLISH (BEARISH) when more than this share of its
 *                             tickers is bullish (bearish) (60)
 * @param strongBullAbovePct   market breadth above this is STRONG_BULL (70)
 * @param mildBullAbovePct     ... above this MILD_BULL (55)
 * @param strongBearBelowPct   ... below this STRONG_BEAR (30)
 * @param mildBearBelowPct     ... below this MILD_BEAR (45); else NEUTRAL
 * @param minMarketTickers     fewer tickers than this is INSUFFICIENT_DATA (10)
 * @param overboughtAbovePct   breadth above this raises {@link RiskFlag#OVERBOUGHT} (80)
 * @param oversoldBelowPct     breadth below this raises {@link RiskFlag#OVERSOLD} (20)
 */
public record SignalConfig(
        double bullBullWeight,
        double bullPullbackWeight,
        double bearBearWeight,
        double bearPullbackWeight,
        double enterWeight,
        double setupWeight,
        double exitWeight,
        double trimWeight,
        double htfFactor,
        double htfCap,
        double bullishAbove,
        double bearishBelow,
        double sectorMajorityPct,
        double strongBullAbovePct,
        double mildBullAbovePct,
        double strongBearBelowPct,
        double mildBearBelowPct,
        int minMarketTickers,
        double overboughtAbovePct,
        double oversoldBelowPct) {

    public SignalConfig {
        if (!(bearishBelow <= bullishAbove)) {
            throw new IllegalArgumentException("bearishBelow (" + bearishBelow + ") must not exceed bullishAbove ("
                    + bullishAbove + ")");
        }
        if (!(htfCap >= 0)) {
            throw new IllegalArgumentException("htfCap must be >= 0, was " + htfCap);
        }
        if (!(sectorMajorityPct >= 50 && sectorMajorityPct <= 100)) {
            throw new IllegalArgumentException("sectorMajorityPct must be in [50, 100] so a sector has one majority, was "
                    + sectorMajorityPct);
        }
        if (!(strongBearBelowPct <= mildBearBelowPct && mildBearBelowPct <= mildBullAbovePct
                && mildBullAbovePct <= strongBullAbovePct)) {
            throw new IllegalArgumentException("regime thresholds must be ordered strongBear <= mildBear <= mildBull"
                    + " <= strongBull, were " + strongBearBelowPct + ", " + mildBearBelowPct + ", "
                    + mildBullAbovePct + ", " + strongBullAbovePct);
        }
        if (minMarketTickers < 1) {
            throw new IllegalArgumentException("minMarketTickers must be >= 1, was " + minMarketTickers);
        }
        if (!(oversoldBelowPct <= overboughtAbovePct)) {
            throw new IllegalArgumentException("oversoldBelowPct must not exceed overboughtAbovePct");
        }
    }

    /** The original model's weights and thresholds. */
    public static SignalConfig defaults() {
        return new SignalConfig(0.5, 0.25, -0.5, -0.25, 0.2, 0.1, -0.2, -0.1, 0.04, 0.2, 0.1, -0.1,
                60, 70, 55, 30, 45, 10, 80, 20);
    }

    /** A copy with another minimum universe for the market regime. */
    public SignalConfig withMinMarketTickers(int tickers) {
        return new SignalConfig(bullBullWeight, bullPullbackWeight, bearBearWeight, bearPullbackWeight,
                enterWeight, setupWeight, exitWeight, trimWeight, htfFactor, htfCap, bullishAbove, bearishBelow,
                sectorMajorityPct, strongBullAbovePct, mildBullAbovePct, strongBearBelowPct, mildBearBelowPct,
                tickers, overboughtAbovePct, oversoldBelowPct);
    }
}
