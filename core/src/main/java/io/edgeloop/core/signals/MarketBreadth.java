package io.edgeloop.core.signals;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Market breadth: holds each ticker's latest label and the counts of each label, updated in
 * O(1) without allocation. Bullish breadth B = BULLISH tickers x 100 / all tickers with a label
 * (NEUTRAL tickers are in the denominator, so a quiet market is not called bullish). Regime
 * (thresholds strict): fewer than 10 tickers INSUFFICIENT_DATA; B > 70 STRONG_BULL; B > 55
 * MILD_BULL; B < 30 STRONG_BEAR; B < 45 MILD_BEAR; else NEUTRAL. Risk flag: B > 80 OVERBOUGHT,
 * B < 20 OVERSOLD. Not thread-safe; one instance per stream task.
 */
public final class MarketBreadth {

    private final SignalConfig config;
    private final Map<String, SignalLabel> labels = new HashMap<>();
    private final int[] counts = new int[SignalLabel.values().length];

    public MarketBreadth(SignalConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    /** Records a ticker's latest label. @return true when the counts changed */
    public boolean update(String ticker, SignalLabel label) {
        Objects.requireNonNull(ticker, "ticker");
        Objects.requireNonNull(label, "label");
        SignalLabel previous = labels.put(ticker, label);
        if (previous == label) {
            return false;
        }
        if (previous != null) {
            counts[previous.ordinal()]--;
        }
        counts[label.ordinal()]++;
        return true;
    }

    /** Forgets a ticker. @return true when it was known */
    public boolean remove(String ticker) {
        SignalLabel previous = labels.remove(ticker);
        if (previous == null) {
            return false;
        }
        counts[previous.ordinal()]--;
        return true;
    }

    /** Every ticker's latest label (a copy), e.g. to persist and later replay through {@link #update}. */
    public Map<String, SignalLabel> labels() {
        return Map.copyOf(labels);
    }

    /** The market's breadth now. */
    public MarketSignal signal() {
        int bullish = counts[SignalLabel.BULLISH.ordinal()];
        int bearish = counts[SignalLabel.BEARISH.ordinal()];
        int neutral = counts[SignalLabel.NEUTRAL.ordinal()];
        int total = bullish + bearish + neutral;
        double breadth = total == 0 ? 0.0 : bullish * 100.0 / total;
        MarketRegime regime;
        RiskFlag risk = RiskFlag.NONE;
        if (total < config.minMarketTickers()) {
            regime = MarketRegime.INSUFFICIENT_DATA;
        } else {
            regime = breadth > config.strongBullAbovePct() ? MarketRegime.STRONG_BULL
                    : breadth > config.mildBullAbovePct() ? MarketRegime.MILD_BULL
                    : breadth < config.strongBearBelowPct() ? MarketRegime.STRONG_BEAR
                    : breadth < config.mildBearBelowPct() ? MarketRegime.MILD_BEAR
                    : MarketRegime.NEUTRAL;
            if (breadth > config.overboughtAbovePct()) {
                risk = RiskFlag.OVERBOUGHT;
            } else if (breadth < config.oversoldBelowPct()) {
                risk = RiskFlag.OVERSOLD;
            }
        }
        return new MarketSignal(total, bullish, bearish, neutral, breadth, regime, risk);
    }
}
