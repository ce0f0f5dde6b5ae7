package io.edgeloop.core.model;

import io.edgeloop.core.candle.Timeframe;

import java.util.Objects;

/**
 * Every threshold and weight of the scoring model, with the original model's values as defaults
 * (MODEL_REFERENCE; the places where edgeloop had to choose a value are marked "edgeloop").
 * Immutable; {@link #defaults()} is what the apps run unless configured otherwise.
 *
 * @param scores per-frame score thresholds
 * @param blend  frame weights of the HTF and LTF blends
 * @param move   completion target, change window and risk unit
 * @param elite  momentum-elite screen
 * @param rank   rank thresholds
 * @param kanban kanban thresholds
 */
public record ModelConfig(Scores scores, Blend blend, Move move, Elite elite, Rank rank, Kanban kanban) {

    private static final ModelConfig DEFAULTS = new ModelConfig(Scores.DEFAULTS, Blend.DEFAULTS, Move.DEFAULTS,
            Elite.DEFAULTS, Rank.DEFAULTS, Kanban.DEFAULTS);

    public ModelConfig {
        Objects.requireNonNull(scores, "scores");
        Objects.requireNonNull(blend, "blend");
        Objects.requireNonNull(move, "move");
        Objects.requireNonNull(elite, "elite");
        Objects.requireNonNull(rank, "rank");
        Objects.requireNonNull(kanban, "kanban");
    }

    /** The original model's thresholds (MODEL_REFERENCE). */
    public static ModelConfig defaults() {
        return DEFAULTS;
    }

    /**
     * Thresholds of the per-frame scores ({@link HtfScore}, {@link LtfScore}).
     *
     * @param phaseStretched     HTF: |phase| above this costs 3 points (61.8)
     * @param atrExpansion       HTF: ATR ratio above this, not compressed, adds 2 points (1.1)
     * @param volumeSurge        HTF regime: volume ratio above this adds 1 point (1.3)
     * @param volumeDry          HTF regime: volume ratio below this costs 0.5 (0.7)
     * @param momentumVolumeHigh HTF momentum: volume ratio above this adds 3 points (1.2)
     * @param momentumVolumeLow  HTF momentum: volume ratio below this costs 2 points (0.8)
     * @param releaseCap         LTF: cap of |mom| / momStd in the squeeze-release trigger (1.5)
     * @param supportDecay       LTF: SuperTrend support falls to 0 at this distance d (2)
     * @param rsiOverbought      LTF: RSI above this costs 4 points (70)
     * @param rsiOversold        LTF: RSI below this adds 4 points (30)
     */
    public record Scores(double phaseStretched, double atrExpansion, double volumeSurge, double volumeDry,
                         double momentumVolumeHigh, double momentumVolumeLow, double releaseCap,
                         double supportDecay, double rsiOverbought, double rsiOversold) {

        public static final Scores DEFAULTS = new Scores(61.8, 1.1, 1.3, 0.7, 1.2, 0.8, 1.5, 2.0, 70, 30);

        public Scores {
            positive(releaseCap, "scores.releaseCap");
            positive(supportDecay, "scores.supportDecay");
            if (!(rsiOversold < rsiOverbought)) {
                throw new IllegalArgumentException("scores.rsiOversold must be below scores.rsiOverbought");
            }
        }
    }

    /**
     * A blend weight per timeframe; 0 for a frame that takes no part.
     */
    public record FrameWeights(double m5, double m10, double m15, double m30, double h1, double h4,
                               double d, double w, double m) {

        public FrameWeights {
            for (double v : new double[] {m5, m10, m15, m30, h1, h4, d, w, m}) {
                if (!(v >= 0) || Double.isInfinite(v)) {
                    throw new IllegalArgumentException("frame weights must be finite and >= 0");
                }
            }
        }

        public double weight(Timeframe tf) {
            switch (tf) {
                case M5: return m5;
                case M10: return m10;
                case M15: return m15;
                case M30: return m30;
                case H1: return h1;
                case H4: return h4;
                case D1: return d;
                case W1: return w;
                default: return m;
            }
        }
    }

    /**
     * Volatility scaling of an HTF frame's weight: x {@code above} when the frame's ATR ratio is
     * above {@code threshold}, else x {@code otherwise} (x 1 while the ATR ratio is unknown).
     */
    public record VolatilityScale(double threshold, double above, double otherwise) {

        public static final VolatilityScale NONE = new VolatilityScale(Double.POSITIVE_INFINITY, 1, 1);

        public VolatilityScale {
            positive(above, "volatility scale above");
            positive(otherwise, "volatility scale otherwise");
        }

        public double factor(double atrRatio) {
            if (Double.isNaN(atrRatio)) {
                return 1;
            }
            return atrRatio > threshold ? above : otherwise;
        }
    }

