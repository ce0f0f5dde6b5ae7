package io.edgeloop.core.snapshot;

import io.edgeloop.core.candle.Timeframe;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The registry of every snapshot field: the contract between the scoring engine (which fills a
 * {@link Snapshot}) and pattern rules (which read it). Ranges are the ranges the model can
 * produce, so a rule like {@code htf_score >= 55} is rejected as impossible.
 *
 * <p>Headline fields describe the ticker as a whole. Per-timeframe fields are named
 * {@code <base>_<tf>} (for example {@code st_flip_1h}, {@code sq_release_D}) for every
 * {@link Timeframe}; the frames a feed's profile does not have stay absent (NaN) and every
 * condition on an absent field is false. The {@code _ltf} and {@code _htf} aggregates hold the
 * value of any frame of that side (a flag set on any LTF frame sets {@code st_flip_ltf}).
 */
public final class Fields {

    public static final List<String> STATES = List.of(
            "HTF_BULL_LTF_BULL", "HTF_BULL_LTF_PULLBACK", "HTF_BEAR_LTF_BEAR", "HTF_BEAR_LTF_PULLBACK");
    public static final List<String> STAGES = List.of(
            "watch", "setup", "enter", "hold", "defend", "trim", "exit");
    public static final List<String> PHASE_ZONES = List.of("LOW", "MEDIUM", "HIGH", "EXTREME");

    private static final List<Field> ALL = new ArrayList<>();
    private static final Map<String, Field> BY_NAME = new LinkedHashMap<>();

    public static final Field HTF_SCORE = number("htf_score", -50, 50,
            "Higher-timeframe score: weighted blend of the profile's HTF frames, clamped to [-50, 50].");
    public static final Field LTF_SCORE = number("ltf_score", -50, 50,
            "Lower-timeframe score: weighted blend of the profile's LTF frames, clamped to [-50, 50].");
    public static final Field HTF_CHANGE = number("htf_change", -100, 100,
            "HTF score now minus HTF score 5 trading days ago (rising > +5, falling < -5).");
    public static final Field LTF_CHANGE = number("ltf_change", -100, 100,
            "LTF score now minus LTF score 5 trading days ago.");
    public static final Field STATE = category("state", STATES,
            "State quadrant: sign of HTF (>= 0 bull), then sign of LTF (>= 0 aligned, < 0 pullback).");
    public static final Field PREV_STATE = category("prev_state", STATES,
            "State quadrant at the previous LTF bar.");
    public static final Field STAGE = category("stage", STAGES,
            "Kanban stage after this bar. Set after the patterns are matched; no rule can read it.");
    public static final Field PREV_STAGE = category("prev_stage", STAGES, "Kanban stage before this bar.");
    public static final Field PHASE = number("phase", -300, 300,
            "Phase oscillator (EMA3 of the weighted stretch/momentum/volume blend) on the primary LTF frame, "
                    + "held to [-300, 300] (the blend's momentum term has no bound of its own).");
    public static final Field PHASE_PCT = number("phase_pct", 0, 1, "clamp(|phase| / 100, 0, 1).");
    public static final Field PHASE_ZONE = category("phase_zone", PHASE_ZONES,
            "|phase| > 100 EXTREME, > 61.8 HIGH, > 38.2 MEDIUM, else LOW.");
    public static final Field COMPLETION = number("completion", 0, 1,
            "Share of the current move's target travelled since its trigger (0..1).");
    public static final Field RANK = number("rank", 0, 100, "Opportunity rank, 0..100.");
    public static final Field MOMENTUM_ELITE = bool("momentum_elite",
            "Price >= 4, 30-day average volume >= 2M, 1-month change >= 25%, daily range sane.");
    public static final Field SIGNAL_COUNT = wholeNumber("signal_count", 0, 5,
            "How many of the 5 signal kinds (squeeze release, SuperTrend flip, EMA cross, momentum elite, "
                    + "compression) are set on any frame at this bar.");
    public static final Field CLOSE = number("close", Double.MIN_VALUE, Double.MAX_VALUE,
            "Close of the base bar (always above 0: the validator refuses other prices).");
    public static final Field RSI = number("rsi", 0, 100, "RSI(14) on the primary LTF frame.");
    public static final Field VOLUME_RATIO = number("volume_ratio", 0, Double.MAX_VALUE,
            "Volume / SMA20(volume) on the primary LTF frame.");
    public static final Field ATR_RATIO = number("atr_ratio", 0, Double.MAX_VALUE,
            "ATR14 / SMA20(ATR14) on the primary LTF frame.");
    public static final Field PNL_PCT = number("pnl_pct", -Double.MAX_VALUE, Double.MAX_VALUE,
            "Open paper position's profit in percent in its direction after this bar's kanban step; absent without a"
                    + " position. A long loses at most 100 %, a short without limit. Set after the patterns are matched;"
                    + " no rule can read it.");

