package io.edgeloop.streams;

import io.edgeloop.core.candle.BarView;
import io.edgeloop.core.candle.Candle;
import io.edgeloop.core.candle.SessionCalendar;
import io.edgeloop.core.signals.SignalLabel;

import java.nio.ByteBuffer;

/**
 * The value of the {@code ticker-state} store for one ticker and base interval: the session
 * calendar the model was started on, the ticker signal's last label (breadth hears of a ticker
 * only when it changes), the last accepted bar (the sequencing rule compares the next bar with
 * it) and the model's state bytes.
 *
 * <p>Layout: version byte {@value #VERSION}, calendar ordinal byte, label ordinal byte (-1 for
 * none), the last bar's open time (long) and open, high, low, close, volume (doubles), the model
 * state's length (int) and bytes.
 *
 * @param calendar the calendar the model aggregates on (fixed at the ticker's first bar)
 * @param label    the last ticker-signal label sent to breadth, null before the first
 * @param lastBar  the last accepted bar
 * @param model    the model state
 */
record TickerState(SessionCalendar calendar, SignalLabel label, LastBar lastBar, byte[] model) {

    static final byte VERSION = 1;
    private static final int HEADER = 3 + Long.BYTES + 5 * Double.BYTES + Integer.BYTES;

    /** The OHLCV of the last accepted bar, for {@link io.edgeloop.core.candle.BarSequencer}. */
    record LastBar(long openTime, double open, double high, double low, double close, double volume)
            implements BarView {

        static LastBar of(Candle candle) {
            return new LastBar(candle.openTime(), candle.open(), candle.high(), candle.low(), candle.close(),
                    candle.volume());
        }
    }

    /** The encoded state with the model written straight into it (one allocation, no copy). */
    static byte[] encode(SessionCalendar calendar, SignalLabel label, LastBar lastBar, TickerModel model) {
        ByteBuffer b = header(calendar, label, lastBar, model.stateSize());
        model.writeState(b);
        if (b.hasRemaining()) {
            throw new IllegalStateException("model wrote " + b.position() + " of " + b.capacity() + " state bytes");
        }
        return b.array();
    }

    private static ByteBuffer header(SessionCalendar calendar, SignalLabel label, LastBar lastBar, int modelLength) {
        ByteBuffer b = ByteBuffer.allocate(HEADER + modelLength);
        b.put(VERSION);
        b.put((byte) calendar.ordinal());
        b.put((byte) (label == null ? -1 : label.ordinal()));
        b.putLong(lastBar.openTime());
        b.putDouble(lastBar.open());
        b.putDouble(lastBar.high());
        b.putDouble(lastBar.low());
        b.putDouble(lastBar.close());
        b.putDouble(lastBar.volume());
        b.putInt(modelLength);
        return b;
    }

    /** @throws IllegalStateException for another layout version or truncated bytes */
    static TickerState decode(byte[] bytes) {
        if (bytes.length < HEADER || bytes[0] != VERSION) {
            throw new IllegalStateException("ticker state has layout version " + (bytes.length == 0 ? "none" : bytes[0])
                    + " and " + bytes.length + " bytes; this build reads version " + VERSION);
        }
        ByteBuffer b = ByteBuffer.wrap(bytes);
        b.get();
        SessionCalendar calendar = SessionCalendar.values()[b.get()];
        byte label = b.get();
        LastBar last = new LastBar(b.getLong(), b.getDouble(), b.getDouble(), b.getDouble(), b.getDouble(),
                b.getDouble());
        int length = b.getInt();
        if (length != b.remaining()) {
            throw new IllegalStateException("ticker state says " + length + " model bytes, has " + b.remaining());
        }
        byte[] model = new byte[length];
        b.get(model);
        return new TickerState(calendar, label < 0 ? null : SignalLabel.values()[label], last, model);
    }
}
