package io.edgeloop.core.signals;

import io.edgeloop.core.rules.Direction;
import io.edgeloop.core.snapshot.Fields;
import io.edgeloop.core.snapshot.Snapshot;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class TickerSignalTest {

    @Test
    void shouldAddStateStageAndCappedHtfWhenNoPatternMatched() {
        TickerSignal s = TickerSignal.of("HTF_BULL_LTF_BULL", "enter", 30, List.of());

        assertThat(s.statePart()).isCloseTo(0.5 + 0.2 + 0.2, within(1e-12)); // 30 x 0.04 = 1.2, capped at 0.2
        assertThat(s.net()).isEqualTo(s.statePart());
        assertThat(s.directionalMatches()).isZero();
        assertThat(s.label()).isEqualTo(SignalLabel.BULLISH);
    }

    @Test
    void shouldLabelAWeakBearPullbackBearish() {
        TickerSignal s = TickerSignal.of("HTF_BEAR_LTF_PULLBACK", "watch", 2, List.of());

        assertThat(s.net()).isCloseTo(-0.25 + 0.08, within(1e-12));
        assertThat(s.label()).isEqualTo(SignalLabel.BEARISH);
    }

    @Test
    void shouldAverageStatePartWithSignedMeanConfidenceOfDirectionalMatches() {
        List<PatternMatch> matches = List.of(new PatternMatch(Direction.UP, 0.7), new PatternMatch(Direction.UP, 0.6),
                new PatternMatch(Direction.DOWN, 0.5), new PatternMatch(Direction.NEUTRAL, 0.9));

        TickerSignal s = TickerSignal.of("HTF_BULL_LTF_PULLBACK", "setup", -10, matches);

        double state = 0.25 + 0.1 - 0.2;
        double pattern = (0.7 + 0.6 - 0.5) / 3;
        assertThat(s.statePart()).isCloseTo(state, within(1e-12));
        assertThat(s.patternPart()).isCloseTo(pattern, within(1e-12));
        assertThat(s.directionalMatches()).isEqualTo(3);
        assertThat(s.net()).isCloseTo((state + pattern) / 2, within(1e-12));
        assertThat(s.label()).isEqualTo(SignalLabel.BULLISH);
    }

    @Test
    void shouldLetBearPatternsTurnABullStateNeutralOrBearish() {
        TickerSignal s = TickerSignal.of("HTF_BULL_LTF_PULLBACK", "hold", 0,
                List.of(new PatternMatch(Direction.DOWN, 0.8)));

        assertThat(s.net()).isCloseTo((0.25 - 0.8) / 2, within(1e-12));
        assertThat(s.label()).isEqualTo(SignalLabel.BEARISH);
    }

    @Test
    void shouldIgnoreNeutralPatternsEntirely() {
        TickerSignal s = TickerSignal.of("HTF_BEAR_LTF_BEAR", "exit", -50,
                List.of(new PatternMatch(Direction.NEUTRAL, 1.0)));

        assertThat(s.net()).isCloseTo(-0.9, within(1e-12));
        assertThat(s.directionalMatches()).isZero();
    }

    @Test
    void shouldKeepExactThresholdNeutralAndTreatAbsentInputsAsZero() {
        assertThat(TickerSignal.of(null, "setup", Double.NaN, List.of()).label()).isEqualTo(SignalLabel.NEUTRAL);
        assertThat(TickerSignal.of(null, null, Double.NaN, List.of()).net()).isZero();
    }

    @Test
    void shouldReadStateStageAndHtfFromASnapshot() {
        Snapshot snapshot = new Snapshot();
        snapshot.setCategory(Fields.STATE, "HTF_BEAR_LTF_BEAR");
        snapshot.setCategory(Fields.STAGE, "trim");
        snapshot.set(Fields.HTF_SCORE, -2.5);

        TickerSignal s = TickerSignal.of(snapshot, List.of(), SignalConfig.defaults());

        assertThat(s).isEqualTo(TickerSignal.of("HTF_BEAR_LTF_BEAR", "trim", -2.5, List.of()));
        assertThat(s.net()).isCloseTo(-0.5 - 0.1 - 0.1, within(1e-12));
    }

    @Test
    void shouldRejectUnknownStatesStagesAndConfidences() {
        assertThatThrownBy(() -> TickerSignal.of("BULL", "enter", 0, List.of()))
                .hasMessageContaining("unknown state BULL");
        assertThatThrownBy(() -> TickerSignal.of("HTF_BULL_LTF_BULL", "buy", 0, List.of()))
                .hasMessageContaining("unknown stage buy");
        assertThatThrownBy(() -> new PatternMatch(Direction.UP, 1.2))
                .hasMessageContaining("confidence must be in [0, 1]");
    }
}