    /** Per-timeframe field families, suffixed with a frame code, {@code ltf} or {@code htf}. */
    public enum Family {
        SQ_ON("sq_on", FieldType.BOOLEAN, "Squeeze on: both Bollinger(20, 2) bands inside Keltner(20, SMA, 1.5 ATR20)."),
        SQ_RELEASE("sq_release", FieldType.DIRECTION,
                "Squeeze released at this bar (on at the previous bar, off now); sign of momentum, 0 when none."),
        ST_DIR("st_dir", FieldType.DIRECTION, "SuperTrend(3, 10) direction: +1 bull, -1 bear."),
        ST_FLIP("st_flip", FieldType.DIRECTION, "SuperTrend direction changed at this bar: the new direction, 0 when none."),
        EMA_CROSS("ema_cross", FieldType.DIRECTION, "EMA13 crossed EMA48 at this bar: +1 up, -1 down, 0 none."),
        COMPRESSED("compressed", FieldType.BOOLEAN, "Bollinger(21) width inside +-2 ATR14 of EMA21."),
        TF_SCORE("score", FieldType.NUMBER, "This frame's own score before blending, in [-50, 50].");

        private final String base;
        private final FieldType type;
        private final String doc;

        Family(String base, FieldType type, String doc) {
            this.base = base;
            this.type = type;
            this.doc = doc;
        }

        public String base() {
            return base;
        }
    }

    private static final Map<Family, EnumMap<Timeframe, Field>> PER_TF = new EnumMap<>(Family.class);
    private static final Map<Family, Field> LTF = new EnumMap<>(Family.class);
    private static final Map<Family, Field> HTF = new EnumMap<>(Family.class);

    static {
        for (Family family : Family.values()) {
            EnumMap<Timeframe, Field> frames = new EnumMap<>(Timeframe.class);
            for (Timeframe tf : Timeframe.values()) {
                frames.put(tf, family(family, tf.code(), family.doc + " Frame " + tf.code() + "."));
            }
            PER_TF.put(family, frames);
            LTF.put(family, family(family, "ltf", family.doc + " Any LTF frame of the profile."));
            HTF.put(family, family(family, "htf", family.doc + " Any HTF frame of the profile."));
        }
    }

    private Fields() {
    }

    /**
     * Whether pattern rules may read the field. Not {@link #STAGE} and {@link #PNL_PCT}: the kanban
     * sets them after the patterns are matched, as it moves on the matches, so a rule on them would
     * be matched on other values than the snapshot reports. Every other field holds the same value
     * when the patterns are matched as in the published snapshot.
     */
    public static boolean ruleInput(Field field) {
        return field != STAGE && field != PNL_PCT;
    }

    /** Every field, in index order. */
    public static List<Field> all() {
        return Collections.unmodifiableList(ALL);
    }

    /** Number of fields, the length of a snapshot's value array. */
    public static int count() {
        return ALL.size();
    }

    public static Optional<Field> byName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    public static Field of(Family family, Timeframe tf) {
        return PER_TF.get(family).get(tf);
    }

    public static Field ltf(Family family) {
        return LTF.get(family);
    }

    public static Field htf(Family family) {
        return HTF.get(family);
    }

    private static Field family(Family family, String suffix, String doc) {
        double min = family.type == FieldType.NUMBER ? -50 : family.type == FieldType.DIRECTION ? -1 : 0;
        double max = family.type == FieldType.NUMBER ? 50 : 1;
        return register(family.base + "_" + suffix, family.type, min, max, family.type != FieldType.NUMBER, List.of(),
                doc);
    }

    private static Field number(String name, double min, double max, String doc) {
        return register(name, FieldType.NUMBER, min, max, false, List.of(), doc);
    }

    /** A count: a number that only takes whole values. */
    private static Field wholeNumber(String name, int min, int max, String doc) {
        return register(name, FieldType.NUMBER, min, max, true, List.of(), doc);
    }

    private static Field bool(String name, String doc) {
        return register(name, FieldType.BOOLEAN, 0, 1, true, List.of(), doc);
    }

    private static Field category(String name, List<String> categories, String doc) {
        return register(name, FieldType.CATEGORY, 0, categories.size() - 1, true, categories, doc);
    }

    private static Field register(String name, FieldType type, double min, double max, boolean integral,
                                  List<String> categories, String doc) {
        Field field = new Field(ALL.size(), name, type, min, max, integral, categories, doc);
        if (BY_NAME.putIfAbsent(name, field) != null) {
            throw new IllegalStateException("duplicate snapshot field " + name);
        }
        ALL.add(field);
        return field;
    }
}
