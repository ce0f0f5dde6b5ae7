package io.edgeloop.core.rules;

import io.edgeloop.core.stats.PatternStats;

import java.util.List;
import java.util.Optional;

import static io.edgeloop.core.rules.Rule.any;
import static io.edgeloop.core.rules.Rule.eq;
import static io.edgeloop.core.rules.Rule.gt;
import static io.edgeloop.core.rules.Rule.gte;
import static io.edgeloop.core.rules.Rule.in;
import static io.edgeloop.core.rules.Rule.lt;
import static io.edgeloop.core.rules.Rule.truthy;

/**
 * The 17 patterns of the original model, re-expressed on edgeloop's snapshot fields and ranges
 * (MODEL_REFERENCE "Patterns" and "Study"). Thresholds the original could never reach on its
 * own scales are mapped to these ranges:
 * <ul>
 *   <li>"high HTF" (original HTF &gt;= 50, 55 or 75 on a [-50, 50] score) = {@code htf_score >= 25};</li>
 *   <li>"rising" / "falling" = {@code htf_change} or {@code ltf_change} &gt; +5 / &lt; -5 (change over 5 trading days);</li>
 *   <li>"surge" = {@code htf_change > 15}, "collapse" = {@code htf_change < -15};</li>
 *   <li>"high phase" (original phase_pct &gt;= 70 on a 0..1 value) = {@code phase_zone in [HIGH, EXTREME]}
 *       or {@code phase_pct >= 0.7}.</li>
 * </ul>
 * Timeframes: the original read 30m flags; edgeloop reads the {@code _ltf} aggregates (a flag set
 * on any LTF frame of the feed's profile: 30m and 10m on feeds finer than 30m, 1h and 4h on
 * hourly feeds, D on daily feeds). The {@code _1h} variant reads the 1h frame only and so never
 * matches on a daily feed. SuperTrend flips, EMA crosses and squeeze releases carry their new
 * direction (the original only had a bear-flip flag on one path), so bull patterns ask for
 * {@code +1} and bear patterns for {@code -1}. Every seed starts ACTIVE, version 1, origin SEED,
 * with empty statistics; the original's hit rate and n, where MODEL_REFERENCE gives them, are
 * kept as {@link ReferenceRate} (documentation, not outcomes).
 */
public final class SeedPatterns {

    private static final String BULL_BULL = "HTF_BULL_LTF_BULL";
    private static final String BULL_PULLBACK = "HTF_BULL_LTF_PULLBACK";
    private static final String BEAR_BEAR = "HTF_BEAR_LTF_BEAR";
    private static final String BEAR_PULLBACK = "HTF_BEAR_LTF_PULLBACK";
    private static final double HIGH_HTF = 25;
    private static final double RISING = 5;
    private static final double SURGE = 15;

