package io.edgeloop.core.indicators;

import io.edgeloop.core.candle.Candle;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Every indicator the model reads on one timeframe of one ticker (MODEL_REFERENCE "Per-timeframe
 * bundle"), updated once per closed bar in O(1) without allocation:
 *
 * <ul>
 *   <li>EMAs 3/5/8/13/21/34/48/89/200 ({@code ta.ema}, SMA seed) and the 1-bar EMA48 slope;</li>
 *   <li>SuperTrend(factor 3, ATR 10) direction (+1 bull, -1 bear), line, flip, line slope;</li>
 *   <li>squeeze: Bollinger(20, 2) inside Keltner(20, SMA basis, 1.5 x ATR20), on and release;</li>
 *   <li>momentum {@code ta.linreg(close - ta.sma(close, 20), 20, 0)} and its 20-bar stdev;</li>
 *   <li>volume ratio volume / SMA20(volume); RSI14; ATR14; ATR ratio ATR14 / SMA20(ATR14);</li>
 *   <li>compression (Bollinger(21, 2) inside EMA21 +- 2 ATR14); EMA13/48 cross; phase oscillator.</li>
 * </ul>
 *
 * <p>Every accessor returns NaN until its indicator has warmed up (first values, as bar
 * indices from 0: ST 9, ATR14 13, RSI14 14, squeeze on / volume ratio 19, squeeze release /
 * compression 20, ATR ratio 32, momentum 38, EMA cross 48, momentum stdev 57, phase 59,
 * EMA200 199). Flags are doubles: 1/0 for booleans, +1/-1/0 for directions, NaN when unknown,
 * the {@code Snapshot} convention.
 *
 * <p>{@link #peek} evaluates a forming bar, as if it closed now, into a scratch bundle without
 * touching this one, so a higher timeframe can be read intraday without look-ahead.
 *
 * <p>Not thread-safe; one instance per ticker and timeframe. The state serializes to
 * {@link #size()} bytes, starting with {@link #STATE_VERSION}.
 *
 * <p>Each indicator also has a plain reference class of its own in the tests ({@code Atr},
 * {@code RollingStats}, {@code LinReg}, {@code SuperTrend}, ...), one Pine built-in each, checked
 * against ta4j and hand-computed cases; {@code FlatBundleParityTest} holds this bundle to them bit
 * for bit, peeks and stored states included.
 */
public final class TimeframeBundle implements IndicatorState {

    /** Version of the serialized layout; bumped whenever a field or length changes. */
    public static final int STATE_VERSION = 1;

    /** A never-updated bundle that {@link #reset()} copies from; only ever read. */
    private static final TimeframeBundle PRISTINE = new TimeframeBundle();

    // ---- Exponential averages (ta.ema / ta.rma with SMA seed): slot k of the average arrays.
    private static final int EMA3 = 0;
    private static final int EMA13 = 3;
    private static final int EMA21 = 4;
    private static final int EMA48 = 6;
    private static final int EMA200 = 8;
    /** The nine EMAs of the close occupy slots 0 to 8. */
    private static final int CLOSE_EMAS = 9;
    private static final int RSI_UP = 9;
    private static final int RSI_DOWN = 10;
    private static final int ATR14 = 11;
    private static final int ST_ATR = 12;
    private static final int SQ_ATR = 13;
    private static final int PHASE = 14;
    private static final int AVERAGES = 15;
    private static final int[] AVG_LENGTH = {3, 5, 8, 13, 21, 34, 48, 89, 200, 14, 14, 14, 10, 20, 3};
    private static final double[] ALPHA = new double[AVERAGES];
    private static final double[] BETA = new double[AVERAGES];

    // ---- Rolling mean / population stdev (ta.sma / ta.stdev): slot k of the rolling arrays.
    private static final int SQ_BB = 0;
    private static final int MOM_DISPERSION = 1;
    private static final int VOLUME = 2;
    private static final int ATR_AVG = 3;
    private static final int COMP_BB = 4;
    private static final int ROLLING = 5;
    private static final int[] ROLL_LENGTH = {20, 20, 20, 20, 21};
    private static final int[] ROLL_RING = {0, 20, 40, 60, 80};
    private static final int LINREG_RING = 101;
    private static final int LINREG_LENGTH = 20;
    private static final int RING_SIZE = LINREG_RING + LINREG_LENGTH;
    private static final double LINREG_SUM_X;
    private static final double LINREG_DENOMINATOR;

    private static final double ST_FACTOR = 3.0;
    private static final double BB_MULT = 2.0;
    private static final double KC_MULT = 1.5;
    private static final double COMP_ATR_MULT = 2.0;

    // ---- Layout of d[] (every double of the state) and n[] (every int counter). The SuperTrend,
    // squeeze, compression and cross runs keep the order in which write() stores them.
    private static final int AVG_VALUE = 0;
    private static final int AVG_SEED_SUM = AVG_VALUE + AVERAGES;
    private static final int ROLL_SHIFT = AVG_SEED_SUM + AVERAGES;
    private static final int ROLL_SUM = ROLL_SHIFT + ROLLING;
    private static final int ROLL_SUM_SQ = ROLL_SUM + ROLLING;
    private static final int ROLL_MEAN = ROLL_SUM_SQ + ROLLING;
    private static final int ROLL_MEAN_OFFSET = ROLL_MEAN + ROLLING;
    private static final int ROLL_STDEV = ROLL_MEAN_OFFSET + ROLLING;
    private static final int CLOSE = ROLL_STDEV + ROLLING;
    private static final int PREV_EMA48 = CLOSE + 1;
    private static final int PREV_ST_LINE = PREV_EMA48 + 1;
    private static final int RSI_PREV = PREV_ST_LINE + 1;
    private static final int RSI_VALUE = RSI_PREV + 1;
    private static final int TR_PREV_CLOSE = RSI_VALUE + 1;
    private static final int TR_VALUE = TR_PREV_CLOSE + 1;
    private static final int ST_PREV_CLOSE = TR_VALUE + 1;
    private static final int ST_LOWER = ST_PREV_CLOSE + 1;
    private static final int ST_UPPER = ST_LOWER + 1;
    private static final int ST_LINE = ST_UPPER + 1;
    private static final int ST_ATR_VALUE = ST_LINE + 1;
    private static final int ST_DIR = ST_ATR_VALUE + 1;
    private static final int ST_PREV_DIR = ST_DIR + 1;
    private static final int SQ_ON = ST_PREV_DIR + 1;
    private static final int SQ_PREV_ON = SQ_ON + 1;
    private static final int LR_SUM_Y = SQ_PREV_ON + 1;
    private static final int LR_SUM_XY = LR_SUM_Y + 1;
    private static final int LR_VALUE = LR_SUM_XY + 1;
    private static final int VOL_CURRENT = LR_VALUE + 1;
    private static final int VOL_RATIO = VOL_CURRENT + 1;
    private static final int ATR_CURRENT = VOL_RATIO + 1;
    private static final int ATR_RATIO = ATR_CURRENT + 1;
    private static final int COMP_EMA = ATR_RATIO + 1;
    private static final int COMP_ATR = COMP_EMA + 1;
    private static final int COMP_VALUE = COMP_ATR + 1;
    private static final int CROSS_A = COMP_VALUE + 1;
    private static final int CROSS_B = CROSS_A + 1;
    private static final int CROSS_PREV_A = CROSS_B + 1;
    private static final int CROSS_PREV_B = CROSS_PREV_A + 1;
    private static final int CROSS_VALUE = CROSS_PREV_B + 1;
    private static final int DOUBLES = CROSS_VALUE + 1;

    private static final int AVG_SEED_COUNT = 0;
    private static final int ROLL_HEAD = AVG_SEED_COUNT + AVERAGES;
    private static final int ROLL_COUNT = ROLL_HEAD + ROLLING;
    private static final int ROLL_SINCE = ROLL_COUNT + ROLLING;
    private static final int LR_HEAD = ROLL_SINCE + ROLLING;
    private static final int LR_COUNT = LR_HEAD + 1;
    private static final int LR_SINCE = LR_COUNT + 1;
    private static final int INTS = LR_SINCE + 1;

    /** Bytes of one serialized average, rolling window (plus its length), true range and regression. */
    private static final int AVG_BYTES = Integer.BYTES * 2 + Double.BYTES * 2;
    private static final int TR_BYTES = Double.BYTES * 2;
    private static final int ATR_BYTES = TR_BYTES + AVG_BYTES;
    private static final int SIZE;

    static {
        for (int k = 0; k < AVERAGES; k++) {
            boolean wilder = k >= RSI_UP && k <= SQ_ATR;
            ALPHA[k] = wilder ? 1.0 / AVG_LENGTH[k] : 2.0 / (AVG_LENGTH[k] + 1);
            BETA[k] = 1 - ALPHA[k];
        }
        double n = LINREG_LENGTH;
        LINREG_SUM_X = n * (n - 1) / 2;
        double sumXX = (n - 1) * n * (2 * n - 1) / 6;
        LINREG_DENOMINATOR = n * sumXX - LINREG_SUM_X * LINREG_SUM_X;
        SIZE = Integer.BYTES + Long.BYTES + Double.BYTES * 3
                + AVG_BYTES * CLOSE_EMAS
                + AVG_BYTES * 2 + Double.BYTES
                + ATR_BYTES
                + ATR_BYTES + Double.BYTES * 7
                + rollingBytes(SQ_BB) + ATR_BYTES + Double.BYTES * 2
                + Integer.BYTES * 4 + Double.BYTES * (2 + LINREG_LENGTH) + rollingBytes(MOM_DISPERSION)
                + rollingBytes(VOLUME) + Double.BYTES
                + rollingBytes(ATR_AVG) + Double.BYTES
                + rollingBytes(COMP_BB) + Double.BYTES * 2
                + Double.BYTES * 4
                + AVG_BYTES;
    }

    /** Every double of the state, laid out by the constants above. */
    private final double[] d = new double[DOUBLES];
    /** Every int counter of the state. */
    private final int[] n = new int[INTS];
    /** The ring buffers of the five rolling windows and of the regression. */
    private final double[] ring = new double[RING_SIZE];

    private long bars;
    /**
     * True once every average but the EMAs of the close is seeded and every window full
     * ({@link #computeWarm}, bar 57 at the latest): from then on {@link #step} takes
     * {@link #stepWarm}, the same arithmetic without the warm-up checks. The EMAs of the close are
     * left out because EMA200 seeds only at bar 199, which a weekly frame reaches after about
     * four years; the warm step seeds them as the warming-up step does, with one check.
     * Derived from the counters, so not stored; it only turns false again through a reset, a copy
     * or a read of a younger state (each sets it from the source).
     */
    private boolean warm;
    /** Bumped by every change of state, so a scratch bundle can tell whether its source moved. */
    private long version;
    /** The bundle this one holds a peek of (its state plus one bar), or null. */
    private TimeframeBundle peekedFrom;
    /** {@link #version} of {@link #peekedFrom} when this bundle took the peek. */
    private long peekedVersion;

    public TimeframeBundle() {
        Arrays.fill(d, Double.NaN);
        for (int k = 0; k < AVERAGES; k++) {
            d[AVG_SEED_SUM + k] = 0;
        }
        for (int k = 0; k < ROLLING; k++) {
            d[ROLL_SHIFT + k] = 0;
            d[ROLL_SUM + k] = 0;
            d[ROLL_SUM_SQ + k] = 0;
        }
        d[LR_SUM_Y] = 0;
        d[LR_SUM_XY] = 0;
    }

    private static int rollingBytes(int k) {
        return Integer.BYTES * 4 + Double.BYTES * (3 + ROLL_LENGTH[k]);
    }

    /**
     * Adds one closed bar.
     *
     * @throws IllegalArgumentException when a value is not finite, high is below low or the
     *                                  volume is negative (the state is left unchanged)
     */
    public void update(double open, double high, double low, double close, double volume) {
        check(open, high, low, close, volume);
        changed();
        step(ring, high, low, close, volume);
    }

    private static void check(double open, double high, double low, double close, double volume) {
        if (!(Double.isFinite(open) && Double.isFinite(high) && Double.isFinite(low) && Double.isFinite(close)
                && Double.isFinite(volume) && high >= low && volume >= 0)) {
            throw new IllegalArgumentException("bad bar for indicators: open=" + open + " high=" + high
                    + " low=" + low + " close=" + close + " volume=" + volume
                    + " (need finite values, high >= low, volume >= 0)");
        }
    }

    /**
     * One bar through every indicator, in the order of their dependencies; inputs are valid.
     * {@code before} holds the ring buffers' values before the bar: {@link #ring} itself on an
     * update, the source's rings on a {@link #peek}, whose scratch may still hold the slots of
     * the peek before (the only slots a bar writes); values leaving a window are read there.
     */
    private void step(double[] before, double high, double low, double close, double volume) {
        if (warm) {
            stepWarm(before, high, low, close, volume);
            return;
        }
        stepWarmingUp(before, high, low, close, volume);
        warm = computeWarm();
    }

    /**
     * {@link #stepWarmingUp} once {@link #warm}: every average seeded but perhaps the EMAs of the
     * close, every window full, so the seeding and filling branches are gone and each window takes
     * its full-window step. The same operations in the same order, so the same bits.
     */
    private void stepWarm(double[] before, double high, double low, double close, double volume) {
        double[] s = d;
        s[PREV_EMA48] = s[AVG_VALUE + EMA48];
        s[PREV_ST_LINE] = Double.isNaN(s[ST_DIR]) ? Double.NaN : s[ST_LINE];
        closeEmas(close);
        // rsi: the previous close exists once the RSI averages are seeded
        double prev = s[RSI_PREV];
        seeded(RSI_UP, Math.max(close - prev, 0));
        seeded(RSI_DOWN, Math.max(prev - close, 0));
        s[RSI_PREV] = close;
        double u = s[AVG_VALUE + RSI_UP];
        double dn = s[AVG_VALUE + RSI_DOWN];
        s[RSI_VALUE] = dn == 0 ? 100 : u == 0 ? 0 : 100 - 100 / (1 + u / dn);
        // true range: the previous close exists
        double range = high - low;
        double prevClose = s[TR_PREV_CLOSE];
        double tr = Math.max(Math.max(range, Math.abs(high - prevClose)), Math.abs(low - prevClose));
        s[TR_VALUE] = tr;
        s[TR_PREV_CLOSE] = close;
        seeded(ATR14, tr);
        double atr = s[AVG_VALUE + ATR14];
        superTrend(high, low, close, tr);
        rollFull(before, SQ_BB, close, true);
        seeded(SQ_ATR, tr);
        // squeeze: both inputs warm
        s[SQ_PREV_ON] = s[SQ_ON];
        double basis = s[ROLL_MEAN + SQ_BB];
        double sqStdev = s[ROLL_STDEV + SQ_BB];
        double sqAtr = s[AVG_VALUE + SQ_ATR];
        s[SQ_ON] = basis - BB_MULT * sqStdev > basis - KC_MULT * sqAtr
                && basis + BB_MULT * sqStdev < basis + KC_MULT * sqAtr ? 1 : 0;
        linReg(before, close - basis);
        if (n[LR_COUNT] != LINREG_LENGTH) {
            // a NaN emptied the regression (only on overflowing prices): warming up again
            warm = false;
        }
        rollFull(before, MOM_DISPERSION, s[LR_VALUE], true);
        rollFull(before, VOLUME, volume, false);
        rollFull(before, ATR_AVG, atr, false);
        rollFull(before, COMP_BB, close, true);
        finish(close, volume, atr);
    }

    /** The nine EMAs of the close. */
    private void closeEmas(double close) {
        if (n[AVG_SEED_COUNT + EMA200] == AVG_LENGTH[EMA200]) {
            // The nine EMAs see every close from the first bar, so once the longest is seeded all
            // are: the recursion alone, no seed bookkeeping.
            double[] s = d;
            for (int k = 0; k < CLOSE_EMAS; k++) {
                s[AVG_VALUE + k] = ALPHA[k] * close + BETA[k] * s[AVG_VALUE + k];
            }
        } else {
            for (int k = 0; k < CLOSE_EMAS; k++) {
                average(k, close);
            }
        }
    }

    /**
     * Every average but the EMAs of the close seeded, every rolling window and the regression
     * full (see {@link #warm}).
     */
    private boolean computeWarm() {
        for (int k = CLOSE_EMAS; k < AVERAGES; k++) {
            if (!averageWarm(k)) {
                return false;
            }
        }
        for (int k = 0; k < ROLLING; k++) {
            if (!rollWarm(k)) {
                return false;
            }
        }
        return n[LR_COUNT] == LINREG_LENGTH && !Double.isNaN(d[RSI_PREV]) && !Double.isNaN(d[TR_PREV_CLOSE]);
    }

    /** The bar through every indicator while some are still warming up. */
    private void stepWarmingUp(double[] before, double high, double low, double close, double volume) {
        double[] s = d;
        s[PREV_EMA48] = s[AVG_VALUE + EMA48];
        s[PREV_ST_LINE] = Double.isNaN(s[ST_DIR]) ? Double.NaN : s[ST_LINE];
        closeEmas(close);
        rsi(close);
        double tr = trueRange(high, low, close);
        average(ATR14, tr);
        double atr = s[AVG_VALUE + ATR14];
        superTrend(high, low, close, tr);
        roll(before, SQ_BB, close, true);
        average(SQ_ATR, tr);
        squeeze();
        linReg(before, close - s[ROLL_MEAN + SQ_BB]);
        roll(before, MOM_DISPERSION, s[LR_VALUE], true);
        roll(before, VOLUME, volume, false);
        roll(before, ATR_AVG, atr, false);
        roll(before, COMP_BB, close, true);
        finish(close, volume, atr);
    }

    /**
     * The rest of a bar once its four remaining windows (momentum dispersion, volume, ATR, the
     * compression band) took their value: the ratios, compression, the cross, the phase and the
     * close. None of these feeds a window, so the windows can go first.
     */
    private void finish(double close, double volume, double atr) {
        double[] s = d;
        double volumeMean = s[ROLL_MEAN + VOLUME];
        s[VOL_CURRENT] = volume;
        s[VOL_RATIO] = volumeMean == 0 ? Double.NaN : volume / volumeMean;
        double atrMean = s[ROLL_MEAN + ATR_AVG];
        s[ATR_CURRENT] = atr;
        s[ATR_RATIO] = atrMean == 0 ? Double.NaN : atr / atrMean;
        double ema21 = s[AVG_VALUE + EMA21];
        s[COMP_EMA] = ema21;
        s[COMP_ATR] = atr;
        s[COMP_VALUE] = compression();
        s[CROSS_PREV_A] = s[CROSS_A];
        s[CROSS_PREV_B] = s[CROSS_B];
        s[CROSS_A] = s[AVG_VALUE + EMA13];
        s[CROSS_B] = s[AVG_VALUE + EMA48];
        s[CROSS_VALUE] = cross();
        phase(close, ema21, atr, s[LR_VALUE], s[ROLL_STDEV + MOM_DISPERSION], volumeMean, s[VOL_RATIO]);
        s[CLOSE] = close;
        bars++;
    }

    /** {@code ta.ema} / {@code ta.rma} with the SMA seed; NaN input is skipped. */
    private void average(int k, double x) {
        if (Double.isNaN(x)) {
            return;
        }
        int length = AVG_LENGTH[k];
        int seeded = n[AVG_SEED_COUNT + k];
        if (seeded < length) {
            double sum = d[AVG_SEED_SUM + k] + x;
            d[AVG_SEED_SUM + k] = sum;
            n[AVG_SEED_COUNT + k] = ++seeded;
            if (seeded == length) {
                d[AVG_VALUE + k] = sum / length;
            }
            return;
        }
        d[AVG_VALUE + k] = ALPHA[k] * x + BETA[k] * d[AVG_VALUE + k];
    }

    /** {@link #average} of a seeded average (NaN input skipped). */
    private void seeded(int k, double x) {
        if (Double.isNaN(x)) {
            return;
        }
        d[AVG_VALUE + k] = ALPHA[k] * x + BETA[k] * d[AVG_VALUE + k];
    }

    private boolean averageWarm(int k) {
        return n[AVG_SEED_COUNT + k] == AVG_LENGTH[k];
    }

    private void rsi(double x) {
        double prev = d[RSI_PREV];
        if (!Double.isNaN(prev)) {
            average(RSI_UP, Math.max(x - prev, 0));
            average(RSI_DOWN, Math.max(prev - x, 0));
        }
        d[RSI_PREV] = x;
        d[RSI_VALUE] = rsiValue();
    }

    private double rsiValue() {
        if (!averageWarm(RSI_DOWN)) {
            return Double.NaN;
        }
        double u = d[AVG_VALUE + RSI_UP];
        double dn = d[AVG_VALUE + RSI_DOWN];
        if (dn == 0) {
            return 100;
        }
        if (u == 0) {
            return 0;
        }
        return 100 - 100 / (1 + u / dn);
    }

    /** The true range, shared by ATR14, the SuperTrend's ATR10 and the squeeze's ATR20. */
    private double trueRange(double high, double low, double close) {
        double range = high - low;
        double prevClose = d[TR_PREV_CLOSE];
        double value = Double.isNaN(prevClose) ? range
                : Math.max(Math.max(range, Math.abs(high - prevClose)), Math.abs(low - prevClose));
        d[TR_VALUE] = value;
        d[TR_PREV_CLOSE] = close;
        return value;
    }

    private void superTrend(double high, double low, double close, double tr) {
        double[] s = d;
        double prevAtr = s[ST_ATR_VALUE];
        average(ST_ATR, tr);
        double a = s[AVG_VALUE + ST_ATR];
        double src = (high + low) / 2;
        double upper = src + ST_FACTOR * a;
        double lower = src - ST_FACTOR * a;
        double prevLower = nz(s[ST_LOWER]);
        double prevUpper = nz(s[ST_UPPER]);
        double prevClose = s[ST_PREV_CLOSE];
        lower = lower > prevLower || prevClose < prevLower ? lower : prevLower;
        upper = upper < prevUpper || prevClose > prevUpper ? upper : prevUpper;
        int pineDir;
        if (Double.isNaN(prevAtr)) {
            pineDir = 1;
        } else if (s[ST_LINE] == prevUpper) {
            pineDir = close > upper ? -1 : 1;
        } else {
            pineDir = close < lower ? 1 : -1;
        }
        s[ST_LINE] = pineDir == -1 ? lower : upper;
        s[ST_LOWER] = lower;
        s[ST_UPPER] = upper;
        s[ST_ATR_VALUE] = a;
        s[ST_PREV_CLOSE] = close;
        s[ST_PREV_DIR] = s[ST_DIR];
        s[ST_DIR] = Double.isNaN(a) ? Double.NaN : -pineDir;
    }

    private static double nz(double v) {
        return Double.isNaN(v) ? 0 : v;
    }

    private void squeeze() {
        double[] s = d;
        s[SQ_PREV_ON] = s[SQ_ON];
        if (rollWarm(SQ_BB) && averageWarm(SQ_ATR)) {
            double basis = s[ROLL_MEAN + SQ_BB];
            double stdev = s[ROLL_STDEV + SQ_BB];
            double atr = s[AVG_VALUE + SQ_ATR];
            s[SQ_ON] = basis - BB_MULT * stdev > basis - KC_MULT * atr
                    && basis + BB_MULT * stdev < basis + KC_MULT * atr ? 1 : 0;
        } else {
            s[SQ_ON] = Double.NaN;
        }
    }

    private double compression() {
        double[] s = d;
        double ema = s[COMP_EMA];
        double atr = s[COMP_ATR];
        if (!rollWarm(COMP_BB) || Double.isNaN(ema) || Double.isNaN(atr)) {
            return Double.NaN;
        }
        double half = COMP_ATR_MULT * atr;
        double mean = s[ROLL_MEAN + COMP_BB];
        double stdev = s[ROLL_STDEV + COMP_BB];
        return mean - BB_MULT * stdev > ema - half && mean + BB_MULT * stdev < ema + half ? 1 : 0;
    }

    private double cross() {
        double[] s = d;
        return Cross.of(s[CROSS_A], s[CROSS_B], s[CROSS_PREV_A], s[CROSS_PREV_B]);
    }

    /**
     * The phase oscillator's bar; {@code volumeRatio} is the bar's {@code volume / volumeAvg}
     * (computed once for the volume ratio, the same division).
     */
    private void phase(double close, double ema21, double atr14, double mom, double momStd, double volumeAvg,
                       double volumeRatio) {
        if (Double.isNaN(ema21) || Double.isNaN(atr14) || Double.isNaN(mom) || Double.isNaN(momStd)
                || Double.isNaN(volumeAvg)) {
            return;
        }
        double stretch = atr14 == 0 ? 0 : (close - ema21) / (3 * atr14) * 100;
        double momZ = momStd == 0 ? 0 : (mom / momStd) * 20;
        double vol = volumeAvg == 0 ? 0 : (volumeRatio - 1) * 30;
        average(PHASE, 0.6 * stretch + 0.3 * momZ + 0.1 * vol);
    }

    /**
     * Rolling window k: the shifted-data sums of {@code RollingStats}, resynchronised from the
     * ring every length values; NaN input is skipped. Keeps the mean, and the stdev when asked.
     * {@code before}: see {@link #step}.
     */
    private void roll(double[] before, int k, double x, boolean withStdev) {
        if (Double.isNaN(x)) {
            return;
        }
        int length = ROLL_LENGTH[k];
        int count = n[ROLL_COUNT + k];
        if (count == length) {
            rollFull(before, k, x, withStdev);
            return;
        }
        double[] s = d;
        if (count == 0) {
            s[ROLL_SHIFT + k] = x;
        }
        ring[ROLL_RING[k] + count] = x;
        n[ROLL_COUNT + k] = ++count;
        double dx = x - s[ROLL_SHIFT + k];
        s[ROLL_SUM + k] += dx;
        s[ROLL_SUM_SQ + k] += dx * dx;
        rollStats(k, withStdev);
    }

    /** {@link #roll} of a full window: the oldest value out (read in {@code before}), x in, the mean (and stdev). */
    private void rollFull(double[] before, int k, double x, boolean withStdev) {
        if (Double.isNaN(x)) {
            return;
        }
        double[] s = d;
        int length = ROLL_LENGTH[k];
        int base = ROLL_RING[k];
        int head = n[ROLL_HEAD + k];
        double out = before[base + head];
        ring[base + head] = x;
        n[ROLL_HEAD + k] = head + 1 == length ? 0 : head + 1;
        double shift = s[ROLL_SHIFT + k];
        double din = x - shift;
        double dout = out - shift;
        double sum = s[ROLL_SUM + k] + (din - dout);
        double sumSq = s[ROLL_SUM_SQ + k] + (din * din - dout * dout);
        s[ROLL_SUM + k] = sum;
        s[ROLL_SUM_SQ + k] = sumSq;
        if (++n[ROLL_SINCE + k] == length) {
            resync(k);
            shift = s[ROLL_SHIFT + k];
            sum = s[ROLL_SUM + k];
            sumSq = s[ROLL_SUM_SQ + k];
        }
        double m = sum / length;
        s[ROLL_MEAN_OFFSET + k] = m;
        s[ROLL_MEAN + k] = shift + m;
        if (withStdev) {
            double variance = sumSq / length - m * m;
            s[ROLL_STDEV + k] = variance > 0 ? Math.sqrt(variance) : 0;
        }
    }

    /** Mean (and stdev) of window k from its sums, NaN until it is full. */
    private void rollStats(int k, boolean withStdev) {
        double[] s = d;
        int length = ROLL_LENGTH[k];
        if (n[ROLL_COUNT + k] < length) {
            s[ROLL_MEAN + k] = Double.NaN;
            s[ROLL_STDEV + k] = Double.NaN;
            return;
        }
        double m = s[ROLL_SUM + k] / length;
        s[ROLL_MEAN_OFFSET + k] = m;
        s[ROLL_MEAN + k] = s[ROLL_SHIFT + k] + m;
        if (withStdev) {
            double variance = s[ROLL_SUM_SQ + k] / length - m * m;
            s[ROLL_STDEV + k] = variance > 0 ? Math.sqrt(variance) : 0;
        }
    }

    private void resync(int k) {
        int length = ROLL_LENGTH[k];
        int base = ROLL_RING[k];
        double total = 0;
        for (int i = 0; i < length; i++) {
            total += ring[base + i];
        }
        double shift = total / length;
        double sum = 0;
        double sumSq = 0;
        for (int i = 0; i < length; i++) {
            double dx = ring[base + i] - shift;
            sum += dx;
            sumSq += dx * dx;
        }
        d[ROLL_SHIFT + k] = shift;
        d[ROLL_SUM + k] = sum;
        d[ROLL_SUM_SQ + k] = sumSq;
        n[ROLL_SINCE + k] = 0;
    }

    private boolean rollWarm(int k) {
        return n[ROLL_COUNT + k] == ROLL_LENGTH[k];
    }

    /**
     * {@code ta.linreg(y, 20, 0)} as {@code LinReg}: a NaN input empties the window.
     * {@code before}: see {@link #step}.
     */
    private void linReg(double[] before, double y) {
        double[] s = d;
        int length = LINREG_LENGTH;
        if (Double.isNaN(y)) {
            n[LR_HEAD] = 0;
            n[LR_COUNT] = 0;
            n[LR_SINCE] = 0;
            s[LR_SUM_Y] = 0;
            s[LR_SUM_XY] = 0;
            s[LR_VALUE] = Double.NaN;
            return;
        }
        int count = n[LR_COUNT];
        if (count < length) {
            ring[LINREG_RING + count] = y;
            s[LR_SUM_XY] += count * y;
            s[LR_SUM_Y] += y;
            n[LR_COUNT] = count + 1;
        } else {
            int head = n[LR_HEAD];
            double out = before[LINREG_RING + head];
            ring[LINREG_RING + head] = y;
            n[LR_HEAD] = head + 1 == length ? 0 : head + 1;
            double sumY = s[LR_SUM_Y];
            s[LR_SUM_XY] = s[LR_SUM_XY] - (sumY - out) + (length - 1) * y;
            s[LR_SUM_Y] = sumY - out + y;
            if (++n[LR_SINCE] == length) {
                linRegResync();
            }
        }
        s[LR_VALUE] = linRegValue();
    }

    private void linRegResync() {
        int length = LINREG_LENGTH;
        int head = n[LR_HEAD];
        double sy = 0;
        double sxy = 0;
        for (int x = 0; x < length; x++) {
            int i = head + x;
            double y = ring[LINREG_RING + (i < length ? i : i - length)];
            sy += y;
            sxy += x * y;
        }
        d[LR_SUM_Y] = sy;
        d[LR_SUM_XY] = sxy;
        n[LR_SINCE] = 0;
    }

    private double linRegValue() {
        int length = LINREG_LENGTH;
        if (n[LR_COUNT] < length) {
            return Double.NaN;
        }
        double sumY = d[LR_SUM_Y];
        double slope = (length * d[LR_SUM_XY] - LINREG_SUM_X * sumY) / LINREG_DENOMINATOR;
        double intercept = (sumY - slope * LINREG_SUM_X) / length;
        return intercept + slope * (length - 1);
    }

    /** Adds one closed bar; see {@link #update(double, double, double, double, double)}. */
    public void update(Candle candle) {
        update(candle.open(), candle.high(), candle.low(), candle.close(), candle.volume());
    }

    /**
     * Evaluates a forming bar as if it closed now: {@code out} receives this bundle's state plus
     * the bar, this bundle is not changed. Allocation-free; reuse one scratch bundle.
     *
     * <p>Cost: when {@code out} still holds a peek of this bundle in the same state (the usual
     * case: a higher timeframe's forming bar read again at the next base bar), the flat state is
     * copied back in two array copies, and the rings not at all: they differ from this bundle's
     * only in the slots the earlier peek wrote, which are the slots this bar writes (the heads
     * are this bundle's), and the bar reads the values leaving its windows in this bundle's
     * rings. Otherwise the whole state, rings included, is copied. The result is the same.
     *
     * @param out the scratch bundle that receives the result; must not be this bundle
     * @throws IllegalArgumentException on a bad bar, as {@link #update} ({@code out} is then unchanged)
     */
    public void peek(double open, double high, double low, double close, double volume, TimeframeBundle out) {
        if (out == this) {
            throw new IllegalArgumentException("peek needs a scratch bundle other than the bundle itself");
        }
        check(open, high, low, close, volume);
        if (out.peekedFrom == this && out.peekedVersion == version) {
            out.restore(this);
        } else {
            out.copyFrom(this);
        }
        out.step(ring, high, low, close, volume);
        out.peekedFrom = this;
        out.peekedVersion = version;
    }

    /**
     * Undoes the one bar that {@link #peek} applied on top of {@code other}'s state, but for the
     * ring slots it wrote (see {@link #peek}).
     */
    private void restore(TimeframeBundle other) {
        changed();
        System.arraycopy(other.d, 0, d, 0, DOUBLES);
        System.arraycopy(other.n, 0, n, 0, INTS);
        bars = other.bars;
        warm = other.warm;
    }

    private void changed() {
        version++;
        peekedFrom = null;
    }

    /** Evaluates a forming candle; see {@link #peek(double, double, double, double, double, TimeframeBundle)}. */
    public void peek(Candle forming, TimeframeBundle out) {
        peek(forming.open(), forming.high(), forming.low(), forming.close(), forming.volume(), out);
    }

    /** Makes this bundle an exact copy of {@code other} (arrays copied, nothing allocated). */
    public void copyFrom(TimeframeBundle other) {
        changed();
        System.arraycopy(other.d, 0, d, 0, DOUBLES);
        System.arraycopy(other.n, 0, n, 0, INTS);
        System.arraycopy(other.ring, 0, ring, 0, RING_SIZE);
        bars = other.bars;
        warm = other.warm;
    }

    /** Returns this bundle to its freshly constructed state, without allocating. */
    public void reset() {
        copyFrom(PRISTINE);
    }

    /** Number of bars added so far. */
    public long bars() {
        return bars;
    }

    /**
     * True once every indicator of the bundle has warmed up. EMA200 is the last (bar index 199);
     * the others need fewer bars, checked anyway so the statement does not depend on that.
     */
    public boolean isWarm() {
        return averageWarm(EMA200) && averageWarm(PHASE) && rollWarm(ATR_AVG) && averageWarm(RSI_DOWN);
    }

    /** Close of the last bar added (or peeked), NaN before the first. */
    public double close() {
        return d[CLOSE];
    }

    public double ema3() {
        return d[AVG_VALUE + EMA3];
    }

    public double ema5() {
        return d[AVG_VALUE + 1];
    }

    public double ema8() {
        return d[AVG_VALUE + 2];
    }

    public double ema13() {
        return d[AVG_VALUE + EMA13];
    }

    public double ema21() {
        return d[AVG_VALUE + EMA21];
    }

    public double ema34() {
        return d[AVG_VALUE + 5];
    }

    public double ema48() {
        return d[AVG_VALUE + EMA48];
    }

    public double ema89() {
        return d[AVG_VALUE + 7];
    }

    public double ema200() {
        return d[AVG_VALUE + EMA200];
    }

    /** EMA48 now minus EMA48 one bar ago; NaN until two EMA48 values exist. */
    public double ema48Slope() {
        return d[AVG_VALUE + EMA48] - d[PREV_EMA48];
    }

    /** {@code ta.rsi(close, 14)}. */
    public double rsi14() {
        return d[RSI_VALUE];
    }

    /** {@code ta.atr(14)}. */
    public double atr14() {
        return d[AVG_VALUE + ATR14];
    }

    /** ATR14 / SMA20(ATR14); NaN until 20 ATR values exist or when their average is 0. */
    public double atrRatio() {
        return d[ATR_RATIO];
    }

    /** SuperTrend(3, 10) direction: +1 bull, -1 bear (Pine's direction negated). */
    public double stDir() {
        return d[ST_DIR];
    }

    /** SuperTrend(3, 10) line. */
    public double stLine() {
        return Double.isNaN(d[ST_DIR]) ? Double.NaN : d[ST_LINE];
    }

    /** SuperTrend direction change at this bar: the new direction, 0 when none. */
    public double stFlip() {
        double direction = d[ST_DIR];
        double prev = d[ST_PREV_DIR];
        if (Double.isNaN(direction) || Double.isNaN(prev)) {
            return Double.NaN;
        }
        return direction == prev ? 0 : direction;
    }

    /** SuperTrend line now minus one bar ago (on a flip bar: the jump between the bands). */
    public double stLineSlope() {
        return stLine() - d[PREV_ST_LINE];
    }

    /** Squeeze on: 1 when both Bollinger(20, 2) bands are inside Keltner(20, SMA, 1.5 ATR20). */
    public double sqOn() {
        return d[SQ_ON];
    }

    /** Squeeze release: 1 when on at the previous bar and off now, else 0. */
    public double sqRelease() {
        double on = d[SQ_ON];
        double prevOn = d[SQ_PREV_ON];
        if (Double.isNaN(on) || Double.isNaN(prevOn)) {
            return Double.NaN;
        }
        return prevOn == 1 && on == 0 ? 1 : 0;
    }

    /**
     * Direction of a squeeze release: sign of the momentum on a release bar (+1, -1, or 0 when
     * the momentum is exactly 0), 0 on other bars, NaN while the release or, on a release bar,
     * the momentum is still warming up.
     */
    public double sqReleaseDir() {
        double release = sqRelease();
        if (release != 1) {
            return release;
        }
        return Math.signum(d[LR_VALUE]);
    }

    /** Shared SMA20 basis of the Bollinger Bands and the Keltner channel. */
    public double basis20() {
        return d[ROLL_MEAN + SQ_BB];
    }

    public double bbUpper() {
        return d[ROLL_MEAN + SQ_BB] + BB_MULT * sqStdev();
    }

    public double bbLower() {
        return d[ROLL_MEAN + SQ_BB] - BB_MULT * sqStdev();
    }

    private double sqStdev() {
        return rollWarm(SQ_BB) ? d[ROLL_STDEV + SQ_BB] : Double.NaN;
    }

    public double kcUpper() {
        return d[ROLL_MEAN + SQ_BB] + KC_MULT * d[AVG_VALUE + SQ_ATR];
    }

    public double kcLower() {
        return d[ROLL_MEAN + SQ_BB] - KC_MULT * d[AVG_VALUE + SQ_ATR];
    }

    /** {@code ta.linreg(close - ta.sma(close, 20), 20, 0)}. */
    public double mom() {
        return d[LR_VALUE];
    }

    /** {@code ta.stdev(mom, 20)} (population). */
    public double momStd() {
        return rollWarm(MOM_DISPERSION) ? d[ROLL_STDEV + MOM_DISPERSION] : Double.NaN;
    }

    /** volume / SMA20(volume); NaN when the average volume is 0. */
    public double volumeRatio() {
        return d[VOL_RATIO];
    }

    /** Compression: 1 when Bollinger(21, 2) lies inside EMA21 +- 2 ATR14, else 0. */
    public double compressed() {
        return d[COMP_VALUE];
    }

    /** EMA13 / EMA48 cross at this bar: +1 crossover, -1 crossunder, 0 none. */
    public double emaCross() {
        return d[CROSS_VALUE];
    }

    /** Phase oscillator; see {@code PhaseOscillator}. */
    public double phase() {
        return d[AVG_VALUE + PHASE];
    }

    @Override
    public int size() {
        return SIZE;
    }

    @Override
    public void write(ByteBuffer buffer) {
        double[] s = d;
        buffer.putInt(STATE_VERSION);
        buffer.putLong(bars);
        buffer.putDouble(s[CLOSE]);
        buffer.putDouble(s[PREV_EMA48]);
        buffer.putDouble(s[PREV_ST_LINE]);
        for (int k = 0; k < CLOSE_EMAS; k++) {
            writeAverage(buffer, k);
        }
        writeAverage(buffer, RSI_UP);
        writeAverage(buffer, RSI_DOWN);
        buffer.putDouble(s[RSI_PREV]);
        writeAtr(buffer, ATR14);
        writeAtr(buffer, ST_ATR);
        putDoubles(buffer, ST_PREV_CLOSE, ST_PREV_DIR);
        writeRolling(buffer, SQ_BB);
        writeAtr(buffer, SQ_ATR);
        putDoubles(buffer, SQ_ON, SQ_PREV_ON);
        buffer.putInt(LINREG_LENGTH);
        buffer.putInt(n[LR_HEAD]);
        buffer.putInt(n[LR_COUNT]);
        buffer.putInt(n[LR_SINCE]);
        buffer.putDouble(s[LR_SUM_Y]);
        buffer.putDouble(s[LR_SUM_XY]);
        for (int i = 0; i < LINREG_LENGTH; i++) {
            buffer.putDouble(ring[LINREG_RING + i]);
        }
        writeRolling(buffer, MOM_DISPERSION);
        writeRolling(buffer, VOLUME);
        buffer.putDouble(s[VOL_CURRENT]);
        writeRolling(buffer, ATR_AVG);
        buffer.putDouble(s[ATR_CURRENT]);
        writeRolling(buffer, COMP_BB);
        putDoubles(buffer, COMP_EMA, COMP_ATR);
        putDoubles(buffer, CROSS_A, CROSS_PREV_B);
        writeAverage(buffer, PHASE);
    }

    /** Puts d[first .. last], a run of the layout stored in the same order. */
    private void putDoubles(ByteBuffer buffer, int first, int last) {
        for (int i = first; i <= last; i++) {
            buffer.putDouble(d[i]);
        }
    }

    private void getDoubles(ByteBuffer buffer, int first, int last) {
        for (int i = first; i <= last; i++) {
            d[i] = buffer.getDouble();
        }
    }

    private void writeAverage(ByteBuffer buffer, int k) {
        buffer.putInt(AVG_LENGTH[k]);
        buffer.putDouble(d[AVG_VALUE + k]);
        buffer.putDouble(d[AVG_SEED_SUM + k]);
        buffer.putInt(n[AVG_SEED_COUNT + k]);
    }

    /** An ATR as {@code Atr} wrote it: its true range (the shared one), then its average. */
    private void writeAtr(ByteBuffer buffer, int k) {
        buffer.putDouble(d[TR_PREV_CLOSE]);
        buffer.putDouble(d[TR_VALUE]);
        writeAverage(buffer, k);
    }

    private void writeRolling(ByteBuffer buffer, int k) {
        int length = ROLL_LENGTH[k];
        buffer.putInt(length);
        buffer.putInt(n[ROLL_HEAD + k]);
        buffer.putInt(n[ROLL_COUNT + k]);
        buffer.putInt(n[ROLL_SINCE + k]);
        buffer.putDouble(d[ROLL_SHIFT + k]);
        buffer.putDouble(d[ROLL_SUM + k]);
        buffer.putDouble(d[ROLL_SUM_SQ + k]);
        for (int i = 0; i < length; i++) {
            buffer.putDouble(ring[ROLL_RING[k] + i]);
        }
    }

    @Override
    public void read(ByteBuffer buffer) {
        int stored = buffer.getInt();
        if (stored != STATE_VERSION) {
            throw new IllegalStateException("TimeframeBundle state has format version " + stored
                    + ", this build reads version " + STATE_VERSION);
        }
        changed();
        double[] s = d;
        bars = buffer.getLong();
        s[CLOSE] = buffer.getDouble();
        s[PREV_EMA48] = buffer.getDouble();
        s[PREV_ST_LINE] = buffer.getDouble();
        for (int k = 0; k < CLOSE_EMAS; k++) {
            readAverage(buffer, k);
        }
        readAverage(buffer, RSI_UP);
        readAverage(buffer, RSI_DOWN);
        s[RSI_PREV] = buffer.getDouble();
        s[RSI_VALUE] = rsiValue();
        readAtr(buffer, ATR14);
        readAtr(buffer, ST_ATR);
        getDoubles(buffer, ST_PREV_CLOSE, ST_PREV_DIR);
        readRolling(buffer, SQ_BB, true);
        readAtr(buffer, SQ_ATR);
        getDoubles(buffer, SQ_ON, SQ_PREV_ON);
        States.readHeader(buffer, LINREG_LENGTH, "LinReg");
        n[LR_HEAD] = buffer.getInt();
        n[LR_COUNT] = buffer.getInt();
        n[LR_SINCE] = buffer.getInt();
        s[LR_SUM_Y] = buffer.getDouble();
        s[LR_SUM_XY] = buffer.getDouble();
        for (int i = 0; i < LINREG_LENGTH; i++) {
            ring[LINREG_RING + i] = buffer.getDouble();
        }
        s[LR_VALUE] = linRegValue();
        readRolling(buffer, MOM_DISPERSION, true);
        readRolling(buffer, VOLUME, false);
        s[VOL_CURRENT] = buffer.getDouble();
        s[VOL_RATIO] = ratio(s[VOL_CURRENT], s[ROLL_MEAN + VOLUME]);
        readRolling(buffer, ATR_AVG, false);
        s[ATR_CURRENT] = buffer.getDouble();
        s[ATR_RATIO] = ratio(s[ATR_CURRENT], s[ROLL_MEAN + ATR_AVG]);
        readRolling(buffer, COMP_BB, true);
        getDoubles(buffer, COMP_EMA, COMP_ATR);
        s[COMP_VALUE] = compression();
        getDoubles(buffer, CROSS_A, CROSS_PREV_B);
        s[CROSS_VALUE] = cross();
        readAverage(buffer, PHASE);
        warm = computeWarm();
    }

    private static double ratio(double current, double mean) {
        return mean == 0 ? Double.NaN : current / mean;
    }

    private void readAverage(ByteBuffer buffer, int k) {
        States.readHeader(buffer, AVG_LENGTH[k], "ExponentialAverage");
        d[AVG_VALUE + k] = buffer.getDouble();
        d[AVG_SEED_SUM + k] = buffer.getDouble();
        n[AVG_SEED_COUNT + k] = buffer.getInt();
    }

    /**
     * An ATR as {@code Atr} wrote it. The three ATRs of a bundle share one true range, always
     * updated together, so their three stored copies are equal; the last one read is kept.
     */
    private void readAtr(ByteBuffer buffer, int k) {
        d[TR_PREV_CLOSE] = buffer.getDouble();
        d[TR_VALUE] = buffer.getDouble();
        readAverage(buffer, k);
    }

    private void readRolling(ByteBuffer buffer, int k, boolean withStdev) {
        int length = ROLL_LENGTH[k];
        States.readHeader(buffer, length, "RollingStats");
        n[ROLL_HEAD + k] = buffer.getInt();
        n[ROLL_COUNT + k] = buffer.getInt();
        n[ROLL_SINCE + k] = buffer.getInt();
        d[ROLL_SHIFT + k] = buffer.getDouble();
        d[ROLL_SUM + k] = buffer.getDouble();
        d[ROLL_SUM_SQ + k] = buffer.getDouble();
        for (int i = 0; i < length; i++) {
            ring[ROLL_RING[k] + i] = buffer.getDouble();
        }
        rollStats(k, withStdev);
    }
}
