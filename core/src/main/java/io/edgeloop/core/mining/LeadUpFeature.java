package io.edgeloop.core.mining;

import java.util.Locale;
import java.util.function.Predicate;

/**
 * The yes/no lead-up features whose lift is measured: each one's UP share against the base
 * rate. All use only the lead-up and the start day (never the peak).
 */
public enum LeadUpFeature {
    HTF_RISING("HTF change over the lead-up > +threshold", f -> f.htf().rising()),
    HTF_FALLING("HTF change over the lead-up < -threshold", f -> f.htf().falling()),
    LTF_RISING("LTF change over the lead-up > +threshold", f -> f.ltf().rising()),
    LTF_FALLING("LTF change over the lead-up < -threshold", f -> f.ltf().falling()),
    SCORES_ALIGNED("HTF and LTF changed in the same direction", LeadUpFeatures::scoresAligned),
    SCORES_DIVERGING("one score rising while the other falls", LeadUpFeatures::scoresDiverging),
    HAD_BULL_BULL("state BULL/BULL on some lead-up day", f -> f.hadState(LeadUpFeatures.BULL_BULL)),
    HAD_BULL_PULLBACK("state BULL/PULLBACK on some lead-up day", f -> f.hadState(LeadUpFeatures.BULL_PULLBACK)),
    HAD_BEAR_BEAR("state BEAR/BEAR on some lead-up day", f -> f.hadState(LeadUpFeatures.BEAR_BEAR)),
    HAD_BEAR_PULLBACK("state BEAR/PULLBACK on some lead-up day", f -> f.hadState(LeadUpFeatures.BEAR_PULLBACK)),
    PULLBACK_TO_BULL("transition BULL/PULLBACK -> BULL/BULL",
            f -> f.hadTransition(LeadUpFeatures.BULL_PULLBACK, LeadUpFeatures.BULL_BULL)),
    START_BULL_BULL("start state BULL/BULL", f -> LeadUpFeatures.BULL_BULL.equals(f.startState())),
    START_BULL_PULLBACK("start state BULL/PULLBACK", f -> LeadUpFeatures.BULL_PULLBACK.equals(f.startState())),
    START_BEAR_BEAR("start state BEAR/BEAR", f -> LeadUpFeatures.BEAR_BEAR.equals(f.startState())),
    START_BEAR_PULLBACK("start state BEAR/PULLBACK", f -> LeadUpFeatures.BEAR_PULLBACK.equals(f.startState())),
    SQ_RELEASE_BULL("bull squeeze release in the lead-up", f -> f.leadUpFlags().sqReleaseBull() > 0),
    SQ_RELEASE_BEAR("bear squeeze release in the lead-up", f -> f.leadUpFlags().sqReleaseBear() > 0),
    ST_FLIP_BULL("SuperTrend flip to bull in the lead-up", f -> f.leadUpFlags().stFlipBull() > 0),
    ST_FLIP_BEAR("SuperTrend flip to bear in the lead-up", f -> f.leadUpFlags().stFlipBear() > 0),
    EMA_CROSS_UP("EMA13 crossed above EMA48 in the lead-up", f -> f.leadUpFlags().emaCrossUp() > 0),
    EMA_CROSS_DOWN("EMA13 crossed below EMA48 in the lead-up", f -> f.leadUpFlags().emaCrossDown() > 0),
    MOMENTUM_ELITE("momentum elite on some lead-up day", f -> f.leadUpFlags().momentumElite() > 0),
    COMPRESSED("compression on some lead-up day", f -> f.leadUpFlags().compressed() > 0),
    HIGH_PHASE_AT_START("phase zone HIGH or EXTREME on the start day", LeadUpFeatures::highPhaseAtStart);

    private final String description;
    private final Predicate<LeadUpFeatures> test;

    LeadUpFeature(String description, Predicate<LeadUpFeatures> test) {
        this.description = description;
        this.test = test;
    }

    /** Public name, lower case: {@code htf_rising}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String description() {
        return description;
    }

    public boolean test(LeadUpFeatures features) {
        return test.test(features);
    }
}
