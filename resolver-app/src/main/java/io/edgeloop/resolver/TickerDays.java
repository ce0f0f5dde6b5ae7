package io.edgeloop.resolver;

import io.edgeloop.core.candle.Candle;
import io.edgeloop.core.candle.Timeframe;
import io.edgeloop.core.outcome.TradingDates;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The closed daily bars the resolver knows of one ticker: the most recent ones, one per trading
 * date, in date order, at most {@code capacity}, and the trading date of the newest bar it had to
 * drop to make room, so that a late prediction is expired only when a bar of its horizon is
 * gone. The daily bar forming from intraday bars is kept apart ({@link FormingDay}, its own
 * store), so this list is read and written only when a daily bar closes or a prediction arrives,
 * not for every intraday bar.
 *
 * <p>The rule for duplicate and late bars is the one an open outcome applies
 * ({@link io.edgeloop.core.outcome.PendingOutcome#onDailyCandle}, which counts a bar only when
 * its date is after the last one it counted): a bar of a date already held is a duplicate (the
 * first wins), a bar of a date before the newest held one is late, and neither is kept. So the
 * bars a prediction finds here when it arrives are exactly the bars it would have counted had it
 * been open all along, whatever the order in which predictions and bars arrive.
 *
 * <p>Not thread-safe; one instance per ticker and call, owned by one stream task.
 */
final class TickerDays {

    /** Format 1 also held the forming bar (before the split); it is still read. */
    private static final byte LEGACY_FORMAT = 1;
    /** Format 2: the bars only, without the newest dropped date; still read. */
    private static final byte BARS_ONLY_FORMAT = 2;
    private static final byte FORMAT = 3;
    /** {@link #newestDroppedDay} when no bar was dropped. */
    private static final long NONE = Long.MIN_VALUE;

    private final String ticker;
    private final int capacity;
    private final List<Candle> recent = new ArrayList<>();
    /** Epoch day of the newest trading date whose bar was dropped for room; {@link #NONE} when none. */
    private long newestDroppedDay = NONE;
    private FormingDay legacyForming;

    TickerDays(String ticker, int capacity) {
        this.ticker = Objects.requireNonNull(ticker, "ticker");
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be >= 1, was " + capacity);
        }
        this.capacity = capacity;
    }

    /** What {@link #addDaily} does with a bar. */
    enum Verdict {
        /** Its date is after every held bar's: kept as the newest. */
        ADDED,
        /** A bar of its date is held (a redelivery or a second source): dropped, the first wins. */
        DUPLICATE,
        /** Its date is before the newest held bar's and not held: dropped, open outcomes have moved past it. */
        LATE
    }

    /** What {@link #addDaily} would do with a closed daily bar, without changing anything. */
    Verdict verdict(Candle daily) {
        if (recent.isEmpty()) {
            return Verdict.ADDED;
        }
        LocalDate date = TradingDates.candleDate(daily);
        if (date.isAfter(newestDate())) {
            return Verdict.ADDED;
        }
        for (Candle held : recent) {
            if (TradingDates.candleDate(held).equals(date)) {
                return Verdict.DUPLICATE;
            }
        }
        return Verdict.LATE;
    }

    /** Adds a closed daily bar when its date is after the newest held one ({@link Verdict}). */
    Verdict addDaily(Candle daily) {
        Verdict verdict = verdict(daily);
        if (verdict == Verdict.ADDED) {
            recent.add(daily);
            trim();
        }
        return verdict;
    }

    /** The trading date of the newest bar held; the list must not be empty. */
    LocalDate newestDate() {
        return TradingDates.candleDate(recent.get(recent.size() - 1));
    }

    /** Drops the oldest bars beyond the capacity, remembering the newest dropped date. */
    private void trim() {
        while (recent.size() > capacity) {
            long dropped = TradingDates.candleDate(recent.remove(0)).toEpochDay();
            newestDroppedDay = Math.max(newestDroppedDay, dropped);
        }
    }

    /** Open time of the latest closed daily bar kept; {@code Long.MIN_VALUE} when none. */
    long lastBarOpen() {
        long last = Long.MIN_VALUE;
        for (Candle c : recent) {
            last = Math.max(last, c.openTime());
        }
        return last;
    }

    /**
     * False when a bar of a trading date after {@code date} was dropped to make room for newer
     * ones: then {@link #after(LocalDate)} would miss the first days of a horizon that starts
     * after {@code date}. Bars on or before {@code date} that were dropped do not matter.
     */
    boolean holdsBarsAfter(LocalDate date) {
        return newestDroppedDay == NONE || newestDroppedDay <= date.toEpochDay();
    }

    /** The trading date of the newest bar dropped to make room; empty when none was. */
    Optional<LocalDate> newestDroppedDate() {
        return newestDroppedDay == NONE ? Optional.empty() : Optional.of(LocalDate.ofEpochDay(newestDroppedDay));
    }

    /** The trading date of the oldest bar kept; empty when none. */
    Optional<LocalDate> oldestDate() {
        return recent.isEmpty() ? Optional.empty()
                : Optional.of(TradingDates.candleDate(recent.get(0)));
    }

    /** The known daily bars whose trading date is after {@code date}, oldest first. */
    List<Candle> after(LocalDate date) {
        List<Candle> out = new ArrayList<>();
        for (Candle c : recent) {
            if (TradingDates.candleDate(c).isAfter(date)) {
                out.add(c);
            }
        }
        return out;
    }

    /** The known daily bars, oldest first. */
    List<Candle> recent() {
        return List.copyOf(recent);
    }

    /**
     * The forming bar of a state written in format 1 (before the forming bar had its own store),
     * so an upgrade keeps the day that was forming; null for format 2.
     */
    FormingDay legacyForming() {
        return legacyForming;
    }

    /** True for a state written in format 1, with the forming bar inside. */
    static boolean isLegacy(byte[] data) {
        return data != null && data.length > 0 && data[0] == LEGACY_FORMAT;
    }

    /** The state as bytes (format 3): the newest dropped date (epoch day, or Long.MIN_VALUE), the recent daily bars. */
    byte[] toBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(16 + recent.size() * 64);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT);
            out.writeLong(newestDroppedDay);
            out.writeInt(recent.size());
            for (Candle c : recent) {
                out.writeLong(c.openTime());
                out.writeDouble(c.open());
                out.writeDouble(c.high());
                out.writeDouble(c.low());
                out.writeDouble(c.close());
                out.writeDouble(c.volume());
                out.writeUTF(c.source());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write daily bars of " + ticker, e);
        }
        return bytes.toByteArray();
    }

    /**
     * Restores a state written by {@link #toBytes()} (or in format 1 or 2); null bytes give an
     * empty state. Formats 1 and 2 did not record the dropped bars. Every dropped bar was the
     * oldest when it was dropped, so all of them are older than the oldest bar kept: a full list
     * is read as having dropped bars up to the day before its oldest bar (exactly what the rule
     * of those formats assumed), a list with room as having dropped none.
     */
    static TickerDays fromBytes(String ticker, int capacity, byte[] data) {
        TickerDays days = new TickerDays(ticker, capacity);
        if (data == null) {
            return days;
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
            byte format = in.readByte();
            if (format == LEGACY_FORMAT) {
                days.legacyForming = new FormingDay(ticker);
                days.legacyForming.readFields(in);
            } else if (format == FORMAT) {
                days.newestDroppedDay = in.readLong();
            } else if (format != BARS_ONLY_FORMAT) {
                throw new IllegalArgumentException("unknown daily bar state format " + format + " for " + ticker);
            }
            int n = in.readInt();
            for (int i = 0; i < n; i++) {
                days.recent.add(new Candle(ticker, Timeframe.D1, in.readLong(), in.readDouble(), in.readDouble(),
                        in.readDouble(), in.readDouble(), in.readDouble(), in.readUTF()));
            }
            if (format != FORMAT && n >= capacity) {
                days.newestDroppedDay = TradingDates.candleDate(days.recent.get(0)).toEpochDay() - 1;
            }
            days.trim();
            return days;
        } catch (IOException e) {
            throw new IllegalArgumentException("truncated or corrupt daily bar state of " + ticker
                    + " (" + data.length + " bytes)", e);
        }
    }
}
