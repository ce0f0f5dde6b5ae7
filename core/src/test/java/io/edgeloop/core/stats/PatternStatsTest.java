package io.edgeloop.core.stats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class PatternStatsTest {

    /** 5-day outcomes of an "UP on every bar" signal on SPY's real daily bars: hit = return >= 2%. */
    private static List<Observation> spyFiveDayOutcomes() throws IOException {
        Path file = Path.of(System.getProperty("edgeloop.data.dir"), "history", "SPY_D.json");
        JsonNode candles = new ObjectMapper().readTree(file.toFile()).get("candles");
        List<Observation> out = new ArrayList<>();
        for (int t = 0; t + 5 < candles.size(); t++) {
            double entry = candles.get(t).get("c").asDouble();
            double high = Double.NEGATIVE_INFINITY;
            double low = Double.POSITIVE_INFINITY;
            for (int k = t + 1; k <= t + 5; k++) {
                high = Math.max(high, candles.get(k).get("h").asDouble());
                low = Math.min(low, candles.get(k).get("l").asDouble());
            }
            double r = (candles.get(t + 5).get("c").asDouble() / entry - 1) * 100;
            out.add(new Observation(r >= 2, r, Math.max(0, (high / entry - 1) * 100), Math.max(0, (1 - low / entry) * 100)));
        }
        return out;
    }

    @Test
    void shouldAccumulateRealOutcomesAndAgreeOnEveryExpectedValue() throws IOException {
        List<Observation> outcomes = spyFiveDayOutcomes();
        PatternStats stats = PatternStats.EMPTY;
        for (Observation o : outcomes) {
            stats = stats.plus(o);
        }
        long hits = outcomes.stream().filter(Observation::hit).count();
        double mean = outcomes.stream().mapToDouble(Observation::returnPct).average().orElseThrow();
        assertThat(stats.n()).isEqualTo(outcomes.size()).isGreaterThan(2000);
        assertThat(stats.hits()).isEqualTo(hits);
        assertThat(stats.avgReturn()).isCloseTo(mean, within(1e-9));
        assertThat(stats.avgMfe()).isCloseTo(outcomes.stream().mapToDouble(Observation::mfePct).average().orElseThrow(), within(1e-9));
        // p x avg win - (1 - p) x avg loss and (UP% x avg up - DOWN% x avg down) / 100 both equal the mean return
        assertThat(stats.expectedValue()).isCloseTo(mean, within(1e-9));
        assertThat(stats.moveExpectedValue()).isCloseTo(mean, within(1e-9));
        assertThat(stats.upPct() + stats.downPct()).isLessThanOrEqualTo(100);
        assertThat(stats.avgWin()).isGreaterThanOrEqualTo(2);
        assertThat(stats.wilson(0.95).contains(stats.hitRate())).isTrue();
        assertThat(stats.posterior(BetaPrior.UNIFORM).mean()).isCloseTo(stats.hitRate(), within(0.001));
    }

    @Test
    void shouldMergeTwoWindowsIntoTheWhole() throws IOException {
        List<Observation> outcomes = spyFiveDayOutcomes();
        PatternStats first = PatternStats.EMPTY;
        PatternStats second = PatternStats.EMPTY;
        PatternStats whole = PatternStats.EMPTY;
        for (int i = 0; i < outcomes.size(); i++) {
            whole = whole.plus(outcomes.get(i));
            if (i < outcomes.size() / 2) {
                first = first.plus(outcomes.get(i));
            } else {
                second = second.plus(outcomes.get(i));
            }
        }
        PatternStats merged = first.merge(second);
        assertThat(merged.n()).isEqualTo(whole.n());
        assertThat(merged.hits()).isEqualTo(whole.hits());
        assertThat(merged.ups()).isEqualTo(whole.ups());
        assertThat(merged.downs()).isEqualTo(whole.downs());
        assertThat(merged.sumReturn()).isCloseTo(whole.sumReturn(), within(1e-6));
        assertThat(merged.sumMae()).isCloseTo(whole.sumMae(), within(1e-6));
    }

    @Test
    void shouldComputeHandCheckedAverages() {
        PatternStats s = PatternStats.EMPTY
                .plus(new Observation(true, 4, 5, 1))
                .plus(new Observation(true, 2, 3, 0.5))
                .plus(new Observation(false, -3, 0.5, 4))
                .plus(new Observation(false, 1, 1.5, 0.5));
        assertThat(s.hitRate()).isEqualTo(0.5);
        assertThat(s.avgWin()).isEqualTo(3);
        // misses returned -3 and +1: average loss magnitude = 1
        assertThat(s.avgLoss()).isEqualTo(1);
        // EV = .5 x 3 - .5 x 1 = 1 = mean(4, 2, -3, 1)
        assertThat(s.expectedValue()).isEqualTo(1);
        assertThat(s.upPct()).isEqualTo(75);
        assertThat(s.avgUpMove()).isCloseTo(7.0 / 3, within(1e-15));
        assertThat(s.downPct()).isEqualTo(25);
        assertThat(s.avgDownMove()).isEqualTo(3);
        // (75 x 7/3 - 25 x 3) / 100 = 1
        assertThat(s.moveExpectedValue()).isCloseTo(1, within(1e-15));
        assertThat(s.avgMfe()).isEqualTo(2.5);
        assertThat(s.avgMae()).isEqualTo(1.5);
    }

    @Test
    void shouldReportNaNAveragesWithoutOutcomes() {
        assertThat(PatternStats.EMPTY.hitRate()).isNaN();
        assertThat(PatternStats.EMPTY.expectedValue()).isNaN();
        assertThat(PatternStats.EMPTY.moveExpectedValue()).isNaN();
        assertThat(PatternStats.EMPTY.posterior(BetaPrior.UNIFORM).mean()).isEqualTo(0.5);
    }

    @Test
    void shouldComputeExpectedValueFormulas() {
        // study formula: 60% up averaging 8%, 40% down averaging 5% -> (480 - 200) / 100 = 2.8
        assertThat(ExpectedValue.ofMoves(60, 8, 40, 5)).isCloseTo(2.8, within(1e-12));
        // directional: .7 x 4 - .3 x 2.5 = 2.05
        assertThat(ExpectedValue.directional(0.7, 4, 2.5)).isCloseTo(2.05, within(1e-12));
        assertThatThrownBy(() -> ExpectedValue.directional(1.2, 1, 1)).hasMessageContaining("[0, 1]");
    }

    @Test
    void shouldRejectInvalidObservations() {
        assertThatThrownBy(() -> new Observation(true, Double.NaN, 1, 1)).hasMessageContaining("finite");
        assertThatThrownBy(() -> new Observation(true, 1, -1, 1)).hasMessageContaining("magnitudes");
        assertThatThrownBy(() -> new PatternStats(1, 2, 0, 0, 0, 0, 0, 0, 0, 0)).hasMessageContaining("inconsistent");
    }
}
