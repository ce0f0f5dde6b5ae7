package io.edgeloop.resolver;

import io.edgeloop.core.outcome.TradeRef;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The recent unlinked OPEN trades of one ticker, in arrival order, so that a prediction that
 * arrives after a trade in its trade window (in event time, a trade in [t - tradeWindowBefore, t)
 * comes first) still counts it. Kept while the trade's entry time is at or after the cutoff the
 * processor gives ({@link #purge}), at most {@link #CAPACITY} (the oldest arrival goes first).
 *
 * <p>Not thread-safe; one instance per ticker and call, owned by one stream task.
 */
final class RecentTrades {

    /** Most trades kept per ticker. */
    static final int CAPACITY = 64;
    private static final byte FORMAT = 1;
    /** Stored codes of a trade's side (fixed, not the enum's ordinals). */
    private static final byte LONG = 0;
    private static final byte SHORT = 1;

    private final String ticker;
    private final List<TradeRef> trades = new ArrayList<>();

    RecentTrades(String ticker) {
        this.ticker = Objects.requireNonNull(ticker, "ticker");
    }

    /**
     * Adds an unlinked trade and drops those that entered before {@code cutoff}, then the oldest
     * arrivals beyond the capacity.
     *
     * @return how many trades were dropped because of the capacity
     */
    int add(TradeRef trade, long cutoff) {
        if (trade.linked() || !trade.ticker().equals(ticker)) {
            throw new IllegalArgumentException("trade " + trade.tradeId() + " is not an unlinked trade of " + ticker);
        }
        trades.add(trade);
        purge(cutoff);
        int over = Math.max(0, trades.size() - CAPACITY);
        trades.subList(0, over).clear();
        return over;
    }

    /** Drops the trades that entered before {@code cutoff}; true when any was dropped. */
    boolean purge(long cutoff) {
        return trades.removeIf(t -> t.entryTime() < cutoff);
    }

    String ticker() {
        return ticker;
    }

    boolean isEmpty() {
        return trades.isEmpty();
    }

    /** The trades kept, in arrival order. */
    List<TradeRef> trades() {
        return List.copyOf(trades);
    }

    /** The state as bytes (format 1): per trade its id, entry time and side. */
    byte[] toBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(8 + trades.size() * 32);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT);
            out.writeInt(trades.size());
            for (TradeRef t : trades) {
                out.writeUTF(t.tradeId());
                out.writeLong(t.entryTime());
                out.writeByte(t.side() == TradeRef.Side.LONG ? LONG : SHORT);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write recent trades of " + ticker, e);
        }
        return bytes.toByteArray();
    }

    private static TradeRef.Side side(byte code) {
        return switch (code) {
            case LONG -> TradeRef.Side.LONG;
            case SHORT -> TradeRef.Side.SHORT;
            default -> throw new IllegalArgumentException("unknown trade side code " + code);
        };
    }

    /** Restores a state written by {@link #toBytes()}; null bytes give an empty state. */
    static RecentTrades fromBytes(String ticker, byte[] data) {
        RecentTrades recent = new RecentTrades(ticker);
        if (data == null) {
            return recent;
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
            byte format = in.readByte();
            if (format != FORMAT) {
                throw new IllegalArgumentException("unknown recent trades format " + format + " for " + ticker);
            }
            int n = in.readInt();
            for (int i = 0; i < n; i++) {
                recent.trades.add(new TradeRef(in.readUTF(), ticker, null, in.readLong(),
                        side(in.readByte())));
            }
            return recent;
        } catch (IOException | ArrayIndexOutOfBoundsException e) {
            throw new IllegalArgumentException("truncated or corrupt recent trades of " + ticker
                    + " (" + data.length + " bytes)", e);
        }
    }
}
