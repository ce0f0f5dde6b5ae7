package io.edgeloop.core.model;

import io.edgeloop.core.candle.Timeframe;
import io.edgeloop.core.indicators.TimeframeBundle;
import io.edgeloop.core.snapshot.Fields;
import io.edgeloop.core.snapshot.Fields.Family;
import io.edgeloop.core.snapshot.Snapshot;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;

/**
 * The model-level state of one ticker above its indicator bundles, and the two per-bar steps:
 * {@link #score} fills a {@link Snapshot} from the frames as they stand (scores, state, flags,
 * phase, completion, rank, momentum elite), then, after the caller matched its patterns on that
 * snapshot, {@link #decide} moves the {@link Kanban} and completes the snapshot (stage, P&amp;L).
 *
 * <p>Snapshot fields and where they come from:
 * <ul>
 *   <li>{@code htf_score}, {@code ltf_score}: {@link HtfScore} / {@link LtfScore} per frame,
 *   blended over the profile's frames that have a score; {@code score_<tf>} per frame and
 *   {@code score_htf} / {@code score_ltf} = the blends.</li>
 *   <li>{@code state}, {@code prev_state}: {@link StateQuadrant}; {@code htf_change},
 *   {@code ltf_change}: {@link DailyHistory}.</li>
 *   <li>Per-frame flags {@code sq_on, sq_release, st_dir, st_flip, ema_cross, compressed} from
 *   each frame's bundle as it stands (a higher frame's forming bar included). Aggregates
 *   {@code _ltf} / {@code _htf}: booleans are 1 when any frame of the side is 1; directions take
 *   the finest frame of the side with a non-zero value (0 when all are 0); NaN when no frame of
 *   the side has a value yet.</li>
 *   <li>{@code phase}, {@code phase_pct}, {@code phase_zone}, {@code rsi}, {@code volume_ratio},
 *   {@code atr_ratio}: the primary LTF frame ({@link PhaseZone}).</li>
 *   <li>{@code completion}: {@link MoveTracker} in the HTF direction; {@code rank}:
 *   {@link RankScore}; {@code momentum_elite}: {@link DailyHistory}; {@code signal_count}: how
 *   many of squeeze release, SuperTrend flip, EMA cross (any frame, either direction), momentum
 *   elite and compression (any frame) are set.</li>
 *   <li>{@code stage}, {@code prev_stage}, {@code pnl_pct}: {@link Kanban}. Patterns are matched
 *   between the two steps, before the kanban moves: during matching both {@code stage} and
 *   {@code prev_stage} hold the stage carried into the bar.</li>
 * </ul>
 *
 * <p>Not thread-safe; allocation-free per bar. State serializes with {@link #write} /
 * {@link #read} ({@link #STATE_VERSION}).
 */
public final class TickerModel {

    /** Version of the serialized layout. */
    public static final int STATE_VERSION = 1;

    private static final Family[] FAMILIES = Family.values();
    private static final int SQ_ON = Family.SQ_ON.ordinal();
    private static final int SQ_RELEASE = Family.SQ_RELEASE.ordinal();
    private static final int ST_DIR = Family.ST_DIR.ordinal();
    private static final int ST_FLIP = Family.ST_FLIP.ordinal();
    private static final int EMA_CROSS = Family.EMA_CROSS.ordinal();
    private static final int COMPRESSED = Family.COMPRESSED.ordinal();
    private static final int TF_SCORE = Family.TF_SCORE.ordinal();

    private final Profile profile;
    private final ModelConfig config;
    private final Timeframe[] ltfFrames;
    private final Timeframe[] htfFrames;
    /** Snapshot indices of the per-frame fields, by timeframe ordinal then family ordinal. */
    private final int[][] frameFields;
    private final int[] ltfFields = new int[FAMILIES.length];
    private final int[] htfFields = new int[FAMILIES.length];
    private final double[] ltfAgg = new double[FAMILIES.length];
    private final double[] htfAgg = new double[FAMILIES.length];
    private static final int SIGNAL_RELEASE = 0;
    private static final int SIGNAL_FLIP = 1;
    private static final int SIGNAL_CROSS = 2;
    /** The directions the LTF frames' squeeze releases, SuperTrend flips and EMA crosses took, as {@link BarFacts} bits. */
    private final int[] ltfSignals = new int[3];
    private final FrameReading[] readings = new FrameReading[Timeframe.values().length];
    /** Per timeframe ordinal: its blend weight (LTF), or its base weight and volatility rule (HTF). */
    private final double[] frameWeights = new double[Timeframe.values().length];
    private final ModelConfig.VolatilityScale[] frameScales =
            new ModelConfig.VolatilityScale[Timeframe.values().length];

