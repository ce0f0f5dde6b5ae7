package io.edgeloop.resolver;

import io.edgeloop.core.candle.Aggregator;
import io.edgeloop.core.candle.Candle;
import io.edgeloop.core.candle.SessionCalendar;
import io.edgeloop.core.candle.Symbols;
import io.edgeloop.core.candle.Timeframe;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;

/**
 * The daily bar forming from one ticker's intraday bars: a small value (about 60 bytes) kept
 * apart from the ticker's closed daily bars ({@link TickerDays}), so an intraday bar that closes
 * nothing reads and writes only this.
 *
 * <p>Intraday bars are aggregated by core's {@link Aggregator} on the ticker's
 * {@link SessionCalendar} (US equities: regular session 09:30-16:00 New York; crypto: UTC days),
 * with only the daily target. The aggregator is rebuilt from the stored forming bar when the
 * state was read from bytes, and then kept while the instance lives: feeding it one base bar with
 * the forming bar's OHLCV at the last merged base bar's open time reproduces its state exactly
 * (open of the first, max high, min low, close of the last, sum of volumes). The first intraday interval seen is the ticker's base; bars of another intraday
 * interval are ignored, and so are intraday bars not after the last one merged.
 *
 * <p>Not thread-safe; owned by one stream task, which keeps one instance per ticker.
 */
final class FormingDay {

    private static final byte FORMAT = 1;
    private static final String AGGREGATED = "resolver-aggregated";

    private final String ticker;
    private Timeframe intradayBase;
    private long lastIntradayOpen = Long.MIN_VALUE;
    private boolean forming;
    private long formingLastBase;
    private double formingOpen;
    private double formingHigh;
    private double formingLow;
    private double formingClose;
    private double formingVolume;
    /** The aggregator of the forming bar, kept between calls; null when none is forming or not built yet. */
    private Aggregator aggregator;

    FormingDay(String ticker) {
        this.ticker = Objects.requireNonNull(ticker, "ticker");
    }

    /**
     * Merges an intraday bar into the forming daily bar.
     *
     * @return the daily bars this closed (a period left behind, or the session close reached),
     *         not yet added to the ticker's days; empty when the bar was ignored or closed nothing
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

    /**
     * Closes the forming daily bar when stream time passed its session close (half days, last day
     * of a feed); the state is unchanged when nothing closed.
     */
    List<Candle> advanceTo(long streamTime) {
        if (!forming) {
            return List.of();
        }
        Aggregator aggregator = restore();
        List<Candle> closed = new ArrayList<>(1);
        aggregator.advanceTo(streamTime, day -> closed.add(day.toCandle(ticker, AGGREGATED)));
        if (!closed.isEmpty()) {
            keep(aggregator);
        }
        return closed;
    }

    /** True while an intraday-built daily bar is forming. */
    boolean hasFormingBar() {
        return forming;
    }

    /** Open time of the latest intraday bar merged; {@code Long.MIN_VALUE} when none. */
    long lastIntradayOpen() {
        return lastIntradayOpen;
    }

    private Aggregator restore() {
        if (aggregator != null) {
            return aggregator;
        }
        SessionCalendar calendar = Symbols.isCryptoPair(ticker) ? SessionCalendar.CRYPTO : SessionCalendar.US_EQUITY;
        Aggregator aggregator = new Aggregator(calendar, intradayBase, EnumSet.of(Timeframe.D1));
        if (forming) {
            aggregator.update(formingLastBase, formingOpen, formingHigh, formingLow, formingClose, formingVolume, null);
        }
        return aggregator;
    }

    private void keep(Aggregator updated) {
        var bar = updated.forming(Timeframe.D1);
        forming = !bar.isEmpty();
        // Kept only while a bar forms: a rebuilt aggregator knows nothing of closed days, so one
        // that closed a day is dropped, and the instance behaves as one read back from bytes.
        aggregator = forming ? updated : null;
        if (forming) {
            formingLastBase = bar.lastBaseTime();
            formingOpen = bar.open();
            formingHigh = bar.high();
            formingLow = bar.low();
            formingClose = bar.close();
            formingVolume = bar.volume();
        }
    }

    /** The state as bytes (format 1): intraday base, last merged open time, forming bar. */
    byte[] toBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT);
            writeFields(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the forming daily bar of " + ticker, e);
        }
        return bytes.toByteArray();
    }

    /** Restores a state written by {@link #toBytes()}; null bytes give an empty state. */
    static FormingDay fromBytes(String ticker, byte[] data) {
        FormingDay day = new FormingDay(ticker);
        if (data == null) {
            return day;
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
            byte format = in.readByte();
            if (format != FORMAT) {
                throw new IllegalArgumentException("unknown forming bar state format " + format + " for " + ticker);
            }
            day.readFields(in);
            return day;
        } catch (IOException e) {
            throw new IllegalArgumentException("truncated or corrupt forming bar state of " + ticker
                    + " (" + data.length + " bytes)", e);
        }
    }

    /** Writes the fields in the layout format 1 of {@link TickerDays} also used, before the split. */
    void writeFields(DataOutput out) throws IOException {
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
    }

    /** Reads the fields written by {@link #writeFields(DataOutput)}. */
    void readFields(DataInput in) throws IOException {
        String base = in.readUTF();
        intradayBase = base.isEmpty() ? null : Timeframe.parse(base).orElseThrow(
                () -> new IllegalArgumentException("unknown interval " + base + " in forming bar state of " + ticker));
        lastIntradayOpen = in.readLong();
        forming = in.readBoolean();
        if (forming) {
            formingLastBase = in.readLong();
            formingOpen = in.readDouble();
            formingHigh = in.readDouble();
            formingLow = in.readDouble();
            formingClose = in.readDouble();
            formingVolume = in.readDouble();
        }
    }
}
