package io.edgeloop.core.candle;

import java.nio.ByteBuffer;

/**
 * A bar under construction or just completed, owned and reused by an {@link Aggregator}, so
 * that aggregation allocates nothing per base bar. Read it through {@link BarView}; its values
 * change on the owner's next update, so call {@link #toCandle} to keep one.
 *
 * <p>Merging a base bar follows the OHLCV definition of a higher-timeframe bar: open of the
 * first base bar, max of highs, min of lows, close of the last, sum of volumes.
 */
public final class MutableBar implements BarView {

    private final Timeframe timeframe;
    private long openTime;
    private double open;
    private double high;
    private double low;
    private double close;
    private double volume;
    private int baseCount;
    private long lastBaseTime;

    MutableBar(Timeframe timeframe) {
        this.timeframe = timeframe;
        clear();
    }

    void clear() {
        openTime = Long.MIN_VALUE;
        open = Double.NaN;
        high = Double.NaN;
        low = Double.NaN;
        close = Double.NaN;
        volume = 0;
        baseCount = 0;
        lastBaseTime = Long.MIN_VALUE;
    }

    void start(long periodOpenTime) {
        clear();
        openTime = periodOpenTime;
    }

    void add(long baseOpenTime, double o, double h, double l, double c, double v) {
        if (baseCount == 0) {
            open = o;
            high = h;
            low = l;
        } else {
            high = Math.max(high, h);
            low = Math.min(low, l);
        }
        close = c;
        volume += v;
        baseCount++;
        lastBaseTime = baseOpenTime;
    }

    void copyFrom(MutableBar other) {
        openTime = other.openTime;
        open = other.open;
        high = other.high;
        low = other.low;
        close = other.close;
        volume = other.volume;
        baseCount = other.baseCount;
        lastBaseTime = other.lastBaseTime;
    }

    /** Bytes {@link #write} puts. */
    static final int STATE_SIZE = Long.BYTES * 2 + Double.BYTES * 5 + Integer.BYTES;

    void write(ByteBuffer buffer) {
        buffer.putLong(openTime);
        buffer.putDouble(open);
        buffer.putDouble(high);
        buffer.putDouble(low);
        buffer.putDouble(close);
        buffer.putDouble(volume);
        buffer.putInt(baseCount);
        buffer.putLong(lastBaseTime);
    }

    void read(ByteBuffer buffer) {
        openTime = buffer.getLong();
        open = buffer.getDouble();
        high = buffer.getDouble();
        low = buffer.getDouble();
        close = buffer.getDouble();
        volume = buffer.getDouble();
        baseCount = buffer.getInt();
        lastBaseTime = buffer.getLong();
        if (baseCount < 0) {
            throw new IllegalStateException("corrupt " + timeframe.code() + " bar state: base count " + baseCount);
        }
    }

    /** The timeframe this bar belongs to. */
    public Timeframe timeframe() {
        return timeframe;
    }

    /** True when no base bar has been merged (no forming bar, or nothing closed yet). */
    public boolean isEmpty() {
        return baseCount == 0;
    }

    /** How many base bars were merged. */
    public int baseCount() {
        return baseCount;
    }

    /** Open time of the last merged base bar: the bar "as it stands" at that base bar. */
    public long lastBaseTime() {
        return lastBaseTime;
    }

    @Override
    public long openTime() {
        return openTime;
    }

    @Override
    public double open() {
        return open;
    }

    @Override
    public double high() {
        return high;
    }

    @Override
    public double low() {
        return low;
    }

    @Override
    public double close() {
        return close;
    }

    @Override
    public double volume() {
        return volume;
    }

    /**
     * An immutable copy.
     *
     * @throws IllegalStateException when the bar is empty
     */
    public Candle toCandle(String ticker, String source) {
        if (isEmpty()) {
            throw new IllegalStateException("no " + timeframe.code() + " bar to copy");
        }
        return new Candle(ticker, timeframe, openTime, open, high, low, close, volume, source);
    }

    @Override
    public String toString() {
        return timeframe.code() + "[" + openTime + " o=" + open + " h=" + high + " l=" + low + " c=" + close
                + " v=" + volume + " n=" + baseCount + "]";
    }
}