    private final DailyHistory daily;
    private final MoveTracker moves = new MoveTracker();
    private final Kanban kanban;
    private final BarFacts facts = new BarFacts();

    private StateQuadrant state;
    private StateQuadrant previousState;
    private boolean scored;

    public TickerModel(Profile profile, ModelConfig config) {
        this.profile = Objects.requireNonNull(profile, "profile");
        this.config = Objects.requireNonNull(config, "config");
        ltfFrames = profile.ltf().toArray(new Timeframe[0]);
        htfFrames = profile.htf().toArray(new Timeframe[0]);
        frameFields = new int[Timeframe.values().length][FAMILIES.length];
        for (Timeframe tf : Timeframe.values()) {
            for (Family family : FAMILIES) {
                frameFields[tf.ordinal()][family.ordinal()] = Fields.of(family, tf).index();
            }
        }
        for (Family family : FAMILIES) {
            ltfFields[family.ordinal()] = Fields.ltf(family).index();
            htfFields[family.ordinal()] = Fields.htf(family).index();
        }
        ModelConfig.Blend blend = config.blend();
        for (Timeframe tf : profile.frames()) {
            readings[tf.ordinal()] = new FrameReading();
            frameWeights[tf.ordinal()] = profile.isLtf(tf) ? blend.ltf().weight(tf) : blend.htf().weight(tf);
            frameScales[tf.ordinal()] = blend.scale(tf);
        }
        daily = new DailyHistory(config);
        kanban = new Kanban(config);
    }

    public Profile profile() {
        return profile;
    }

    public ModelConfig config() {
        return config;
    }

    /**
     * Records a completed session (a D bar that closed, or a daily base bar). Call it before
     * {@link #score} of the base bar that closed the session.
     */
    public void onSessionClose(double close, double volume) {
        daily.onSessionClose(close, volume);
    }

    /**
     * Scores one base bar: fills {@code out} (cleared first) with everything but the kanban's
     * outcome. Every frame of the profile must have a view in {@code in}.
     */
    public void score(ModelInput in, Snapshot out) {
        out.clear();
        long time = in.time();
        double close = in.close();
        daily.beginBar(in.sessionDay());
        double dailyAtr = in.view(Timeframe.D1).atr14();
        double weeklyAtr = in.view(Timeframe.W1).atr14();
        double target = dailyAtr > 0 ? config.move().targetDailyAtr() * dailyAtr
                : config.move().targetWeeklyAtr() * weeklyAtr;
        recordTriggers(in, time, target);

        double ltf = side(in, ltfFrames, true, dailyAtr, out, ltfAgg);
        double htf = side(in, htfFrames, false, dailyAtr, out, htfAgg);
        writeAggregates(out, ltfFields, ltfAgg, ltf);
        writeAggregates(out, htfFields, htfAgg, htf);
        FrameReading primary = readings[profile.primary().ordinal()];
        out.set(Fields.HTF_SCORE, htf);
        out.set(Fields.LTF_SCORE, ltf);
        out.set(Fields.HTF_CHANGE, daily.htfChange(htf));
        out.set(Fields.LTF_CHANGE, daily.ltfChange(ltf));

        previousState = scored ? state : null;
        scored = true;
        state = StateQuadrant.of(htf, ltf);
        if (state != null) {
            out.set(Fields.STATE, state.ordinal());
        }
        if (previousState != null) {
            out.set(Fields.PREV_STATE, previousState.ordinal());
        }

        double phase = primary.phase;
        // the blend's momentum term (mom / momStd) has no bound when the momentum's stdev is tiny:
        // the field holds its declared range (real data stays within +-260), zone and pct are unchanged
        out.set(Fields.PHASE, Math.max(Fields.PHASE.min(), Math.min(Fields.PHASE.max(), phase)));
        double phasePct = PhaseZone.pct(phase);
        out.set(Fields.PHASE_PCT, phasePct);
        PhaseZone zone = PhaseZone.of(phase);
        if (zone != null) {
            out.set(Fields.PHASE_ZONE, zone.ordinal());
        }
        out.set(Fields.RSI, primary.rsi14);
        out.set(Fields.VOLUME_RATIO, primary.volumeRatio);
        out.set(Fields.ATR_RATIO, primary.atrRatio);
        out.set(Fields.CLOSE, close);

        boolean elite = daily.elite(close, in.dayHigh(), in.dayLow(), in.dayClosedNow());
        out.set(Fields.MOMENTUM_ELITE, elite);
        int signals = (nonZero(ltfAgg[SQ_RELEASE]) || nonZero(htfAgg[SQ_RELEASE]) ? 1 : 0)
                + (nonZero(ltfAgg[ST_FLIP]) || nonZero(htfAgg[ST_FLIP]) ? 1 : 0)
                + (nonZero(ltfAgg[EMA_CROSS]) || nonZero(htfAgg[EMA_CROSS]) ? 1 : 0)
                + (elite ? 1 : 0)
                + (ltfAgg[COMPRESSED] == 1 || htfAgg[COMPRESSED] == 1 ? 1 : 0);
        out.set(Fields.SIGNAL_COUNT, signals);

        int dir = htf < 0 ? -1 : 1;
        double completion = Double.isNaN(htf) ? Double.NaN : moves.completion(dir, close);
        out.set(Fields.COMPLETION, completion);
        double riskUnit = config.move().riskDailyAtr() * (Double.isNaN(dailyAtr) ? primary.atr14 : dailyAtr);
        double riskReward = RiskReward.of(dir, close, moves.triggerPrice(dir), moves.target(dir), target,
                primary.stDir, primary.stLine, riskUnit);
        // the kanban and the rank ask whether any LTF frame signalled in a direction, not which
        // direction the finest signalling frame took (the _ltf fields): 1h and 4h may disagree
        int releaseLtf = ltfSignals[SIGNAL_RELEASE];
        boolean recentCross = moves.recentCross(dir, primary.bars, config.rank().recentCrossBars());
        double rank = RankScore.of(state, htf, ltf, completion, phasePct, BarFacts.in(releaseLtf, dir),
                ltfAgg[SQ_ON] == 1, elite, recentCross, riskReward, config.rank());
        out.set(Fields.RANK, rank);

        // What the patterns see of the kanban: the stage before this bar, as decide() reports it
        // (absent at the first bar). stage and pnl_pct are decide()'s outcome; no rule reads them.
        Stage carried = kanban.stage();
        out.set(Fields.STAGE, carried.ordinal());
        out.set(Fields.PREV_STAGE, kanban.started() ? carried.ordinal() : Double.NaN);

        facts.time = time;
        facts.close = close;
        facts.htf = htf;
        facts.ltf = ltf;
        facts.state = state;
        facts.rank = rank;
        facts.riskReward = riskReward;
        facts.elite = elite;
        facts.releaseLtf = releaseLtf;
        facts.flipLtf = ltfSignals[SIGNAL_FLIP];
        facts.crossLtf = ltfSignals[SIGNAL_CROSS];
        facts.primaryRsi = primary.rsi14;
        facts.primaryMom = primary.mom;
        facts.primaryStDir = primary.stDir;
        facts.primaryStLine = primary.stLine;
        facts.riskUnit = riskUnit;
        daily.endBar(htf, ltf);
    }

