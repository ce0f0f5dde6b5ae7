package io.edgeloop.core.retro;

import io.edgeloop.core.candle.Candle;
import io.edgeloop.core.engine.LibraryPatternMatcher;
import io.edgeloop.core.mining.LeadUpConfig;
import io.edgeloop.core.mining.LeadUpExtractor;
import io.edgeloop.core.mining.LeadUpFeatures;
import io.edgeloop.core.mining.MiningConfig;
import io.edgeloop.core.mining.Move;
import io.edgeloop.core.mining.MoveMiner;
import io.edgeloop.core.mining.Trail;
import io.edgeloop.core.model.ModelConfig;
import io.edgeloop.core.rules.CompiledRule;
import io.edgeloop.core.rules.SeedPatterns;
import io.edgeloop.core.snapshot.Fields;
import io.edgeloop.core.stats.BetaPrior;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TrailBuilderTest {

    private static Trail trail(String ticker) {
        return new TrailBuilder(RetroData.all().bars(), ModelConfig.defaults(), SeedPatterns.all(), BetaPrior.UNIFORM)
                .trail(ticker).orElseThrow();
    }

    @Test
    void shouldGiveOneSnapshotPerDailyBarDatedByTheExchangeDate() {
        List<Candle> bars = RetroData.all().bars().get("SPY");
        Trail t = trail("SPY");

        assertThat(t.size()).isEqualTo(bars.size());
        assertThat(t.date(t.size() - 1)).isEqualTo(Bars.date(bars.get(bars.size() - 1)));
        assertThat(t.at(t.size() - 1).get(Fields.CLOSE)).isEqualTo(bars.get(bars.size() - 1).close());
        assertThat(t.at(t.size() - 1).present(Fields.HTF_SCORE)).isTrue();
        assertThat(new TrailBuilder(RetroData.all().bars(), ModelConfig.defaults(), List.of(), BetaPrior.UNIFORM)
                .trail("NO_SUCH_TICKER")).isEmpty();
    }

    @Test
    void shouldBeTheSameSnapshotsAsTheEngineGivesBarByBar() {
        List<Candle> bars = RetroData.all().bars().get("QQQ");
        Trail whole = trail("QQQ");
        Trail firstHalf = TrailBuilder.build("QQQ", bars.subList(0, bars.size() / 2), ModelConfig.defaults(),
                LibraryPatternMatcher.of(SeedPatterns.all(), BetaPrior.UNIFORM));

        for (int day = 0; day < firstHalf.size(); day++) {
            assertThat(firstHalf.at(day)).as("day %d: no look-ahead", day).isEqualTo(whole.at(day));
        }
    }

    @Test
    void shouldRefuseBarsThatAreNotDaily() {
        Candle hourly = new Candle("X", io.edgeloop.core.candle.Timeframe.H1, 0, 1, 1, 1, 1, 1, "t");

        assertThatThrownBy(() -> TrailBuilder.build("X", List.of(hourly), ModelConfig.defaults(),
                io.edgeloop.core.engine.PatternMatcher.NONE)).hasMessageContaining("built from daily bars");
    }

    /**
     * On the engine's real trails, a proposable feature of a real move and its rule on the
     * start day's snapshot agree, move for move (so a proposed rule means what its evidence
     * measured).
     */
    @ParameterizedTest
    @ValueSource(strings = {"SPY", "NVDA", "TSLA", "BMNR", "XLE"})
    void shouldAgreeWithTheFeatureRulesOnRealMoves(String ticker) {
        Trail t = trail(ticker);
        List<Move> moves = new MoveMiner(MiningConfig.defaults()).moves(ticker, "S", RetroData.all().bars().get(ticker));
        LeadUpExtractor extractor = new LeadUpExtractor(LeadUpConfig.defaults());
        List<DiscoveryFeature> features = FeatureRules.standard(LeadUpConfig.defaults()).stream()
                .filter(f -> f.rule().isPresent()).toList();
        int checked = 0;
        for (Move m : moves) {
            Optional<LeadUpFeatures> f = extractor.extract(m, t);
            if (f.isEmpty()) {
                continue;
            }
            for (DiscoveryFeature feature : features) {
                assertThat(CompiledRule.compile(feature.rule().orElseThrow()).matches(t.at(t.dayOf(m.startDate()))))
                        .as("%s on the %s move of %s", feature.id(), m.direction(), m.startDate())
                        .isEqualTo(feature.test().test(f.get()));
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(100);
    }
}
