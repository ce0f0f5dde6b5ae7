package io.edgeloop.core.signals;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Incremental counts always equal a recount of the latest label per ticker. */
class BreadthPropertyTest {

    record Update(String ticker, String sector, SignalLabel label, boolean remove) {
    }

    @Provide
    Arbitrary<List<Update>> updates() {
        Arbitrary<Update> update = Combinators.combine(
                Arbitraries.of("A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L"),
                Arbitraries.of("Tech", "Energy", "Health"),
                Arbitraries.of(SignalLabel.class),
                Arbitraries.integers().between(0, 9).map(i -> i == 0)).as(Update::new);
        return update.list().ofMaxSize(200);
    }

    @Property(tries = 300, seed = "11")
    void countsEqualARecountOfTheLatestLabels(@ForAll("updates") List<Update> updates) {
        MarketBreadth market = new MarketBreadth(SignalConfig.defaults());
        SectorBreadth sectors = new SectorBreadth(SignalConfig.defaults());
        Map<String, Update> latest = new HashMap<>();
        for (Update u : updates) {
            if (u.remove()) {
                market.remove(u.ticker());
                sectors.remove(u.ticker());
                latest.remove(u.ticker());
            } else {
                market.update(u.ticker(), u.label());
                sectors.update(u.ticker(), u.sector(), u.label());
                latest.put(u.ticker(), u);
            }
        }

        MarketSignal m = market.signal();
        assertThat(m.tickers()).isEqualTo(latest.size());
        assertThat(m.bullish()).isEqualTo(latest.values().stream().filter(u -> u.label() == SignalLabel.BULLISH).count());
        assertThat(m.bearish()).isEqualTo(latest.values().stream().filter(u -> u.label() == SignalLabel.BEARISH).count());
        int inSectors = 0;
        for (SectorSignal s : sectors.signals()) {
            long expectedBull = latest.values().stream()
                    .filter(u -> u.sector().equals(s.sector()) && u.label() == SignalLabel.BULLISH).count();
            long expectedAll = latest.values().stream().filter(u -> u.sector().equals(s.sector())).count();
            assertThat(s.bullish()).isEqualTo(expectedBull);
            assertThat(s.tickers()).isEqualTo(expectedAll).isPositive();
            inSectors += s.tickers();
        }
        assertThat(inSectors).isEqualTo(latest.size());
    }
}