    /**
     * Moves the kanban on the scored bar, given the patterns that matched its snapshot, and
     * completes the snapshot: {@code stage}, {@code prev_stage} (absent at the first bar) and
     * {@code pnl_pct} (absent without a position).
     */
    public void decide(PatternMatches matches, Snapshot out) {
        if (!scored) {
            throw new IllegalStateException("decide needs a scored bar first");
        }
        kanban.step(facts, moves, matches);
        out.set(Fields.STAGE, kanban.stage().ordinal());
        Stage previous = kanban.previousStage();
        out.set(Fields.PREV_STAGE, previous == null ? Double.NaN : previous.ordinal());
        out.set(Fields.PNL_PCT, kanban.pnlPct());
    }

    private void recordTriggers(ModelInput in, long time, double target) {
        for (Timeframe tf : ltfFrames) {
            if (!in.closedNow(tf)) {
                continue;
            }
            TimeframeBundle v = in.closed(tf);
            int release = direction(v.sqReleaseDir());
            if (release != 0) {
                moves.onTrigger(release, time, v.close(), target);
            }
            int cross = direction(v.emaCross());
            if (cross != 0) {
                moves.onTrigger(cross, time, v.close(), target);
                if (tf == profile.primary()) {
                    moves.onPrimaryCross(cross, v.bars());
                }
            }
        }
    }

