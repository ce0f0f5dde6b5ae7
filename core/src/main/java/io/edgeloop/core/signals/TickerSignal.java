package io.edgeloop.core.signals;

import io.edgeloop.core.snapshot.Fields;
import io.edgeloop.core.snapshot.Snapshot;

import java.util.List;
import java.util.Objects;

/**
 * A ticker's net signal (MODEL_REFERENCE, "Multi-level signals"), with the default weights:
 * <pre>
 * state part   = w(state) + d x w(stage) + clamp(HTF x 0.04, -0.2, +0.2)
 *   w(state): BULL/BULL +0.5, BULL/PULLBACK +0.25, BEAR/BEAR -0.5, BEAR/PULLBACK -0.25
 *   w(stage): enter +0.2, setup +0.1, exit -0.2, trim -0.1, other stages 0 (for a long lane)
 *   d:        the lane's direction, +1 long, -1 short (below)
 * pattern part = mean over directional matches of (+confidence for UP, -confidence for DOWN)
 * net          = (state part + pattern part) / 2 when a directional pattern matched, else state part
 * label        = BULLISH when net > 0.1, BEARISH when net < -0.1, else NEUTRAL
 * </pre>
 * NEUTRAL patterns carry no direction: they neither add to nor count in the pattern part. An
 * absent state, stage or HTF score (warm-up) contributes 0.
 *
 * <p><b>The lane's direction.</b> The kanban runs short lanes by the long rules mirrored, so a
 * stage's weight is mirrored with the lane: a short's enter (a DOWN call) and setup count
 * bearish, its trim and exit (UP calls) bullish, as the predictions of the same stage changes
 * call them. {@code d} is what the kanban knows at the stage:
 * <ul>
 *   <li>enter, hold, defend, trim, exit (a position is open after the bar, or closed at it):
 *       the direction of that position ({@code Kanban.direction()}, the snapshot's
 *       {@code positionDirection}). On the entry bar it is the HTF side of the state; later the
 *       state may turn while the position keeps its side, and the position's side counts.</li>
 *   <li>setup (no position): the HTF side of the state at the bar, +1 in HTF_BULL states, -1 in
 *       HTF_BEAR states. That is the side the flat kanban looks at: the corridor it found
 *       (long: HTF &gt; 0, short: HTF &lt; 0) or the patterns of that side that promoted the
 *       lane. The kanban's {@code direction()} then still names the previous position, if any,
 *       and is not used. A setup without a state (the kanban never makes one) counts long.</li>
 *   <li>watch: no direction; its weight is 0 either way.</li>
 * </ul>
 * A position stage whose direction is unknown ({@code positionDirection} 0: a snapshot written
 * before snapshots carried it) counts long, the weighting before short lanes were mirrored.
 *
 * @param statePart          the state part
 * @param patternPart        the pattern part (0 when no directional pattern matched)
 * @param directionalMatches how many UP or DOWN patterns matched
 * @param net                the net signal, in [-1, 1] with the default weights
 * @param label              the label of {@code net}
 */
public record TickerSignal(double statePart, double patternPart, int directionalMatches, double net,
                           SignalLabel label) {

    public TickerSignal {
        Objects.requireNonNull(label, "label");
    }

    /** The signal with {@link SignalConfig#defaults()}. */
    public static TickerSignal of(String state, String stage, int positionDirection, double htfScore,
                                  List<PatternMatch> matches) {
        return of(state, stage, positionDirection, htfScore, matches, SignalConfig.defaults());
    }

    /**
     * The signal of a state quadrant (one of {@link Fields#STATES} or null), a kanban stage (one
     * of {@link Fields#STAGES} or null), the direction of the lane's position (+1 long, -1 short,
     * 0 when there is none or it is unknown; read only at a position stage), an HTF score (NaN
     * when absent) and the matched patterns.
     *
     * @throws IllegalArgumentException for an unknown state or stage, or a position direction
     *                                  other than -1, 0 and +1
     */
    public static TickerSignal of(String state, String stage, int positionDirection, double htfScore,
                                  List<PatternMatch> matches, SignalConfig config) {
        Objects.requireNonNull(matches, "matches");
        double htfPart = Double.isNaN(htfScore) ? 0.0
                : Math.max(-config.htfCap(), Math.min(config.htfCap(), htfScore * config.htfFactor()));
        double statePart = stateWeight(state, config)
                + laneDirection(state, stage, positionDirection) * stageWeight(stage, config) + htfPart;
        double sum = 0;
        int directional = 0;
        for (int i = 0; i < matches.size(); i++) {
            PatternMatch match = matches.get(i);
            if (match.direction().sign() != 0) {
                sum += match.direction().sign() * match.confidence();
                directional++;
            }
        }
        double patternPart = directional == 0 ? 0.0 : sum / directional;
        double net = directional == 0 ? statePart : (statePart + patternPart) / 2.0;
        SignalLabel label = net > config.bullishAbove() ? SignalLabel.BULLISH
                : net < config.bearishBelow() ? SignalLabel.BEARISH : SignalLabel.NEUTRAL;
        return new TickerSignal(statePart, patternPart, directional, net, label);
    }

    /**
     * The signal of a snapshot's {@code state}, {@code stage} and {@code htf_score} fields and the
     * direction of the lane's position (the snapshot does not hold it: {@code Kanban.direction()}).
     */
    public static TickerSignal of(Snapshot snapshot, int positionDirection, List<PatternMatch> matches,
                                  SignalConfig config) {
        return of(snapshot.category(Fields.STATE), snapshot.category(Fields.STAGE), positionDirection,
                snapshot.get(Fields.HTF_SCORE), matches, config);
    }

    /**
     * The direction {@code d} a stage's weight is taken in (class comment): the HTF side of the
     * state at a setup, the position's direction at any other stage, +1 when that is unknown.
     */
    static int laneDirection(String state, String stage, int positionDirection) {
        if (positionDirection < -1 || positionDirection > 1) {
            throw new IllegalArgumentException("position direction must be -1, 0 or +1, was " + positionDirection);
        }
        if ("setup".equals(stage)) {
            return state != null && state.startsWith("HTF_BEAR") ? -1 : 1;
        }
        return positionDirection < 0 ? -1 : 1;
    }

    private static double stateWeight(String state, SignalConfig c) {
        if (state == null) {
            return 0.0;
        }
        switch (state) {
            case "HTF_BULL_LTF_BULL": return c.bullBullWeight();
            case "HTF_BULL_LTF_PULLBACK": return c.bullPullbackWeight();
            case "HTF_BEAR_LTF_BEAR": return c.bearBearWeight();
            case "HTF_BEAR_LTF_PULLBACK": return c.bearPullbackWeight();
            default: throw new IllegalArgumentException("unknown state " + state + ", expected one of " + Fields.STATES);
        }
    }

    private static double stageWeight(String stage, SignalConfig c) {
        if (stage == null) {
            return 0.0;
        }
        switch (stage) {
            case "enter": return c.enterWeight();
            case "setup": return c.setupWeight();
            case "exit": return c.exitWeight();
            case "trim": return c.trimWeight();
            case "watch", "hold", "defend": return 0.0;
            default: throw new IllegalArgumentException("unknown stage " + stage + ", expected one of " + Fields.STAGES);
        }
    }
}
