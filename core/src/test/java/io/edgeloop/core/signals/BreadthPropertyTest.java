package io.edgeloop.core.signals;

import io.edgeloop.core.testing.Generators;
import io.edgeloop.core.testing.Generators.Gen;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import static io.edgeloop.core.testing.Generators.between;
import static io.edgeloop.core.testing.Generators.enumOf;
import static io.edgeloop.core.testing.Generators.listOf;
import static io.edgeloop.core.testing.Generators.oneOf;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Incremental counts always equal a recount of the latest label per ticker. 300 generated
 * update sequences from a fixed base seed; a failure names the case seed and lists its updates.
 */
class BreadthPropertyTest {

    record Update(String ticker, String sector, SignalLabel label, boolean remove) {
    }

    private static final Gen<String> TICKERS = oneOf("A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L");
    private static final Gen<String> SECTORS = oneOf("Tech", "Energy", "Health");
    private static final Gen<SignalLabel> LABELS = enumOf(SignalLabel.class);
    private static final Gen<Boolean> ONE_IN_TEN = between(0, 9).map(i -> i == 0);
    private static final Gen<List<Update>> UPDATES = listOf(
            r -> new Update(TICKERS.next(r), SECTORS.next(r), LABELS.next(r), ONE_IN_TEN.next(r)), 0, 200);

    static Stream<Long> caseSeeds() {
        return Generators.seeds(11L, 300);
    }

    @ParameterizedTest(name = "case seed {0}")
    @MethodSource("caseSeeds")
    void countsEqualARecountOfTheLatestLabels(long seed) {
        List<Update> updates = UPDATES.next(new SplittableRandom(seed));
        Generators.check(seed, "updates " + Generators.numbered(updates), () -> recount(updates));
    }

    private static void recount(List<Update> updates) {
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