    /**
     * Weights of the blends (MODEL_REFERENCE "HTF score" and "LTF score").
     *
     * <p>HTF: W .40, D .25, 4h .20, M .15, each scaled by its volatility rule (W x0.7 when its
     * ATR ratio &gt; 1.5 else x1.2; D x1.2 when &gt; 1.3 else x0.9; 4h x1.3 when &gt; 1.2 else
     * x0.8; M unscaled, edgeloop: the original gave no rule).
     *
     * <p>LTF: 30m .45, 10m .20, 5m .15, 1h .20 from the original; edgeloop adds 15m .15 (like
     * 5m), 4h .15 (an hourly feed's slower LTF frame, less than 1h) and D .10 (a daily feed's
     * only LTF frame, so its value does not matter). Both blends renormalise over the frames
     * that are present.
     */
    public record Blend(FrameWeights htf, FrameWeights ltf, VolatilityScale weekly, VolatilityScale daily,
                        VolatilityScale fourHour, VolatilityScale monthly) {

        public static final Blend DEFAULTS = new Blend(
                new FrameWeights(0, 0, 0, 0, 0, 0.20, 0.25, 0.40, 0.15),
                new FrameWeights(0.15, 0.20, 0.15, 0.45, 0.20, 0.15, 0.10, 0, 0),
                new VolatilityScale(1.5, 0.7, 1.2),
                new VolatilityScale(1.3, 1.2, 0.9),
                new VolatilityScale(1.2, 1.3, 0.8),
                VolatilityScale.NONE);

        public Blend {
            Objects.requireNonNull(htf, "blend.htf");
            Objects.requireNonNull(ltf, "blend.ltf");
            Objects.requireNonNull(weekly, "blend.weekly");
            Objects.requireNonNull(daily, "blend.daily");
            Objects.requireNonNull(fourHour, "blend.fourHour");
            Objects.requireNonNull(monthly, "blend.monthly");
        }

        /** The volatility rule of an HTF frame (none for intraday frames other than 4h). */
        public VolatilityScale scale(Timeframe tf) {
            switch (tf) {
                case W1: return weekly;
                case D1: return daily;
                case H4: return fourHour;
                case MN1: return monthly;
                default: return VolatilityScale.NONE;
            }
        }
    }

    /**
     * Move measurement (MODEL_REFERENCE "Phase, completion, rank").
     *
     * @param targetDailyAtr  a move's target is this many daily ATR14 from its trigger (1.618)
     * @param targetWeeklyAtr fallback target in weekly ATR14 while no daily ATR exists (2)
     * @param changeDays      htf_change / ltf_change look back this many trading days (5)
     * @param riskDailyAtr    edgeloop: risk unit (stop distance) in daily ATR14 when the primary
     *                        SuperTrend line is on the wrong side to serve as a stop (1)
     * @param freshTriggerDays a trigger is fresh for this many calendar days (7)
     */
    public record Move(double targetDailyAtr, double targetWeeklyAtr, int changeDays, double riskDailyAtr,
                       int freshTriggerDays) {

        public static final Move DEFAULTS = new Move(1.618, 2.0, 5, 1.0, 7);

        public Move {
            positive(targetDailyAtr, "move.targetDailyAtr");
            positive(targetWeeklyAtr, "move.targetWeeklyAtr");
            positive(riskDailyAtr, "move.riskDailyAtr");
            if (changeDays < 1 || changeDays > 64) {
                throw new IllegalArgumentException("move.changeDays must be 1..64, was " + changeDays);
            }
            if (freshTriggerDays < 1) {
                throw new IllegalArgumentException("move.freshTriggerDays must be >= 1, was " + freshTriggerDays);
            }
        }
    }

    /**
     * Momentum-elite screen (MODEL_REFERENCE "Flags"), on completed daily bars.
     *
     * @param minPrice         close at least this (4)
     * @param minAverageVolume average daily volume over {@code volumeDays} at least this (2M)
     * @param volumeDays       sessions in the volume average (30)
     * @param minMonthChange   close / close {@code monthSessions} sessions ago - 1 at least this (0.25)
     * @param monthSessions    sessions in one month (21, edgeloop)
     * @param maxDailyRange    edgeloop's "daily range sane": the session's (high - low) / close is
     *                         above 0 (the instrument trades) and at most this (0.20: no blow-off
     *                         or bad print)
     */
    public record Elite(double minPrice, double minAverageVolume, int volumeDays, double minMonthChange,
                       int monthSessions, double maxDailyRange) {

        public static final Elite DEFAULTS = new Elite(4, 2_000_000, 30, 0.25, 21, 0.20);

        public Elite {
            if (volumeDays < 1 || volumeDays > 260 || monthSessions < 1 || monthSessions > 260) {
                throw new IllegalArgumentException("elite.volumeDays and elite.monthSessions must be 1..260");
            }
            positive(maxDailyRange, "elite.maxDailyRange");
        }
    }

