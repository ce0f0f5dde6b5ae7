package io.edgeloop.core.signals;

import java.util.Objects;

/**
 * The market's breadth over every ticker with a signal.
 *
 * @param tickers    tickers with a latest label (bullish + bearish + neutral)
 * @param bullish    tickers whose latest label is BULLISH
 * @param bearish    ... BEARISH
 * @param neutral    ... NEUTRAL
 * @param breadthPct bullish breadth: bullish x 100 / tickers (NEUTRAL tickers count in the
 *                   denominator); 0 when there is no ticker
 * @param regime     the regime of {@code breadthPct}, or INSUFFICIENT_DATA
 * @param riskFlag   OVERBOUGHT / OVERSOLD at extreme breadth, NONE otherwise or when
 *                   INSUFFICIENT_DATA
 */
public record MarketSignal(int tickers, int bullish, int bearish, int neutral, double breadthPct,
                           MarketRegime regime, RiskFlag riskFlag) {

    public MarketSignal {
        Objects.requireNonNull(regime, "regime");
        Objects.requireNonNull(riskFlag, "riskFlag");
    }
}
