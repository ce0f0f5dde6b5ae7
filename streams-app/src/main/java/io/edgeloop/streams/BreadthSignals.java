package io.edgeloop.streams;

import io.edgeloop.core.signals.RiskFlag;
import io.edgeloop.core.signals.SectorSignal;
import io.edgeloop.schemas.avro.MarketSignal;
import io.edgeloop.schemas.avro.SignalLabel;
import io.edgeloop.schemas.avro.SignalLevel;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Sector and market breadth as {@code signals} records. Net = (bullish - bearish) / members;
 * breadth = bullish x 100 / members. A sector's label is core's (BULLISH or BEARISH above a 60%
 * majority, else MIXED); the market's label follows its regime (STRONG/MILD_BULL BULLISH,
 * STRONG/MILD_BEAR BEARISH, NEUTRAL and INSUFFICIENT_DATA NEUTRAL). Risk flags use the schema's
 * names: BREADTH_EXTREME_HIGH (core OVERBOUGHT, breadth above 80%) and BREADTH_EXTREME_LOW
 * (OVERSOLD, below 20%).
 */
final class BreadthSignals {

    /** Key of the market signal. */
    static final String MARKET_KEY = SignalLevel.MARKET.name() + ":ALL";
    static final String SECTOR_PREFIX = SignalLevel.SECTOR.name() + ":";

    private BreadthSignals() {
    }

    static String sectorKey(String sector) {
        return SECTOR_PREFIX + sector;
    }

    static MarketSignal sector(SectorSignal s, long time) {
        return new MarketSignal(SignalLevel.SECTOR, s.sector(), Instant.ofEpochMilli(time),
                (s.bullish() - s.bearish()) / (double) s.tickers(), SignalLabel.valueOf(s.label().name()), null,
                s.bullish(), s.bearish(), s.neutral(), s.bullishPct(), List.of());
    }

    static MarketSignal market(io.edgeloop.core.signals.MarketSignal m, long time) {
        SignalLabel label = switch (m.regime()) {
            case STRONG_BULL, MILD_BULL -> SignalLabel.BULLISH;
            case STRONG_BEAR, MILD_BEAR -> SignalLabel.BEARISH;
            default -> SignalLabel.NEUTRAL;
        };
        List<String> flags = m.riskFlag() == RiskFlag.OVERBOUGHT ? List.of("BREADTH_EXTREME_HIGH")
                : m.riskFlag() == RiskFlag.OVERSOLD ? List.of("BREADTH_EXTREME_LOW") : List.of();
        double net = m.tickers() == 0 ? 0.0 : (m.bullish() - m.bearish()) / (double) m.tickers();
        return new MarketSignal(SignalLevel.MARKET, "ALL", Instant.ofEpochMilli(time), net, label,
                io.edgeloop.schemas.avro.MarketRegime.valueOf(m.regime().name()), m.bullish(), m.bearish(),
                m.neutral(), m.breadthPct(), flags);
    }

    /** True when two signals say the same, whatever their time. */
    static boolean sameReading(MarketSignal a, MarketSignal b) {
        return a != null && b != null && a.getNet() == b.getNet() && a.getLabel() == b.getLabel()
                && a.getRegime() == b.getRegime() && a.getBullish() == b.getBullish()
                && a.getBearish() == b.getBearish() && a.getNeutral() == b.getNeutral()
                && Objects.equals(a.getBreadthPct(), b.getBreadthPct()) && a.getRiskFlags().equals(b.getRiskFlags());
    }
}
