package io.edgeloop.resolver;

import io.edgeloop.core.candle.Aggregator;
import io.edgeloop.core.candle.Candle;
import io.edgeloop.core.candle.SessionCalendar;
import io.edgeloop.core.candle.Symbols;
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
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;

/**
 * The daily bars the resolver knows of one ticker: the most recent closed daily bars (one per
 * trading date, first wins, at most {@code capacity}) and, for a ticker fed intraday bars, the
 * daily bar forming from them.
 *
 * <p>Intraday bars are aggregated by core's {@link Aggregator} on the ticker's
 * {@link SessionCalendar} (US equities: regular session 09:30-16:00 New York; crypto: UTC days),
 * with only the daily target. The aggregator is rebuilt for each call from the stored forming
 * bar: feeding it one base bar with the forming bar's OHLCV at the last merged base bar's open
 * time reproduces its state exactly (open of the first, max high, min low, close of the last, sum
 * of volumes). The first intraday interval seen is the ticker's base; bars of another intraday
 * interval are ignored, and so are intraday bars not after the last one merged.
 *
 * <p>Not thread-safe; one instance per ticker and call, owned by one stream task.
 */
final class TickerDays {

    private static final byte FORMAT = 1;
    private static final String AGGREGATED = "resolver-aggregated";

    private final String ticker;
    private final int capacity;
    private final List<Candle> recent = new ArrayList<>();
    private Timeframe intradayBase;
    private long lastIntradayOpen = Long.MIN_VALUE;
    private boolean forming;
    private long formingLastBase;
    private double formingOpen;
    private double formingHigh;
    private double formingLow;
    private double formingClose;
    private double formingVolume;

    TickerDays(String ticker, int capacity) {
        this.ticker = Objects.requireNonNull(ticker, "ticker");
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be >= 1, was " + capacity);
        }
        this.capacity = capacity;
    }

    /**
     * Adds a closed daily bar. Returns false, and keeps nothing, when a bar of its trading date
     * is already known (duplicate or second source: the first wins, as in core's outcome rule).
     */
    boolean addDaily(Candle daily) {
        LocalDate date = TradingDates.candleDate(daily);
        int at = recent.size();
        while (at > 0 && TradingDates.candleDate(recent.get(at - 1)).isAfter(date)) {
            at--;
        }
        if (at > 0 && TradingDates.candleDate(recent.get(at - 1)).equals(date)) {
            return false;
        }
        recent.add(at, daily);
        while (recent.size() > capacity) {
            recent.remove(0);
        }
        return true;
    }

    /**
     * Merges an intraday bar into the forming daily bar.
     *
     * @return the daily bars this closed (a period left behind, or the session close reached),
     *         not yet added; empty when the bar was ignored or closed nothing
     */
    List<Candle> offerIntraday(Candle bar) {
        if (!bar.interval().intraday()) {
            throw new IllegalArgumentException("not an intraday bar: " + bar.interval().code());
        }
        if (intradayBase == null) {
            intradayBase = bar.interval();
        }
        if (bar.interval() != intradayBase || bar.openTime() <= lastIntradayOpen) {
            return List.of();
        }
        Aggregator aggregator = restore();
        List<Candle> closed = new ArrayList<>(1);
        int result = aggregator.update(bar.openTime(), bar.open(), bar.high(), bar.low(), bar.close(), bar.volume(),
                day -> closed.add(day.toCandle(ticker, AGGREGATED)));
        if (result >= 0) {
            lastIntradayOpen = bar.openTime();
        }
        keep(aggregator);
        return closed;
    }

    /** Closes the forming daily bar when stream time passed its session close (half days, last day of a feed). */
    List<Candle> advanceTo(long streamTime) {
        if (!forming) {
            return List.of();
        }
        Aggregator aggregator = restore();
        List<Candle> closed = new ArrayList<>(1);
        aggregator.advanceTo(streamTime, day -> closed.add(day.toCandle(ticker, AGGREGATED)));
        keep(aggregator);
        return closed;
    }

    /** Open time of the latest bar this ticker sent (daily or intraday); {@code Long.MIN_VALUE} when none. */
    long lastBarOpen() {
        long last = lastIntradayOpen;
        for (Candle c : recent) {
            last = Math.max(last, c.openTime());
        }
        return last;
    }

    /** True while an intraday-built daily bar is forming. */
    boolean hasFormingBar() {
        return forming;
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

    private Aggregator restore() {
        SessionCalendar calendar = Symbols.isCryptoPair(ticker) ? SessionCalendar.CRYPTO : SessionCalendar.US_EQUITY;
        Aggregator aggregator = new Aggregator(calendar, intradayBase,
                EnumSet.of(Timeframe.D1));
        if (forming) {
            aggregator.update(formingLastBase, formingOpen, formingHigh, formingLow, formingClose, formingVolume, null);
        }
        return aggregator;
    }

    private void keep(Aggregator aggregator) {
        var bar = aggregator.forming(Timeframe.D1);
        forming = !bar.isEmpty();
        if (forming) {
            formingLastBase = bar.lastBaseTime();
            formingOpen = bar.open();
            formingHigh = bar.high();
            formingLow = bar.low();
            formingClose = bar.close();
            formingVolume = bar.volume();
        }
    }

    /** The state as bytes (format 1): intraday base, forming bar, recent daily bars. */
    byte[] toBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + recent.size() * 64);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT);
            out.writeUTF(intradayBase == null ? "" : intradayBase.code());
            out.writeLong(lastIntradayOpen);
            out.writeBoolean(forming);
            if (forming) {
                out.writeLong(formingLastBase);
                out.writeDouble(formingOpen);
                out.writeDouble(formingHigh);
                out.writeDouble(formingLow);
                out.writeDouble(formingClose);
                out.writeDouble(formingVolume);
            }
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

    /** Restores a state written by {@link #toBytes()}; null bytes give an empty state. */
    static TickerDays fromBytes(String ticker, int capacity, byte[] data) {
        TickerDays days = new TickerDays(ticker, capacity);
        if (data == null) {
            return days;
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
            byte format = in.readByte();
            if (format != FORMAT) {
                throw new IllegalArgumentException("unknown daily bar state format " + format + " for " + ticker);
            }
            String base = in.readUTF();
            days.intradayBase = base.isEmpty() ? null : Timeframe.parse(base).orElseThrow(
                    () -> new IllegalArgumentException("unknown interval " + base + " in daily bar state of " + ticker));
            days.lastIntradayOpen = in.readLong();
            days.forming = in.readBoolean();
            if (days.forming) {
                days.formingLastBase = in.readLong();
                days.formingOpen = in.readDouble();
                days.formingHigh = in.readDouble();
                days.formingLow = in.readDouble();
                days.formingClose = in.readDouble();
                days.formingVolume = in.readDouble();
            }
            int n = in.readInt();
            for (int i = 0; i < n; i++) {
                days.recent.add(new Candle(ticker, Timeframe.D1, in.readLong(), in.readDouble(), in.readDouble(),
                        in.readDouble(), in.readDouble(), in.readDouble(), in.readUTF()));
            }
            while (days.recent.size() > capacity) {
                days.recent.remove(0);
            }
            return days;
        } catch (IOException e) {
            throw new IllegalArgumentException("truncated or corrupt daily bar state of " + ticker
                    + " (" + data.length + " bytes)", e);
        }
    }
}