    /**
     * Rank thresholds ({@link RankScore}).
     *
     * @param recentCrossBars an EMA 13/48 cross on the primary frame is recent for this many of its bars (5)
     * @param goodRiskReward  risk/reward at least this adds 5 points (2)
     * @param fairRiskReward  risk/reward at least this adds 3 points (1.5)
     */
    public record Rank(int recentCrossBars, double goodRiskReward, double fairRiskReward) {

        public static final Rank DEFAULTS = new Rank(5, 2.0, 1.5);

        public Rank {
            if (recentCrossBars < 1) {
                throw new IllegalArgumentException("rank.recentCrossBars must be >= 1");
            }
        }
    }

    /**
     * Kanban thresholds (MODEL_REFERENCE "Kanban"); short entries use the mirrored values.
     *
     * @param maxCompletion        enter only while completion &lt;= this (0.5)
     * @param maxCompletionPullback ... or this in a pullback state (0.7)
     * @param minRiskReward        enter only with risk/reward &gt;= this (1.5)
     * @param pullbackMinHtf       pullback path: HTF at least this in the entry direction (10)
     * @param pullbackLtfLow       pullback path, long: LTF at least this (-25; short: LTF &lt;= 25)
     * @param pullbackLtfHigh      pullback path, long: LTF at most this (3; short: LTF &gt;= -3)
     * @param rankEntry            rank path: rank at least this (85)
     * @param eliteRank            momentum-elite path: rank at least this (70)
     * @param longCorridorLow      setup corridor, long: HTF &gt; 0 and LTF in [this, longCorridorHigh] (-10)
     * @param longCorridorHigh     (22)
     * @param shortCorridorLow     setup corridor, short: HTF &lt; 0 and LTF in [this, shortCorridorHigh] (-12)
     * @param shortCorridorHigh    (10)
     * @param patternConfidence    a pattern is confident above this posterior (0.55)
     * @param patternCount         this many confident patterns of one direction promote watch to setup (2)
     * @param patternMinHtf        ... with "strong scores": HTF at least this in that direction (15, edgeloop)
     * @param exitLossPct          exit at P&amp;L &lt;= this percent (-4)
     * @param defendLossPct        defend at P&amp;L &lt;= this percent (-2)
     * @param trimProfitPct        trim at P&amp;L &gt;= this percent (5)
     * @param trimCompletion       trim at completion &gt;= this (0.85)
     * @param trimRsiHigh          trim a long when the primary RSI &gt;= this (70; a short at &lt;= trimRsiLow)
     * @param trimRsiLow           (30)
     */
    public record Kanban(double maxCompletion, double maxCompletionPullback, double minRiskReward,
                         double pullbackMinHtf, double pullbackLtfLow, double pullbackLtfHigh,
                         double rankEntry, double eliteRank,
                         double longCorridorLow, double longCorridorHigh,
                         double shortCorridorLow, double shortCorridorHigh,
                         double patternConfidence, int patternCount, double patternMinHtf,
                         double exitLossPct, double defendLossPct, double trimProfitPct, double trimCompletion,
                         double trimRsiHigh, double trimRsiLow) {

        public static final Kanban DEFAULTS = new Kanban(0.5, 0.7, 1.5, 10, -25, 3, 85, 70,
                -10, 22, -12, 10, 0.55, 2, 15, -4, -2, 5, 0.85, 70, 30);

        public Kanban {
            scoreRange(pullbackMinHtf, "kanban.pullbackMinHtf");
            scoreRange(pullbackLtfLow, "kanban.pullbackLtfLow");
            scoreRange(pullbackLtfHigh, "kanban.pullbackLtfHigh");
            scoreRange(longCorridorLow, "kanban.longCorridorLow");
            scoreRange(longCorridorHigh, "kanban.longCorridorHigh");
            scoreRange(shortCorridorLow, "kanban.shortCorridorLow");
            scoreRange(shortCorridorHigh, "kanban.shortCorridorHigh");
            scoreRange(patternMinHtf, "kanban.patternMinHtf");
            if (rankEntry < 0 || rankEntry > 100 || eliteRank < 0 || eliteRank > 100) {
                throw new IllegalArgumentException("kanban.rankEntry and kanban.eliteRank must be in 0..100 (rank range)");
            }
            if (patternCount < 1) {
                throw new IllegalArgumentException("kanban.patternCount must be >= 1");
            }
            if (!(exitLossPct < defendLossPct && defendLossPct < 0 && trimProfitPct > 0)) {
                throw new IllegalArgumentException("kanban needs exitLossPct < defendLossPct < 0 < trimProfitPct");
            }
        }

        private static void scoreRange(double v, String name) {
            if (!(v >= -50 && v <= 50)) {
                throw new IllegalArgumentException(name + " must lie in the score range [-50, 50], was " + v);
            }
        }
    }

    private static void positive(double v, String name) {
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(name + " must be a finite number > 0, was " + v);
        }
    }
}
