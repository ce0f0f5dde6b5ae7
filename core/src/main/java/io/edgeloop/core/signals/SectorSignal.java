package io.edgeloop.core.signals;

import java.util.Objects;

/**
 * One sector's breadth: counts of its tickers' latest labels and the sector label.
 *
 * @param sector     sector name
 * @param tickers    tickers currently in the sector (bullish + bearish + neutral)
 * @param bullish    tickers whose latest label is BULLISH
 * @param bearish    ... BEARISH
 * @param neutral    ... NEUTRAL
 * @param bullishPct bullish x 100 / tickers
 * @param bearishPct bearish x 100 / tickers
 * @param label      BULLISH when bullishPct > 60, BEARISH when bearishPct > 60, else MIXED
 */
public record SectorSignal(String sector, int tickers, int bullish, int bearish, int neutral,
                           double bullishPct, double bearishPct, SectorLabel label) {

    public SectorSignal {
        Objects.requireNonNull(sector, "sector");
        Objects.requireNonNull(label, "label");
    }
}