    /** Scores one side's frames, writes their per-frame fields, aggregates flags, returns the blend. */
    private double side(ModelInput in, Timeframe[] frames, boolean lower, double dailyAtr, Snapshot out,
                        double[] agg) {
        Arrays.fill(agg, Double.NaN);
        if (lower) {
            Arrays.fill(ltfSignals, 0);
        }
        ModelConfig.Scores scores = config.scores();
        double sum = 0;
        double weights = 0;
        for (Timeframe tf : frames) {
            int ordinal = tf.ordinal();
            FrameReading v = readings[ordinal].load(in.view(tf));
            double score = lower ? LtfScore.frame(v, dailyAtr, scores) : HtfScore.frame(v, scores);
            // HtfScore.weight: base weight x the frame's volatility factor, resolved once per frame
            double weight = lower ? frameWeights[ordinal]
                    : frameWeights[ordinal] * frameScales[ordinal].factor(v.atrRatio);
            if (!Double.isNaN(score) && weight > 0) {
                sum += weight * score;
                weights += weight;
            }
            int[] f = frameFields[ordinal];
            double sqOn = v.sqOn;
            double release = v.sqReleaseDir;
            double stDir = v.stDir;
            double flip = v.stFlip;
            double cross = v.emaCross;
            double compressed = v.compressed;
            out.set(f[SQ_ON], sqOn);
            out.set(f[SQ_RELEASE], release);
            out.set(f[ST_DIR], stDir);
            out.set(f[ST_FLIP], flip);
            out.set(f[EMA_CROSS], cross);
            out.set(f[COMPRESSED], compressed);
            out.set(f[TF_SCORE], score);
            agg[SQ_ON] = anyOn(agg[SQ_ON], sqOn);
            agg[COMPRESSED] = anyOn(agg[COMPRESSED], compressed);
            agg[SQ_RELEASE] = firstNonZero(agg[SQ_RELEASE], release);
            agg[ST_DIR] = firstNonZero(agg[ST_DIR], stDir);
            agg[ST_FLIP] = firstNonZero(agg[ST_FLIP], flip);
            agg[EMA_CROSS] = firstNonZero(agg[EMA_CROSS], cross);
            if (lower) {
                ltfSignals[SIGNAL_RELEASE] |= BarFacts.bit(release);
                ltfSignals[SIGNAL_FLIP] |= BarFacts.bit(flip);
                ltfSignals[SIGNAL_CROSS] |= BarFacts.bit(cross);
            }
        }
        return weights > 0 ? Signs.clamp(sum / weights, -50, 50) : Double.NaN;
    }

    private static void writeAggregates(Snapshot out, int[] fields, double[] agg, double blend) {
        for (int i = 0; i < fields.length; i++) {
            out.set(fields[i], i == TF_SCORE ? blend : agg[i]);
        }
    }

    private static double anyOn(double agg, double v) {
        if (v == 1) {
            return 1;
        }
        return v == 0 && Double.isNaN(agg) ? 0 : agg;
    }

    private static double firstNonZero(double agg, double v) {
        if (Double.isNaN(v)) {
            return agg;
        }
        return Double.isNaN(agg) || (agg == 0 && v != 0) ? v : agg;
    }

    private static boolean nonZero(double v) {
        return v != 0 && !Double.isNaN(v);
    }

    private static int direction(double v) {
        return v == 1 ? 1 : v == -1 ? -1 : 0;
    }

    /** The state quadrant of the last scored bar, null while a score is warming up. */
    public StateQuadrant state() {
        return state;
    }

    /** The state quadrant of the bar before the last scored one, null when unknown. */
    public StateQuadrant previousState() {
        return previousState;
    }

    /** True when the last bar flipped the HTF side between bull and bear states. */
    public boolean stateFlipped() {
        return state != null && previousState != null && state.htfSign() != previousState.htfSign();
    }

    /** The kanban lane and paper position, as of the last {@link #decide}. */
    public Kanban kanban() {
        return kanban;
    }

    /** Back to the state of a new instance, without allocating. */
    public void reset() {
        daily.reset();
        moves.reset();
        kanban.reset();
        state = null;
        previousState = null;
        scored = false;
    }

    /** Bytes {@link #write} puts. */
    public int size() {
        return Integer.BYTES * 3 + 1 + daily.size() + moves.size() + kanban.stateSize();
    }

    public void write(ByteBuffer buffer) {
        buffer.putInt(STATE_VERSION);
        buffer.putInt(state == null ? -1 : state.ordinal());
        buffer.putInt(previousState == null ? -1 : previousState.ordinal());
        buffer.put((byte) (scored ? 1 : 0));
        daily.write(buffer);
        moves.write(buffer);
        kanban.write(buffer);
    }

    /**
     * Replaces this model's state with one written by {@link #write} for the same profile and
     * configuration.
     *
     * @throws IllegalStateException on another format version or a corrupt state
     */
    public void read(ByteBuffer buffer) {
        int version = buffer.getInt();
        if (version != STATE_VERSION) {
            throw new IllegalStateException("TickerModel state has format version " + version
                    + ", this build reads version " + STATE_VERSION);
        }
        state = quadrant(buffer.getInt());
        previousState = quadrant(buffer.getInt());
        scored = buffer.get() == 1;
        daily.read(buffer);
        moves.read(buffer);
        kanban.read(buffer);
    }

    private static StateQuadrant quadrant(int index) {
        if (index < -1 || index > StateQuadrant.HTF_BEAR_LTF_PULLBACK.ordinal()) {
            throw new IllegalStateException("corrupt model state: state quadrant " + index);
        }
        return index < 0 ? null : StateQuadrant.ofIndex(index);
    }
}
