package io.edgeloop.core.engine;

import io.edgeloop.core.candle.Aggregator;
import io.edgeloop.core.candle.BarView;
import io.edgeloop.core.candle.MutableBar;
import io.edgeloop.core.candle.SessionCalendar;
import io.edgeloop.core.candle.SessionTimes;
import io.edgeloop.core.candle.Timeframe;
import io.edgeloop.core.indicators.TimeframeBundle;
import io.edgeloop.core.model.ModelConfig;
import io.edgeloop.core.model.ModelInput;
import io.edgeloop.core.model.PatternMatches;
import io.edgeloop.core.model.Profile;
import io.edgeloop.core.model.TickerModel;
import io.edgeloop.core.snapshot.Field;
import io.edgeloop.core.snapshot.Fields;
import io.edgeloop.core.snapshot.Snapshot;

import java.nio.ByteBuffer;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;

/**
 * The whole model of one ticker: per base candle it aggregates the higher timeframes, updates
 * every frame's indicators, scores, matches the patterns, moves the kanban and the paper
 * position, and reports what changed.
 *
 * <p>Per base candle ({@link #update}):
 * <ol>
 *   <li>the candle goes to the {@link Aggregator} (the instrument's {@link SessionCalendar});
 *   every higher-timeframe bar that closes updates that frame's closed-bar
 *   {@link TimeframeBundle}; the base frame's bundle takes the candle itself;</li>
 *   <li>each higher frame whose bar is still forming is read with
 *   {@link TimeframeBundle#peek} into a scratch bundle: the forming bar as it stands now, never a
 *   later candle (no look-ahead);</li>
 *   <li>{@link TickerModel#score} fills the {@link Snapshot}, the {@link PatternMatcher} fills the
 *   matches, {@link TickerModel#decide} moves the kanban.</li>
 * </ol>
 *
 * <p>Deterministic: event time only (candle open times), no randomness, no hash-order
 * iteration; the same candles give the same results bit for bit. Allocation-free per candle in
 * the steady state. Not thread-safe: one engine per ticker (or one per task, swapping ticker
 * states with {@link #read}).
 *
 * <p>State ({@link #write} / {@link #read}, {@link #size()} bytes, starting with
 * {@link #STATE_VERSION}): the aggregation, every frame's closed-bar bundle, the model (daily
 * history, triggers, kanban, paper position) and the last snapshot. An engine restored from it
 * continues exactly as the engine that wrote it.
 */
public final class TickerEngine {

    /** Version byte of the serialized layout. */
    public static final byte STATE_VERSION = 1;

    private static final long DAY_MS = 86_400_000L;
    private static final List<Field> FIELDS = Fields.all();

    private final Profile profile;
    private final SessionCalendar calendar;
    private final SessionTimes times;
    private final Timeframe base;
    private final Timeframe[] higher;
    private final Timeframe[] frames;
    private final TimeframeBundle[] closed = new TimeframeBundle[Timeframe.values().length];
    private final TimeframeBundle[] scratch = new TimeframeBundle[Timeframe.values().length];
    private final boolean[] closedNow = new boolean[Timeframe.values().length];
    private final Aggregator aggregator;
    private final Aggregator.ClosedBarListener onClosed = this::onClosed;
    private final TickerModel model;
    private final ModelInput input = new ModelInput();
    private final Snapshot snapshot = new Snapshot();
    private final PatternMatches matches;
    private final EngineResult result;
    private PatternMatcher matcher;
    private long lastTime = Long.MIN_VALUE;
    /** The base period of lastTime; derived from it, so not part of the stored state. */
    private long lastPeriod = Long.MIN_VALUE;

    /**
     * @param base     the feed's base interval (intraday or D); picks the {@link Profile}
     * @param calendar the instrument's session calendar ({@link SessionCalendar#forTicker})
     * @param config   model thresholds
     * @param matcher  the active patterns ({@link PatternMatcher#NONE} for none)
     */
    public TickerEngine(Timeframe base, SessionCalendar calendar, ModelConfig config, PatternMatcher matcher) {
        this.profile = Profile.forBase(Objects.requireNonNull(base, "base"));
        this.calendar = Objects.requireNonNull(calendar, "calendar");
        this.times = new SessionTimes(calendar);
        this.base = base;
        this.matcher = Objects.requireNonNull(matcher, "matcher");
        List<Timeframe> aggregated = profile.aggregated();
        higher = aggregated.toArray(new Timeframe[0]);
        frames = profile.frames().toArray(new Timeframe[0]);
        aggregator = new Aggregator(calendar, base, EnumSet.copyOf(aggregated));
        for (Timeframe tf : profile.frames()) {
            closed[tf.ordinal()] = new TimeframeBundle();
            scratch[tf.ordinal()] = new TimeframeBundle();
        }
        model = new TickerModel(profile, config);
        matches = new PatternMatches(Math.max(8, matcher.size()));
        result = new EngineResult(model, snapshot, matches, input);
    }

