package io.edgeloop.core.mining;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the trail showed before a move started (MODEL_REFERENCE "Study"). With {@code L} lead-up
 * days and start day {@code s}: trajectories run over days {@code s-L..s}, state transitions
 * between consecutive days of that range, signals are counted on days {@code s-L+1..s} (the
 * {@code L} daily steps up to the start close), start values are those of day {@code s}. Nothing
 * after the start close is used except in {@link #peak()}.
 *
 * @param days        lead-up days {@code L}
 * @param htf         HTF score trajectory
 * @param ltf         LTF score trajectory
 * @param states      the state quadrant of each day {@code s-L..s} where present, in day order
 * @param startState  state on the start day, null when absent
 * @param leadUpFlags signals on days {@code s-L+1..s}
 * @param startFlags  signals on the start day
 * @param completion  completion on the start day (0..1, NaN when absent)
 * @param phasePct    phase_pct on the start day (0..1)
 * @param phaseZone   phase zone on the start day, null when absent
 * @param rank        rank on the start day (0..100)
 * @param peak        the trail at the peak (descriptive)
 */
public record LeadUpFeatures(int days, Trajectory htf, Trajectory ltf, List<String> states, String startState,
                             FlagCounts leadUpFlags, FlagCounts startFlags, double completion, double phasePct,
                             String phaseZone, double rank, PeakView peak) {

    public static final String BULL_BULL = "HTF_BULL_LTF_BULL";
    public static final String BULL_PULLBACK = "HTF_BULL_LTF_PULLBACK";
    public static final String BEAR_BEAR = "HTF_BEAR_LTF_BEAR";
    public static final String BEAR_PULLBACK = "HTF_BEAR_LTF_PULLBACK";

    public LeadUpFeatures {
        Objects.requireNonNull(htf, "htf");
        Objects.requireNonNull(ltf, "ltf");
        states = List.copyOf(states);
        Objects.requireNonNull(leadUpFlags, "leadUpFlags");
        Objects.requireNonNull(startFlags, "startFlags");
        Objects.requireNonNull(peak, "peak");
    }

    /** True when the state occurred on any lead-up day. */
    public boolean hadState(String state) {
        return states.contains(state);
    }

    /** True when {@code from} was directly followed by {@code to} on consecutive present days. */
    public boolean hadTransition(String from, String to) {
        for (int i = 1; i < states.size(); i++) {
            if (states.get(i - 1).equals(from) && states.get(i).equals(to)) {
                return true;
            }
        }
        return false;
    }

    /** Every state change in the lead-up, as {@code FROM->TO}, in order. */
    public List<String> transitions() {
        List<String> changes = new ArrayList<>();
        for (int i = 1; i < states.size(); i++) {
            if (!states.get(i - 1).equals(states.get(i))) {
                changes.add(states.get(i - 1) + "->" + states.get(i));
            }
        }
        return changes;
    }

    /** The most frequent lead-up state (on ties, the one that reached the top count last); null when none. */
    public String dominantState() {
        Map<String, Integer> counts = new HashMap<>();
        String best = null;
        int bestCount = 0;
        for (String s : states) {
            int c = counts.merge(s, 1, Integer::sum);
            if (c >= bestCount) {
                best = s;
                bestCount = c;
            }
        }
        return best;
    }

    /** True when the start state has a bullish HTF (BULL/BULL or BULL/PULLBACK). */
    public boolean startHtfBull() {
        return BULL_BULL.equals(startState) || BULL_PULLBACK.equals(startState);
    }

    /** True when the start state has a bearish HTF (BEAR/BEAR or BEAR/PULLBACK). */
    public boolean startHtfBear() {
        return BEAR_BEAR.equals(startState) || BEAR_PULLBACK.equals(startState);
    }

    /** HTF and LTF changed in the same direction (both deltas > 0 or both < 0). */
    public boolean scoresAligned() {
        return htf.delta() > 0 && ltf.delta() > 0 || htf.delta() < 0 && ltf.delta() < 0;
    }

    /** One score rising while the other is falling. */
    public boolean scoresDiverging() {
        return htf.rising() && ltf.falling() || htf.falling() && ltf.rising();
    }

    /** Phase zone HIGH or EXTREME on the start day (|phase| > 61.8). */
    public boolean highPhaseAtStart() {
        return "HIGH".equals(phaseZone) || "EXTREME".equals(phaseZone);
    }
}
