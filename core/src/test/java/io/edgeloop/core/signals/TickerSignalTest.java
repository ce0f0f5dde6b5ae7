package io.edgeloop.core.signals;

import io.edgeloop.core.rules.Direction;
import io.edgeloop.core.snapshot.Fields;
import io.edgeloop.core.snapshot.Snapshot;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class TickerSignalTest {

    @Test
    void shouldAddStateStageAndCappedHtfWhenNoPatternMatched() {
        TickerSignal s = TickerSignal.of("HTF_BULL_LTF_BULL", "enter", 1, 30, List.of());

        assertThat(s.statePart()).isCloseTo(0.5 + 0.2 + 0.2, within(1e-12)); // 30 x 0.04 = 1.2, capped at 0.2
        assertThat(s.net()).isEqualTo(s.statePart());
        assertThat(s.directionalMatches()).isZero();
        assertThat(s.label()).isEqualTo(SignalLabel.BULLISH);
    }

    @Test
    void shouldLabelAWeakBearPullbackBearish() {
        TickerSignal s = TickerSignal.of("HTF_BEAR_LTF_PULLBACK", "watch", 0, 2, List.of());

        assertThat(s.net()).isCloseTo(-0.25 + 0.08, within(1e-12));
        assertThat(s.label()).isEqualTo(SignalLabel.BEARISH);
    }

    @Test
    void shouldAverageStatePartWithSignedMeanConfidenceOfDirectionalMatches() {
        List<PatternMatch> matches = List.of(new PatternMatch(Direction.UP, 0.7), new PatternMatch(Direction.UP, 0.6),
                new PatternMatch(Direction.DOWN, 0.5), new PatternMatch(Direction.NEUTRAL, 0.9));

        TickerSignal s = TickerSignal.of("HTF_BULL_LTF_PULLBACK", "setup", 0, -10, matches);

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
        TickerSignal s = TickerSignal.of("HTF_BULL_LTF_PULLBACK", "hold", 1, 0,
                List.of(new PatternMatch(Direction.DOWN, 0.8)));

        assertThat(s.net()).isCloseTo((0.25 - 0.8) / 2, within(1e-12));
        assertThat(s.label()).isEqualTo(SignalLabel.BEARISH);
    }

    @Test
    void shouldIgnoreNeutralPatternsEntirely() {
        TickerSignal s = TickerSignal.of("HTF_BEAR_LTF_BEAR", "exit", 1, -50,
                List.of(new PatternMatch(Direction.NEUTRAL, 1.0)));

        assertThat(s.net()).isCloseTo(-0.9, within(1e-12));
        assertThat(s.directionalMatches()).isZero();
    }

    @Test
    void shouldKeepExactThresholdNeutralAndTreatAbsentInputsAsZero() {
        assertThat(TickerSignal.of(null, "setup", 0, Double.NaN, List.of()).label()).isEqualTo(SignalLabel.NEUTRAL);
        assertThat(TickerSignal.of(null, null, 0, Double.NaN, List.of()).net()).isZero();
    }

    @Test
    void shouldReadStateStageAndHtfFromASnapshot() {
        Snapshot snapshot = new Snapshot();
        snapshot.setCategory(Fields.STATE, "HTF_BEAR_LTF_BEAR");
        snapshot.setCategory(Fields.STAGE, "trim");
        snapshot.set(Fields.HTF_SCORE, -2.5);

        TickerSignal s = TickerSignal.of(snapshot, -1, List.of(), SignalConfig.defaults());

        assertThat(s).isEqualTo(TickerSignal.of("HTF_BEAR_LTF_BEAR", "trim", -1, -2.5, List.of()));
        assertThat(s.net()).isCloseTo(-0.5 + 0.1 - 0.1, within(1e-12)); // a short's trim counts bullish
    }

    @Test
    void shouldMirrorTheStageWeightsOfAShortPosition() {
        // a short's entry is a DOWN call: bearish, where a long's is bullish
        assertThat(TickerSignal.of("HTF_BEAR_LTF_BEAR", "enter", -1, -30, List.of()).statePart())
                .isCloseTo(-0.5 - 0.2 - 0.2, within(1e-12));
        assertThat(TickerSignal.of("HTF_BEAR_LTF_BEAR", "enter", 1, -30, List.of()).statePart())
                .isCloseTo(-0.5 + 0.2 - 0.2, within(1e-12));
        // its trim and exit are UP calls: bullish
        assertThat(TickerSignal.of("HTF_BULL_LTF_PULLBACK", "trim", -1, 0, List.of()).statePart())
                .isCloseTo(0.25 + 0.1, within(1e-12));
        TickerSignal shortExit = TickerSignal.of("HTF_BEAR_LTF_PULLBACK", "exit", -1, -1, List.of());
        assertThat(shortExit.net()).isCloseTo(-0.25 + 0.2 - 0.04, within(1e-12));
        assertThat(shortExit.label()).isEqualTo(SignalLabel.NEUTRAL);
        assertThat(TickerSignal.of("HTF_BEAR_LTF_PULLBACK", "exit", 1, -1, List.of()).label())
                .isEqualTo(SignalLabel.BEARISH);
        // hold and defend weigh nothing on either side
        for (String stage : List.of("hold", "defend")) {
            assertThat(TickerSignal.of("HTF_BEAR_LTF_BEAR", stage, -1, -5, List.of()))
                    .isEqualTo(TickerSignal.of("HTF_BEAR_LTF_BEAR", stage, 1, -5, List.of()));
        }
    }

    @Test
    void shouldTakeASetupsDirectionFromTheHtfSideOfTheStateNotFromAPosition() {
        // a short-corridor setup (HTF < 0) after a long position closed: the kanban's direction is
        // still the long's, the setup is short
        for (int position : new int[] {-1, 0, 1}) {
            assertThat(TickerSignal.of("HTF_BEAR_LTF_PULLBACK", "setup", position, -4, List.of()).statePart())
                    .isCloseTo(-0.25 - 0.1 - 0.16, within(1e-12));
            assertThat(TickerSignal.of("HTF_BULL_LTF_BULL", "setup", position, 4, List.of()).statePart())
                    .isCloseTo(0.5 + 0.1 + 0.16, within(1e-12));
        }
        assertThat(TickerSignal.of(null, "setup", -1, Double.NaN, List.of()).statePart()).isEqualTo(0.1);
    }

    @Test
    void shouldCountAPositionOfUnknownDirectionAsLong() {
        for (String stage : List.of("enter", "hold", "defend", "trim", "exit")) {
            assertThat(TickerSignal.of("HTF_BEAR_LTF_BEAR", stage, 0, -7, List.of()))
                    .isEqualTo(TickerSignal.of("HTF_BEAR_LTF_BEAR", stage, 1, -7, List.of()));
        }
    }

    /**
     * A short lane is the long lane mirrored (MODEL_REFERENCE "Kanban"): mirroring the state's
     * sides, the HTF score, the position and the patterns negates the signal exactly, at every stage.
     */
    @Test
    void shouldNegateTheSignalOfTheMirroredLane() {
        List<String> states = new ArrayList<>(Fields.STATES);
        states.add(null);
        List<String> stages = new ArrayList<>(Fields.STAGES);
        stages.add(null);
        List<List<PatternMatch>> patterns = List.of(List.of(), List.of(new PatternMatch(Direction.UP, 0.7)),
                List.of(new PatternMatch(Direction.DOWN, 0.35), new PatternMatch(Direction.UP, 0.9),
                        new PatternMatch(Direction.NEUTRAL, 0.6)));
        int checked = 0;
        for (String state : states) {
            for (String stage : stages) {
                for (int position : new int[] {-1, 1}) {
                    for (double htf : new double[] {-50, -3.3, 0, 2.5, 12, Double.NaN}) {
                        for (List<PatternMatch> matches : patterns) {
                            TickerSignal s = TickerSignal.of(state, stage, position, htf, matches);
                            TickerSignal m = TickerSignal.of(mirror(state), stage, -position, -htf, mirror(matches));
                            if (state == null && "setup".equals(stage)) {
                                continue; // no setup without a state: it takes the long side
                            }
                            assertThat(m.net() + s.net()).as("%s %s %d %s %s", state, stage, position, htf, matches)
                                    .isEqualTo(0.0);
                            assertThat(m.label()).isEqualTo(mirror(s.label()));
                            checked++;
                        }
                    }
                }
            }
        }
        assertThat(checked).isEqualTo((5 * 8 - 1) * 2 * 6 * 3);
    }

    private static String mirror(String state) {
        if (state == null) {
            return null;
        }
        return switch (state) {
            case "HTF_BULL_LTF_BULL" -> "HTF_BEAR_LTF_BEAR";
            case "HTF_BEAR_LTF_BEAR" -> "HTF_BULL_LTF_BULL";
            case "HTF_BULL_LTF_PULLBACK" -> "HTF_BEAR_LTF_PULLBACK";
            default -> "HTF_BULL_LTF_PULLBACK";
        };
    }

    private static SignalLabel mirror(SignalLabel label) {
        return label == SignalLabel.BULLISH ? SignalLabel.BEARISH
                : label == SignalLabel.BEARISH ? SignalLabel.BULLISH : SignalLabel.NEUTRAL;
    }

    private static List<PatternMatch> mirror(List<PatternMatch> matches) {
        return matches.stream().map(p -> new PatternMatch(p.direction() == Direction.UP ? Direction.DOWN
                : p.direction() == Direction.DOWN ? Direction.UP : Direction.NEUTRAL, p.confidence())).toList();
    }

    @Test
    void shouldRejectUnknownStatesStagesAndConfidences() {
        assertThatThrownBy(() -> TickerSignal.of("BULL", "enter", 1, 0, List.of()))
                .hasMessageContaining("unknown state BULL");
        assertThatThrownBy(() -> TickerSignal.of("HTF_BULL_LTF_BULL", "buy", 1, 0, List.of()))
                .hasMessageContaining("unknown stage buy");
        assertThatThrownBy(() -> TickerSignal.of("HTF_BULL_LTF_BULL", "enter", 2, 0, List.of()))
                .hasMessageContaining("position direction must be -1, 0 or +1, was 2");
        assertThatThrownBy(() -> new PatternMatch(Direction.UP, 1.2))
                .hasMessageContaining("confidence must be in [0, 1]");
    }
}