    public Profile profile() {
        return profile;
    }

    public SessionCalendar calendar() {
        return calendar;
    }

    /** Replaces the pattern matcher for the following candles (a new library version). */
    public void matcher(PatternMatcher newMatcher) {
        this.matcher = Objects.requireNonNull(newMatcher, "matcher");
    }

    /** Adds one base candle; see {@link #update(long, double, double, double, double, double)}. */
    public EngineResult update(BarView candle) {
        return update(candle.openTime(), candle.open(), candle.high(), candle.low(), candle.close(), candle.volume());
    }

    /**
     * Adds one base candle of the feed's interval and runs the model on it.
     *
     * @param openTime bar open time, epoch ms UTC; must increase from candle to candle
     * @return the reused result, valid until the next call; not accepted (and the state
     *         unchanged) for an out-of-order candle, an intraday candle outside the session, or
     *         a second candle of the same base period (the same trade date on a daily feed, the
     *         same session-anchored bucket on an intraday feed: duplicates are resolved upstream
     *         by the candle normaliser, the engine never counts a period twice)
     * @throws IllegalArgumentException when a value is not finite, high is below low, or volume
     *                                  is negative (state unchanged)
     */
    public EngineResult update(long openTime, double open, double high, double low, double close, double volume) {
        if (!(Double.isFinite(open) && Double.isFinite(high) && Double.isFinite(low) && Double.isFinite(close)
                && Double.isFinite(volume) && high >= low && volume >= 0)) {
            throw new IllegalArgumentException("bad candle at " + openTime + ": open=" + open + " high=" + high
                    + " low=" + low + " close=" + close + " volume=" + volume
                    + " (need finite values, high >= low, volume >= 0)");
        }
        if (openTime <= lastTime) {
            result.ignore(EngineResult.Ignored.OUT_OF_ORDER, openTime);
            return result;
        }
        if (base.intraday() && !times.inSession(openTime)) {
            result.ignore(EngineResult.Ignored.OUTSIDE_SESSION, openTime);
            return result;
        }
        long period = period(openTime);
        if (period == lastPeriod) {
            result.ignore(EngineResult.Ignored.SAME_PERIOD, openTime);
            return result;
        }
        for (Timeframe tf : higher) {
            closedNow[tf.ordinal()] = false;
        }
        aggregator.update(openTime, open, high, low, close, volume, onClosed);
        lastTime = openTime;
        lastPeriod = period;
        scoreBar(openTime, period, open, high, low, close, volume);
        result.accept(openTime);
        return result;
    }

    /**
     * Everything after the aggregation: the frames' views, scores, matching and kanban. A method
     * of its own so that the JIT compiles it as a unit with its own inlining budget instead of
     * cutting inlining short in {@link #update} after the aggregator (which takes most of it).
     */
    private void scoreBar(long openTime, long period, double open, double high, double low, double close,
                          double volume) {
        TimeframeBundle baseBundle = closed[base.ordinal()];
        baseBundle.update(open, high, low, close, volume);
        input.frame(base, baseBundle, openTime, true, baseBundle, true);
        long sessionDay;
        if (base.intraday()) {
            // The aggregator labels the D bar with its session day at 00:00 UTC.
            sessionDay = Math.floorDiv(aggregator.latest(Timeframe.D1).openTime(), DAY_MS);
        } else {
            sessionDay = period;
            model.onSessionClose(close, volume);
            input.day(high, low, true);
        }
        for (Timeframe tf : higher) {
            int i = tf.ordinal();
            MutableBar forming = aggregator.forming(tf);
            if (forming.isEmpty()) {
                input.frame(tf, closed[i], aggregator.lastClosed(tf).openTime(), true, closed[i], closedNow[i]);
            } else {
                closed[i].peek(forming.open(), forming.high(), forming.low(), forming.close(), forming.volume(),
                        scratch[i]);
                input.frame(tf, scratch[i], forming.openTime(), false, closed[i], closedNow[i]);
            }
            if (tf == Timeframe.D1) {
                MutableBar day = aggregator.latest(Timeframe.D1);
                input.day(day.high(), day.low(), forming.isEmpty());
            }
        }
        input.bar(openTime, sessionDay, close);
        model.score(input, snapshot);
        matcher.match(snapshot, matches);
        model.decide(matches, snapshot);
    }

