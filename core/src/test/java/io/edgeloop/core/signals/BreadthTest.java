package io.edgeloop.core.signals;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BreadthTest {

    private static final SignalConfig CONFIG = SignalConfig.defaults();

    private static MarketBreadth market(int bullish, int bearish, int neutral) {
        MarketBreadth m = new MarketBreadth(CONFIG);
        int n = 0;
        for (int i = 0; i < bullish; i++) {
            m.update("T" + n++, SignalLabel.BULLISH);
        }
        for (int i = 0; i < bearish; i++) {
            m.update("T" + n++, SignalLabel.BEARISH);
        }
        for (int i = 0; i < neutral; i++) {
            m.update("T" + n++, SignalLabel.NEUTRAL);
        }
        return m;
    }

    @Test
    void shouldReportInsufficientDataBelowTheMinimumUniverse() {
        MarketSignal nine = market(9, 0, 0).signal();

        assertThat(nine.regime()).isEqualTo(MarketRegime.INSUFFICIENT_DATA);
        assertThat(nine.riskFlag()).isEqualTo(RiskFlag.NONE);
        assertThat(nine.breadthPct()).isEqualTo(100.0);
        assertThat(market(0, 0, 0).signal().breadthPct()).isZero();
        assertThat(market(10, 0, 0).signal().regime()).isEqualTo(MarketRegime.STRONG_BULL);
    }

    @Test
    void shouldApplyStrictRegimeThresholds() {
        assertThat(market(7, 3, 0).signal().regime()).as("70%% is not > 70").isEqualTo(MarketRegime.MILD_BULL);
        assertThat(market(8, 2, 0).signal().regime()).isEqualTo(MarketRegime.STRONG_BULL);
        assertThat(market(11, 9, 0).signal().regime()).as("55%% is not > 55").isEqualTo(MarketRegime.NEUTRAL);
        assertThat(market(5, 5, 0).signal().regime()).isEqualTo(MarketRegime.NEUTRAL);
        assertThat(market(9, 11, 0).signal().regime()).as("45%% is not < 45").isEqualTo(MarketRegime.NEUTRAL);
        assertThat(market(4, 6, 0).signal().regime()).isEqualTo(MarketRegime.MILD_BEAR);
        assertThat(market(3, 7, 0).signal().regime()).as("30%% is not < 30").isEqualTo(MarketRegime.MILD_BEAR);
        assertThat(market(2, 8, 0).signal().regime()).isEqualTo(MarketRegime.STRONG_BEAR);
    }

    @Test
    void shouldCountNeutralTickersInTheDenominator() {
        MarketSignal s = market(6, 0, 4).signal();

        assertThat(s.breadthPct()).isEqualTo(60.0);
        assertThat(s.regime()).isEqualTo(MarketRegime.MILD_BULL);
        assertThat(market(4, 0, 6).signal().regime()).as("no bears, but only 40%% bullish")
                .isEqualTo(MarketRegime.MILD_BEAR);
    }

    @Test
    void shouldRaiseRiskFlagsOnlyBeyondTheExtremes() {
        assertThat(market(8, 2, 0).signal().riskFlag()).isEqualTo(RiskFlag.NONE);
        assertThat(market(9, 1, 0).signal().riskFlag()).isEqualTo(RiskFlag.OVERBOUGHT);
        assertThat(market(2, 8, 0).signal().riskFlag()).isEqualTo(RiskFlag.NONE);
        assertThat(market(1, 9, 0).signal().riskFlag()).isEqualTo(RiskFlag.OVERSOLD);
    }

    @Test
    void shouldMoveATickersVoteWhenItsLabelChangesAndForgetRemovedTickers() {
        MarketBreadth m = market(10, 0, 0);

        assertThat(m.update("T0", SignalLabel.BULLISH)).isFalse();
        assertThat(m.update("T0", SignalLabel.BEARISH)).isTrue();
        assertThat(m.signal().bullish()).isEqualTo(9);
        assertThat(m.signal().bearish()).isEqualTo(1);
        assertThat(m.remove("T0")).isTrue();
        assertThat(m.remove("T0")).isFalse();
        assertThat(m.signal().tickers()).isEqualTo(9);
        assertThat(m.signal().regime()).isEqualTo(MarketRegime.INSUFFICIENT_DATA);
        assertThat(m.labels()).hasSize(9);
    }

    @Test
    void shouldHonourAConfiguredMinimumUniverse() {
        MarketBreadth m = new MarketBreadth(CONFIG.withMinMarketTickers(3));
        m.update("A", SignalLabel.BEARISH);
        m.update("B", SignalLabel.BEARISH);
        m.update("C", SignalLabel.BEARISH);

        assertThat(m.signal().regime()).isEqualTo(MarketRegime.STRONG_BEAR);
        assertThat(m.signal().riskFlag()).isEqualTo(RiskFlag.OVERSOLD);
    }

    @Test
    void shouldLabelSectorsByStrictSixtyPercentMajority() {
        SectorBreadth sectors = new SectorBreadth(CONFIG);
        for (String t : new String[] {"AAPL", "MSFT", "NVDA", "AMD"}) {
            sectors.update(t, "Technology", SignalLabel.BULLISH);
        }
        sectors.update("INTC", "Technology", SignalLabel.NEUTRAL);
        sectors.update("XOM", "Energy", SignalLabel.BEARISH);
        sectors.update("CVX", "Energy", SignalLabel.BEARISH);
        sectors.update("OXY", "Energy", SignalLabel.BEARISH);
        sectors.update("SLB", "Energy", SignalLabel.BULLISH);
        sectors.update("HAL", "Energy", SignalLabel.NEUTRAL);

        SectorSignal tech = sectors.signal("Technology").orElseThrow();
        assertThat(tech.bullishPct()).isEqualTo(80.0);
        assertThat(tech.label()).isEqualTo(SectorLabel.BULLISH);
        SectorSignal energy = sectors.signal("Energy").orElseThrow();
        assertThat(energy.bearishPct()).as("3 of 5 = 60%%, not > 60").isEqualTo(60.0);
        assertThat(energy.label()).isEqualTo(SectorLabel.MIXED);

        sectors.update("HAL", "Energy", SignalLabel.BEARISH);
        assertThat(sectors.signal("Energy").orElseThrow().label()).isEqualTo(SectorLabel.BEARISH);
        assertThat(sectors.signals()).extracting(SectorSignal::sector).containsExactly("Energy", "Technology");
    }

    @Test
    void shouldMoveATickerBetweenSectorsAndDropEmptySectors() {
        SectorBreadth sectors = new SectorBreadth(CONFIG);
        sectors.update("BRK-B", "Financials", SignalLabel.BULLISH);

        assertThat(sectors.update("BRK-B", "Financials", SignalLabel.BULLISH)).isFalse();
        assertThat(sectors.update("BRK-B", "Industrials", SignalLabel.BULLISH)).isTrue();
        assertThat(sectors.signal("Financials")).isEmpty();
        assertThat(sectors.signal("Industrials").orElseThrow().tickers()).isEqualTo(1);
        assertThat(sectors.sectorOf("BRK-B")).contains("Industrials");
        assertThat(sectors.remove("BRK-B")).isTrue();
        assertThat(sectors.signals()).isEmpty();
    }

    @Test
    void shouldRejectContradictoryThresholds() {
        assertThatThrownBy(() -> CONFIG.withMinMarketTickers(0)).hasMessageContaining("minMarketTickers");
        assertThatThrownBy(() -> new SignalConfig(0.5, 0.25, -0.5, -0.25, 0.2, 0.1, -0.2, -0.1, 0.04, 0.2, 0.1, -0.1,
                60, 50, 55, 30, 45, 10, 80, 20)).hasMessageContaining("regime thresholds must be ordered");
    }
}
