package io.edgeloop.core.candle;

import java.nio.ByteBuffer;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Incremental aggregation of one instrument's base bars into every higher timeframe on its
 * {@link SessionCalendar}, keeping for each timeframe the CLOSED bar and the FORMING bar as it
 * stands after the latest base bar, so a higher-timeframe value can be read intraday without
 * look-ahead. One mutable accumulator per timeframe: no allocation per base bar.
 *
 * <p>Periods: intraday frames are buckets anchored at the session open for US equities (4h =
 * 09:30-13:30 and 13:30-16:00) and at 00:00 UTC for crypto ({@link SessionCalendar#bucketStart});
 * D is the session day; W the Monday-start week of sessions; M the calendar month. D, W and M
 * bars are labelled with their first calendar day at 00:00 UTC (W: the Monday, even when it
 * was a holiday).
 *
 * <p>A bar closes (the listener hears of it, and {@link #lastClosed} holds it):
 * <ul>
 *   <li>when a base bar completes its period: the base bar ends at or after the period's end
 *       (bucket end; the 16:00 close, for crypto 24:00 UTC, of the period's last possible session
 *       day: the day, the week's Friday (crypto: Sunday), the month's last weekday (crypto: last
 *       day));</li>
 *   <li>or, when the period ended early (half day, holiday Friday, missing bars), as soon as a
 *       base bar of a later period arrives, or stream time passes the period end
 *       ({@link #advanceTo}).</li>
 * </ul>
 * <p>Base bars must come in increasing open time ({@link BarSequencer} upstream); an older or
 * equal one is ignored and counted. US-equity intraday base bars outside the regular session
 * (pre- and after-market) are not part of any model timeframe: they are ignored and counted.
 * A base bar for a period that {@link #advanceTo} already closed is ignored and counted.
 *
 * <p>The state (forming and last closed bar of every target, period keys, counters) serializes
 * with {@link #write} / {@link #read} in {@link #size()} bytes, so that an aggregator restored
 * from a state store continues exactly as the one that wrote it.
 */
public final class Aggregator {

    /** Version of the serialized layout; bumped whenever it changes. */
    public static final int STATE_VERSION = 1;

    /** Hears of every bar that closes, in time order (smaller timeframes first on a tie). */
    @FunctionalInterface
    public interface ClosedBarListener {
        /** The bar is valid until the aggregator's next update; copy it to keep it. */
        void onClosed(MutableBar bar);
    }

    private static final ClosedBarListener IGNORE = bar -> { };

    private final SessionCalendar calendar;
    private final SessionTimes times;
    private final Timeframe base;
    private final Slot[] slots;
    private final Slot[] byTimeframe = new Slot[Timeframe.values().length];
    private long lastBaseOpen = Long.MIN_VALUE;
    private long outOfOrder;
    private long outsideSession;
    private long afterClose;

    /**
     * @param calendar the instrument's calendar
     * @param base     the interval of the bars fed in (intraday or D)
     * @param targets  the timeframes to build, each coarser than base; intraday targets must be
     *                 a whole multiple of an intraday base
     * @throws IllegalArgumentException when a target cannot be built from the base
     */
    public Aggregator(SessionCalendar calendar, Timeframe base, Set<Timeframe> targets) {
        this.calendar = Objects.requireNonNull(calendar, "calendar");
        this.times = new SessionTimes(calendar);
        this.base = Objects.requireNonNull(base, "base");
        EnumSet<Timeframe> sorted = targets.isEmpty() ? EnumSet.noneOf(Timeframe.class) : EnumSet.copyOf(targets);
        for (Timeframe tf : sorted) {
            if (!buildable(base, tf)) {
                throw new IllegalArgumentException("cannot build " + tf.code() + " bars from " + base.code() + " bars");
            }
        }
        slots = new Slot[sorted.size()];
        int i = 0;
        for (Timeframe tf : sorted) {
            slots[i] = new Slot(tf);
            byTimeframe[tf.ordinal()] = slots[i++];
        }
    }

    /** An aggregator for every timeframe {@link #targetsFor} the base. */
    public static Aggregator allTimeframes(SessionCalendar calendar, Timeframe base) {
        return new Aggregator(calendar, base, targetsFor(base));
    }

    /**
     * Every timeframe that can be built from a base interval: coarser intraday frames whose
     * length is a multiple of the base, then D, W and M (from an intraday or D base).
     */
    public static Set<Timeframe> targetsFor(Timeframe base) {
        EnumSet<Timeframe> out = EnumSet.noneOf(Timeframe.class);
        for (Timeframe tf : Timeframe.values()) {
            if (buildable(base, tf)) {
                out.add(tf);
            }
        }
        return out;
    }

    private static boolean buildable(Timeframe base, Timeframe target) {
        if (target.compareTo(base) <= 0 || base.compareTo(Timeframe.D1) > 0) {
            return false;
        }
        if (target.intraday()) {
            return target.lengthMillis() % base.lengthMillis() == 0;
        }
        return true;
    }

    /** Adds a base bar; see {@link #update(long, double, double, double, double, double, ClosedBarListener)}. */
    public int update(BarView bar, ClosedBarListener listener) {
        return update(bar.openTime(), bar.open(), bar.high(), bar.low(), bar.close(), bar.volume(), listener);
    }

    /**
     * Adds a base bar: closes the bars of periods it leaves behind, merges it into each forming
     * bar, and closes the bars it completes.
     *
     * @param listener told of each closed bar (may be null)
     * @return how many bars closed, or -1 when the base bar was ignored (see class doc)
     */
    public int update(long openTime, double open, double high, double low, double close, double volume,
                      ClosedBarListener listener) {
        ClosedBarListener sink = listener == null ? IGNORE : listener;
        if (openTime <= lastBaseOpen) {
            outOfOrder++;
            return -1;
        }
        long day;
        long baseEnd;
        if (base.intraday()) {
            if (!times.inSession(openTime)) {
                outsideSession++;
                return -1;
            }
            day = times.sessionDay(openTime);
            baseEnd = Math.min(openTime + base.lengthMillis(), times.sessionClose(day));
        } else {
            day = calendar.tradeDate(openTime);
            baseEnd = calendar.sessionClose(day);
        }
        lastBaseOpen = openTime;
        int closed = 0;
        for (Slot s : slots) {
            long key = key(s.tf, openTime, day);
            if (!s.forming.isEmpty() && s.key != key) {
                close(s, sink);
                closed++;
            }
            if (s.forming.isEmpty()) {
                if (key == s.closedKey) {
                    afterClose++;
                    continue;
                }
                start(s, key, day);
            }
            s.forming.add(openTime, open, high, low, close, volume);
            if (baseEnd >= s.periodEnd) {
                close(s, sink);
                closed++;
            }
        }
        return closed;
    }

    /**
     * Closes every forming bar whose period has ended by the given stream time (epoch ms), e.g.
     * at 16:00 New York on a half day, or on a Friday holiday for W. Event time only: pass the
     * stream time, never the wall clock.
     *
     * @return how many bars closed
     */
    public int advanceTo(long streamTime, ClosedBarListener listener) {
        ClosedBarListener sink = listener == null ? IGNORE : listener;
        int closed = 0;
        for (Slot s : slots) {
            if (!s.forming.isEmpty() && streamTime >= s.periodEnd) {
                close(s, sink);
                closed++;
            }
        }
        return closed;
    }

    /** The bar of the timeframe as it stands now; empty when no period is in progress. */
    public MutableBar forming(Timeframe tf) {
        return slot(tf).forming;
    }

    /** The last closed bar of the timeframe; empty until one has closed. */
    public MutableBar lastClosed(Timeframe tf) {
        return slot(tf).closed;
    }

    /** The forming bar when a period is in progress, else the last closed bar. */
    public MutableBar latest(Timeframe tf) {
        Slot s = slot(tf);
        return s.forming.isEmpty() ? s.closed : s.forming;
    }

    /** The timeframes this aggregator builds, finest first. */
    public Set<Timeframe> targets() {
        EnumSet<Timeframe> out = EnumSet.noneOf(Timeframe.class);
        for (Slot s : slots) {
            out.add(s.tf);
        }
        return out;
    }

    public Timeframe base() {
        return base;
    }

    public SessionCalendar calendar() {
        return calendar;
    }

    /** Base bars ignored because their open time was not after the previous one. */
    public long ignoredOutOfOrder() {
        return outOfOrder;
    }

    /** Intraday base bars ignored because they lay outside the regular session. */
    public long ignoredOutsideSession() {
        return outsideSession;
    }

    /** Base bar merges skipped because {@link #advanceTo} had already closed that period. */
    public long ignoredAfterClose() {
        return afterClose;
    }

    /** Bytes {@link #write} puts: fixed for a base and a set of targets. */
    public int size() {
        int slot = Integer.BYTES + Long.BYTES * 3 + MutableBar.STATE_SIZE * 2;
        return Integer.BYTES * 3 + Long.BYTES * 4 + slots.length * slot;
    }

    /** Writes the state at the buffer's position, advancing it by {@link #size()} bytes. */
    public void write(ByteBuffer buffer) {
        buffer.putInt(STATE_VERSION);
        buffer.putInt(base.ordinal());
        buffer.putInt(slots.length);
        buffer.putLong(lastBaseOpen);
        buffer.putLong(outOfOrder);
        buffer.putLong(outsideSession);
        buffer.putLong(afterClose);
        for (Slot s : slots) {
            buffer.putInt(s.tf.ordinal());
            buffer.putLong(s.key);
            buffer.putLong(s.closedKey);
            buffer.putLong(s.periodEnd);
            s.forming.write(buffer);
            s.closed.write(buffer);
        }
    }

    /**
     * Replaces the state with one written by an aggregator of the same base and targets.
     *
     * @throws IllegalStateException when the stored state has another version, base or targets
     *                               (the state may then be partly replaced: discard it)
     */
    public void read(ByteBuffer buffer) {
        int version = buffer.getInt();
        if (version != STATE_VERSION) {
            throw new IllegalStateException("Aggregator state has format version " + version
                    + ", this build reads version " + STATE_VERSION);
        }
        int storedBase = buffer.getInt();
        int count = buffer.getInt();
        if (storedBase != base.ordinal() || count != slots.length) {
            throw new IllegalStateException("Aggregator state was written for another base or target set (base "
                    + storedBase + ", " + count + " targets), this one builds " + targets() + " from " + base.code());
        }
        lastBaseOpen = buffer.getLong();
        outOfOrder = buffer.getLong();
        outsideSession = buffer.getLong();
        afterClose = buffer.getLong();
        for (Slot s : slots) {
            int tf = buffer.getInt();
            if (tf != s.tf.ordinal()) {
                throw new IllegalStateException("Aggregator state holds timeframe #" + tf + " where "
                        + s.tf.code() + " was expected");
            }
            s.key = buffer.getLong();
            s.closedKey = buffer.getLong();
            s.periodEnd = buffer.getLong();
            s.forming.read(buffer);
            s.closed.read(buffer);
        }
    }

    private Slot slot(Timeframe tf) {
        Slot s = byTimeframe[tf.ordinal()];
        if (s == null) {
            throw new IllegalArgumentException(tf.code() + " is not built by this aggregator (base "
                    + base.code() + ", targets " + targets() + ")");
        }
        return s;
    }

    private long key(Timeframe tf, long openTime, long day) {
        switch (tf) {
            case D1:
                return day;
            case W1:
                return EpochDays.weekStart(day);
            case MN1:
                return EpochDays.monthStart(day);
            default:
                return times.bucketStart(openTime, tf.lengthMillis());
        }
    }

    private void start(Slot s, long key, long day) {
        s.key = key;
        switch (s.tf) {
            case D1:
                s.forming.start(key * EpochDays.DAY_MS);
                s.periodEnd = calendar.sessionClose(day);
                break;
            case W1:
                s.forming.start(key * EpochDays.DAY_MS);
                s.periodEnd = calendar.sessionClose(calendar.lastSessionDayOfWeek(day));
                break;
            case MN1:
                s.forming.start(key * EpochDays.DAY_MS);
                s.periodEnd = calendar.sessionClose(calendar.lastSessionDayOfMonth(day));
                break;
            default:
                s.forming.start(key);
                s.periodEnd = calendar.bucketEnd(key, s.tf.lengthMillis());
        }
    }

    private static void close(Slot s, ClosedBarListener sink) {
        s.closed.copyFrom(s.forming);
        s.closedKey = s.key;
        s.forming.clear();
        sink.onClosed(s.closed);
    }

    /** State of one target timeframe. */
    private static final class Slot {
        final Timeframe tf;
        final MutableBar forming;
        final MutableBar closed;
        long key = Long.MIN_VALUE;
        long closedKey = Long.MIN_VALUE;
        long periodEnd;

        Slot(Timeframe tf) {
            this.tf = tf;
            this.forming = new MutableBar(tf);
            this.closed = new MutableBar(tf);
        }
    }
}