    /** The base period of a candle: its trade date on a daily feed, its session-anchored bucket intraday. */
    private long period(long openTime) {
        return base.intraday() ? times.bucketStart(openTime, base.lengthMillis()) : calendar.tradeDate(openTime);
    }

    private void onClosed(MutableBar bar) {
        Timeframe tf = bar.timeframe();
        closed[tf.ordinal()].update(bar.open(), bar.high(), bar.low(), bar.close(), bar.volume());
        closedNow[tf.ordinal()] = true;
        if (tf == Timeframe.D1) {
            model.onSessionClose(bar.close(), bar.volume());
        }
    }

    /** The snapshot of the last accepted candle (all absent before the first). */
    public Snapshot snapshot() {
        return snapshot;
    }

    /** The last result (valid until the next call). */
    public EngineResult result() {
        return result;
    }

    /** The model state above the bundles (kanban, position, state quadrant). */
    public TickerModel model() {
        return model;
    }

    /** Open time of the last accepted candle, {@link Long#MIN_VALUE} before the first. */
    public long lastTime() {
        return lastTime;
    }

    /** Bytes {@link #write} puts; fixed for a profile and configuration. */
    public int size() {
        int size = 1 + Integer.BYTES * 2 + Long.BYTES + aggregator.size() + model.size()
                + Double.BYTES * Fields.count();
        for (Timeframe tf : frames) {
            size += closed[tf.ordinal()].size();
        }
        return size;
    }

    /** Writes the state at the buffer's position, advancing it by {@link #size()} bytes. */
    public void write(ByteBuffer buffer) {
        buffer.put(STATE_VERSION);
        buffer.putInt(base.ordinal());
        buffer.putInt(calendar.ordinal());
        buffer.putLong(lastTime);
        aggregator.write(buffer);
        for (Timeframe tf : frames) {
            closed[tf.ordinal()].write(buffer);
        }
        model.write(buffer);
        for (int i = 0; i < FIELDS.size(); i++) {
            buffer.putDouble(snapshot.get(FIELDS.get(i)));
        }
    }

    /** The state as a new byte array (allocates; for stores). */
    public byte[] toBytes() {
        ByteBuffer buffer = ByteBuffer.allocate(size());
        write(buffer);
        return buffer.array();
    }

    /**
     * Replaces this engine's state with one written by an engine of the same base, calendar and
     * configuration; the pattern matcher is kept.
     *
     * @throws IllegalStateException on another version, base or calendar, or a corrupt state
     *                               (the engine must then be discarded or read again)
     */
    public void read(ByteBuffer buffer) {
        byte version = buffer.get();
        if (version != STATE_VERSION) {
            throw new IllegalStateException("TickerEngine state has format version " + version
                    + ", this build reads version " + STATE_VERSION);
        }
        int storedBase = buffer.getInt();
        int storedCalendar = buffer.getInt();
        if (storedBase != base.ordinal() || storedCalendar != calendar.ordinal()) {
            throw new IllegalStateException("TickerEngine state was written for base #" + storedBase
                    + " and calendar #" + storedCalendar + ", this engine has " + base.code() + " and " + calendar);
        }
        lastTime = buffer.getLong();
        lastPeriod = lastTime == Long.MIN_VALUE ? Long.MIN_VALUE : period(lastTime);
        aggregator.read(buffer);
        for (Timeframe tf : frames) {
            closed[tf.ordinal()].read(buffer);
        }
        model.read(buffer);
        for (int i = 0; i < FIELDS.size(); i++) {
            snapshot.set(FIELDS.get(i), buffer.getDouble());
        }
    }

    /** Reads a state from bytes; see {@link #read(ByteBuffer)}. */
    public void read(byte[] state) {
        read(ByteBuffer.wrap(state));
    }
}
