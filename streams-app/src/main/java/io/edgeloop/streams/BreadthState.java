package io.edgeloop.streams;

import io.edgeloop.core.signals.SignalLabel;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Key and value layout of the {@code breadth-state} store (string keys, byte values):
 * <ul>
 *   <li>{@code m|TICKER}: a member as applied: label, bar time, sector;</li>
 *   <li>{@code q|BARTIME|TICKER} (bar time zero-padded to 19 digits, so keys sort by time):
 *       an update waiting for its bar-time boundary: label, bar time, sector;</li>
 *   <li>{@code p|PARTITION}: the latest bar time received from a candle partition;</li>
 *   <li>{@code t|emitted}: the last boundary emitted;</li>
 *   <li>{@code o|LEVEL:key}: the latest sector or market signal emitted (Avro bytes).</li>
 * </ul>
 */
final class BreadthState {

    static final String MEMBER = "m|";
    static final String PENDING = "q|";
    static final String PROGRESS = "p|";
    static final String EMITTED = "t|emitted";
    static final String OUTPUT = "o|";
    /** Sorts after every key of a prefix. */
    static final String END = "\uffff";

    private BreadthState() {
    }

    /**
     * A member vote: one ticker's label at a bar time, in a sector ("" for none).
     *
     * @param ticker  ticker
     * @param sector  sector name, "" when the ticker has none
     * @param label   the ticker's label
     * @param barTime bar time of the snapshot the label came from
     */
    record Vote(String ticker, String sector, SignalLabel label, long barTime) {

        byte[] encode() {
            byte[] s = sector.getBytes(StandardCharsets.UTF_8);
            return ByteBuffer.allocate(1 + Long.BYTES + s.length).put((byte) label.ordinal()).putLong(barTime).put(s)
                    .array();
        }

        static Vote decode(String ticker, byte[] bytes) {
            ByteBuffer b = ByteBuffer.wrap(bytes);
            SignalLabel label = SignalLabel.values()[b.get()];
            long time = b.getLong();
            return new Vote(ticker, new String(bytes, b.position(), b.remaining(), StandardCharsets.UTF_8), label, time);
        }

        String pendingKey() {
            return BreadthState.pendingKey(barTime, ticker);
        }
    }

    static String pendingKey(long barTime, String ticker) {
        return PENDING + String.format("%019d", barTime) + "|" + ticker;
    }

    /** The ticker of a pending key. */
    static String pendingTicker(String key) {
        return key.substring(PENDING.length() + 20);
    }

    static byte[] time(long t) {
        return ByteBuffer.allocate(Long.BYTES).putLong(t).array();
    }

    static long time(byte[] bytes) {
        return ByteBuffer.wrap(bytes).getLong();
    }
}
