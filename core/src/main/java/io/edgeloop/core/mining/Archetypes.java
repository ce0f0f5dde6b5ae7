package io.edgeloop.core.mining;

import java.util.List;

import static io.edgeloop.core.mining.LeadUpFeatures.BEAR_BEAR;
import static io.edgeloop.core.mining.LeadUpFeatures.BEAR_PULLBACK;
import static io.edgeloop.core.mining.LeadUpFeatures.BULL_BULL;
import static io.edgeloop.core.mining.LeadUpFeatures.BULL_PULLBACK;

/**
 * The 22 archetypes of the original study (MODEL_REFERENCE "Study"), in its order. Where the
 * original used an undirected flag, edgeloop uses the flag's direction (a bull release for the
 * bull archetype, a bear flip for the bear one), since its snapshots record it. Rising and
 * falling use {@link LeadUpConfig#trendThreshold()}.
 */
public final class Archetypes {

    private Archetypes() {
    }

    /** The 22 archetypes with the given thresholds. */
    public static List<Archetype> all(ArchetypeConfig c) {
        return List.of(
                new Archetype("bull_alignment", "Bull alignment", Bias.BULLISH,
                        "HTF rising and LTF rising",
                        f -> f.htf().rising() && f.ltf().rising()),
                new Archetype("bull_state_dominance", "Bull state dominance", Bias.BULLISH,
                        "start state BULL/BULL",
                        f -> BULL_BULL.equals(f.startState())),
                new Archetype("pullback_entry", "Pullback entry", Bias.BULLISH,
                        "transition BULL/PULLBACK -> BULL/BULL in the lead-up",
                        f -> f.hadTransition(BULL_PULLBACK, BULL_BULL)),
                new Archetype("htf_bull_pullback", "HTF bull + pullback", Bias.BULLISH,
                        "HTF rising and BULL/PULLBACK on some lead-up day",
                        f -> f.htf().rising() && f.hadState(BULL_PULLBACK)),
                new Archetype("squeeze_release_bull", "Squeeze release bull", Bias.BULLISH,
                        "bull squeeze release and BULL/BULL on some lead-up day",
                        f -> f.leadUpFlags().sqReleaseBull() > 0 && f.hadState(BULL_BULL)),
                new Archetype("squeeze_release_bear", "Squeeze release bear", Bias.BEARISH,
                        "bear squeeze release and no BULL/BULL day in the lead-up",
                        f -> f.leadUpFlags().sqReleaseBear() > 0 && !f.hadState(BULL_BULL)),
                new Archetype("st_flip_bull_state", "SuperTrend flip + bull state", Bias.BULLISH,
                        "SuperTrend flip to bull and (start BULL/BULL or BULL/PULLBACK -> BULL/BULL)",
                        f -> f.leadUpFlags().stFlipBull() > 0
                                && (BULL_BULL.equals(f.startState()) || f.hadTransition(BULL_PULLBACK, BULL_BULL))),
                new Archetype("st_flip_bear_state", "SuperTrend flip + bear state", Bias.BEARISH,
                        "SuperTrend flip to bear and start state BEAR/BEAR or BEAR/PULLBACK",
                        f -> f.leadUpFlags().stFlipBear() > 0 && f.startHtfBear()),
                new Archetype("high_momentum_elite", "High momentum elite", Bias.BULLISH,
                        "momentum elite on >= " + c.eliteDays() + " lead-up days",
                        f -> f.leadUpFlags().momentumElite() >= c.eliteDays()),
                new Archetype("ema_cross_rising_htf", "EMA cross + rising HTF", Bias.BULLISH,
                        "EMA13 crossed above EMA48 and HTF rising",
                        f -> f.leadUpFlags().emaCrossUp() > 0 && f.htf().rising()),
                new Archetype("strong_htf_surge", "Strong HTF surge", Bias.BULLISH,
                        "HTF change > +" + fmt(c.surgeDelta()),
                        f -> f.htf().delta() > c.surgeDelta()),
                new Archetype("ltf_recovery_high_htf", "LTF recovery + high HTF", Bias.BULLISH,
                        "LTF rising and mean HTF >= " + fmt(c.highHtf()),
                        f -> f.ltf().rising() && f.htf().mean() >= c.highHtf()),
                new Archetype("bear_alignment", "Bear alignment", Bias.BEARISH,
                        "HTF falling and LTF falling",
                        f -> f.htf().falling() && f.ltf().falling()),
                new Archetype("bear_state_dominance", "Bear state dominance", Bias.BEARISH,
                        "start state BEAR/BEAR",
                        f -> BEAR_BEAR.equals(f.startState())),
                new Archetype("htf_collapse", "HTF collapse", Bias.BEARISH,
                        "HTF change < -" + fmt(c.surgeDelta()),
                        f -> f.htf().delta() < -c.surgeDelta()),
                new Archetype("htf_bear_pullback_fail", "HTF bear + pullback fail", Bias.BEARISH,
                        "HTF falling and BEAR/PULLBACK on some lead-up day",
                        f -> f.htf().falling() && f.hadState(BEAR_PULLBACK)),
                new Archetype("multiple_st_flips", "Multiple SuperTrend flips", Bias.NEUTRAL,
                        "SuperTrend flips (either direction) on >= " + c.multipleFlips() + " lead-up days",
                        f -> f.leadUpFlags().stFlips() >= c.multipleFlips()),
                new Archetype("multi_signal_cluster", "Multi-signal cluster", Bias.NEUTRAL,
                        ">= " + c.clusterKinds() + " of 5 signal kinds (release, flip, cross, elite, compression)",
                        f -> f.leadUpFlags().kinds() >= c.clusterKinds()),
                new Archetype("high_completion_high_phase", "High completion + high phase", Bias.NEUTRAL,
                        "completion >= " + fmt(c.highCompletion()) + " and phase zone HIGH/EXTREME at start",
                        f -> f.completion() >= c.highCompletion() && f.highPhaseAtStart()),
                new Archetype("low_rank_rising", "Low rank rising", Bias.BULLISH,
                        "rank <= " + fmt(c.lowRank()) + " at start and HTF rising",
                        f -> f.rank() <= c.lowRank() && f.htf().rising()),
                new Archetype("htf_ltf_divergence_bull", "HTF/LTF divergence bull", Bias.BULLISH,
                        "HTF rising and LTF falling",
                        f -> f.htf().rising() && f.ltf().falling()),
                new Archetype("htf_ltf_divergence_bear", "HTF/LTF divergence bear", Bias.BEARISH,
                        "HTF falling and LTF rising",
                        f -> f.htf().falling() && f.ltf().rising()));
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