    private static final List<PatternDefinition> ALL = List.of(
            seed("bull_state_dominance", "Bull state dominance", Direction.UP, 0.752, 165,
                    "State HTF_BULL_LTF_BULL: higher and lower frames both bullish.",
                    eq("state", BULL_BULL)),
            seed("st_flip_bull_state", "SuperTrend flip in bull state", Direction.UP, 0.747, 87,
                    "SuperTrend flips bullish on an LTF frame (original: 30m) while HTF is bullish (aligned or pullback).",
                    Rule.all(in("state", BULL_BULL, BULL_PULLBACK), eq("st_flip_ltf", 1))),
            seed("st_flip_bull_state_1h", "SuperTrend 1h flip in bull state", Direction.UP, 0, 0,
                    "SuperTrend flips bullish on the 1h frame while HTF is bullish; intraday feeds only.",
                    Rule.all(in("state", BULL_BULL, BULL_PULLBACK), eq("st_flip_1h", 1))),
            seed("ema_cross_rising_htf", "EMA cross with rising HTF", Direction.UP, 0.70, 10,
                    "EMA13 crosses above EMA48 on an LTF frame (original: 1h) with a high (>= 25) or rising (> +5 over "
                            + "5 days) HTF score; the original asked HTF >= 55, out of range.",
                    Rule.all(eq("ema_cross_ltf", 1), any(gte("htf_score", HIGH_HTF), gt("htf_change", RISING)))),
            seed("high_momentum_elite", "High momentum elite", Direction.UP, 0.671, 85,
                    "Momentum elite: price >= 4, 30-day average volume >= 2M, 1-month change >= 25%, sane daily range.",
                    truthy("momentum_elite")),
            seed("htf_bull_pullback_recovery", "HTF bull pullback", Direction.UP, 0, 0,
                    "LTF pullback (state HTF_BULL_LTF_PULLBACK) inside a strong HTF trend (>= 25; original 55, out of "
                            + "range): a setup for the LTF to recover.",
                    Rule.all(eq("state", BULL_PULLBACK), gte("htf_score", HIGH_HTF))),
            seed("strong_htf_surge", "Strong HTF surge", Direction.UP, 0, 0,
                    "HTF score up more than 15 points over 5 days into a bull state (original: HTF >= 75, out of range).",
                    Rule.all(gt("htf_change", SURGE), in("state", BULL_BULL, BULL_PULLBACK))),
            seed("ltf_recovery_high_htf", "LTF recovery with high HTF", Direction.UP, 0, 0,
                    "In an LTF pullback under a high HTF (>= 25), the LTF score is rising (> +5 over 5 days): trend "
                            + "resumption. The original asked LTF 40..65 inside a pullback state, a contradiction.",
                    Rule.all(eq("state", BULL_PULLBACK), gte("htf_score", HIGH_HTF), gt("ltf_change", RISING))),
            seed("bull_momentum_elite_bull_state", "Bull state with momentum elite", Direction.UP, 0, 0,
                    "Momentum elite while both frames are bullish (state HTF_BULL_LTF_BULL).",
                    Rule.all(eq("state", BULL_BULL), truthy("momentum_elite"))),
            seed("squeeze_release_bear", "Squeeze release in bear state", Direction.DOWN, 0, 0,
                    "A squeeze releases downwards (momentum below zero) on an LTF frame (original: 30m, either way) "
                            + "while HTF is bearish: volatility expanding into weakness.",
                    Rule.all(eq("sq_release_ltf", -1), in("state", BEAR_BEAR, BEAR_PULLBACK))),
            seed("bear_state_dominance", "Bear state dominance", Direction.DOWN, 0, 0,
                    "State HTF_BEAR_LTF_BEAR: higher and lower frames both bearish.",
                    eq("state", BEAR_BEAR)),
            seed("st_flip_bear_state", "SuperTrend flip in bear state", Direction.DOWN, 0, 0,
                    "SuperTrend flips bearish on an LTF frame while HTF is bearish: acceleration to the downside.",
                    Rule.all(in("state", BEAR_BEAR, BEAR_PULLBACK), eq("st_flip_ltf", -1))),
            seed("htf_collapse", "HTF collapse", Direction.DOWN, 0, 0,
                    "HTF score down more than 15 points over 5 days into a bear state (original: HTF <= 25 with a bear "
                            + "state, which any bear state satisfies).",
                    Rule.all(lt("htf_change", -SURGE), in("state", BEAR_BEAR, BEAR_PULLBACK))),
            seed("bear_squeeze_multi_signal", "Bear squeeze multi-signal", Direction.DOWN, 0, 0,
                    "Both frames bearish, a squeeze releasing downwards and SuperTrend flipping bearish on LTF frames at "
                            + "the same bar.",
                    Rule.all(eq("state", BEAR_BEAR), eq("sq_release_ltf", -1), eq("st_flip_ltf", -1))),
            seed("htf_ltf_divergence_bear", "HTF/LTF bear divergence", Direction.DOWN, 0, 0,
                    "In a bear pullback (HTF bearish, LTF bullish) the HTF score keeps falling (< -5 over 5 days) while "
                            + "the LTF rises (> +5): an unsustainable bounce. The original's HTF <= 40 / LTF >= 55 were "
                            + "out of range.",
                    Rule.all(eq("state", BEAR_PULLBACK), lt("htf_change", -RISING), gt("ltf_change", RISING))),
            seed("high_completion_exhaustion", "High completion exhaustion", Direction.DOWN, 0, 0,
                    "The move is >= 70% of its target and the phase is stretched upwards (zone HIGH/EXTREME or "
                            + "phase_pct >= 0.7, original 70 on a 0..1 value, with phase > 0): an up move near its end, "
                            + "mean reversion likely.",
                    Rule.all(gte("completion", 0.7), any(in("phase_zone", "HIGH", "EXTREME"), gte("phase_pct", 0.7)),
                            gt("phase", 0))),
            seed("multi_signal_cluster", "Multi-signal cluster", Direction.NEUTRAL, 0, 0,
                    "A squeeze release and a SuperTrend flip on LTF frames at the same bar, or at least 3 of the 5 "
                            + "signal kinds: high volatility ahead, either way.",
                    any(Rule.all(truthy("sq_release_ltf"), truthy("st_flip_ltf")), gte("signal_count", 3))));

    private SeedPatterns() {
    }

    /** The 17 seed patterns: 9 UP, 7 DOWN, 1 NEUTRAL, in the order of MODEL_REFERENCE. */
    public static List<PatternDefinition> all() {
        return ALL;
    }

    /** The seed with this id. */
    public static Optional<PatternDefinition> byId(String id) {
        return ALL.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    private static PatternDefinition seed(String id, String name, Direction direction, double refRate, int refN,
                                          String description, Rule rule) {
        Optional<ReferenceRate> reference = refN > 0 ? Optional.of(new ReferenceRate(refRate, refN)) : Optional.empty();
        return new PatternDefinition(id, name, description, direction, PatternStatus.ACTIVE, 1, PatternOrigin.SEED,
                RuleValidator.requireValid(rule), PatternStats.EMPTY, reference);
    }
}
